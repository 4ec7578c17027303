import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'advert.supplement-notice-missing',
  category: 'false_advertising',
  weight: 4,
  kind: 'missing_notice',
  phrases: [
    'thực phẩm chức năng',
    'tpcn',
    'thực phẩm bảo vệ sức khỏe',
    'thực phẩm bảo vệ sức khoẻ',
    'tpbvsk',
    'thực phẩm bổ sung',
    'viên uống',
    'thực phẩm hỗ trợ',
    'collagen uống',
    'collagen dạng uống',
    'nước uống collagen',
    'viên nang mềm',
    'viên sủi',
    'viên bổ',
    'cốm bổ',
    'cốm tăng',
    'bột uống',
    'trà giảm cân',
    'viên giảm cân',
    'viên tăng cân',
    'viên tăng chiều cao',
    'mỗi lần {1|2|3|một|hai} viên',
    'ngày uống {1|2|3|một|hai} {lần|viên}',
    'uống {1|2|3|một|hai} viên {mỗi ngày|1 ngày|một ngày|sau ăn|trước ăn}',
  ],
  context: {
    forbidAny: [
      'thuốc không kê đơn',
      'không kê đơn',
      'otc',
      'sđk vd',
      'số đăng ký vd',
      'giảm đau hạ sốt',
      'kẹo',
      'sữa bột',
      'sữa công thức',
      'thức ăn cho',
      'cho chó',
      'cho mèo',
      'thú cưng',
      'cây trồng',
    ],
  },
  notice: {
    phrases: [
      '{không|ko|k|hông} {phải|phải là} thuốc',
      'không có tác dụng thay thế thuốc',
      'không thay thế thuốc chữa bệnh',
      'không phải là thuốc chữa bệnh',
    ],
    minDescriptionLength: 80,
  },
  legalRef: LEGAL.supplement,
  explanation: {
    vi: 'Sản phẩm là thực phẩm chức năng nhưng phần mô tả không thấy câu bắt buộc "Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh": có dấu hiệu vi phạm quy định quảng cáo.',
    en: 'A food supplement whose description lacks the mandatory line "This product is not a medicine and does not replace medicines": may breach advertising rules.',
  },
  examples: {
    flag: [
      {
        title: 'Viên uống bổ gan Hepa',
        description: 'Viên uống thảo dược giúp mát gan, giải độc, tăng cường chức năng gan. Ngày uống 2 viên sau ăn. Hộp 60 viên, hàng chính hãng, giao nhanh toàn quốc.',
      },
    ],
    pass: [
      {
        title: 'Viên uống bổ gan Hepa',
        description: 'Viên uống thảo dược giúp mát gan, hỗ trợ giải độc gan. Ngày uống 2 viên sau ăn. Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.',
      },
      'Viên uống bổ gan Hepa (title only)',
    ],
  },
});
