import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'advert.permanent-claims',
  category: 'false_advertising',
  weight: 5,
  phrases: [
    'dứt điểm',
    'tận gốc',
    'vĩnh viễn',
    'không tái phát',
    'vĩnh viễn không quay lại',
    'hết hẳn',
    'khỏi hẳn',
    'hoàn toàn sau {1|2|3|một} {liệu trình|tuần|tháng}',
  ],
  context: {
    requireAny: ['<DISEASE>', '<COND>'],
    window: 40,
    forbidAny: [
      'sạch tận gốc',
      'làm sạch',
      'sạch sâu',
      'bảo hành',
      'kích hoạt',
      'tẩy',
      'triệt lông',
      'vết bẩn',
      'hỗ trợ',
      'bản quyền',
      'nhuộm',
      'nuôi dưỡng',
      'dưỡng',
      'thẩm thấu',
      'chân tóc',
      'nang tóc',
      'khử mùi',
      'diệt khuẩn',
    ],
    forbidWindow: 30,
  },
  legalRef: LEGAL.false_advertising,
  explanation: {
    vi: 'Lời hứa chấm dứt hẳn/vĩnh viễn một bệnh hoặc tình trạng (nám, hói, mất ngủ, dạ dày…): có dấu hiệu quảng cáo sai sự thật về công dụng.',
    en: 'A promise to end a disease or condition for good (melasma, baldness, insomnia, stomach ulcers…): may be false advertising.',
  },
  examples: {
    flag: [
      'Serum trị hói đầu dứt điểm sau 2 tuần',
      'Kem trị nám, hết nám vĩnh viễn',
      'Trà trị mất ngủ tận gốc',
    ],
    pass: [
      'Nước tẩy rửa sạch tận gốc vết bẩn',
      'Kích hoạt Windows vĩnh viễn',
      'Máy triệt lông vĩnh viễn tại nhà',
      'Dầu gội sạch gàu, làm sạch tận gốc tóc',
    ],
  },
});
