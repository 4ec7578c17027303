import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'banned.fireworks',
  category: 'banned_goods',
  weight: 7,
  phrases: [
    'pháo nổ',
    'pháo hoa nổ',
    'pháo bi',
    'pháo dây',
    'pháo tép',
    'pháo đại',
    'pháo trứng',
    'pháo tự chế',
    'thuốc pháo',
    'pháo cối',
    'pháo bánh {trung quốc|tq|nổ}',
    'pháo {trung quốc|tq|lậu|lào}',
    'pháo hoa {trung quốc|tq|lậu|lào|tự chế}',
    'pháo nổ {trung quốc|tq}',
    'pháo ống nổ',
    'pháo điện tử nổ',
    'pháo bông nổ',
    'pháo chuột',
    'pháo đùng',
    'pháo hoa nổ tầm cao',
  ],
  context: {
    forbidAny: ['không nổ', 'ko nổ', 'trang trí', 'giấy', 'kim tuyến', 'z121', 'bộ quốc phòng', 'cầm tay'],
    forbidWindow: 30,
  },
  legalRef: LEGAL.fireworks,
  explanation: {
    vi: 'Có dấu hiệu chào bán pháo nổ hoặc pháo không rõ nguồn gốc: bị cấm theo NĐ 137/2020 (chỉ pháo hoa của đơn vị được phép mới được lưu hành).',
    en: 'Signs of explosive or unlicensed fireworks: banned under Decree 137/2020 (only licensed non-explosive fireworks may be sold).',
  },
  examples: {
    flag: [
      'Pháo bi Trung Quốc giao Tết',
      'Pháo hoa nổ tầm cao 36 ống',
      'Pháo dây nổ đám cưới',
      'ph@o n.ổ giá sỉ',
    ],
    pass: [
      'Pháo giấy kim tuyến cầm tay đám cưới',
      'Pháo hoa Z121 Bộ Quốc phòng chính hãng',
      'Pháo bông que sinh nhật không nổ',
      'Pháo điện tử đồ trang trí Tết không nổ',
    ],
  },
});
