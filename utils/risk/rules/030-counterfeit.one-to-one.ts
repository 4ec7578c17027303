import { defineRule } from './define';
import { SELLER_REPLY_PHRASES } from './shared-phrases';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.one-to-one',
  category: 'counterfeit',
  weight: 5,
  phrases: ['1:1', '1-1 auth', 'aaa', 'a1 like', 'hàng a1', 'loại aaa', 'super aaa', 'aaa+', 'mirror', 'rep'],
  context: {
    requireAny: ['<FASHION>', '<LUX>', '<SPORT>', 'auth', 'like', 'super', 'siêu cấp'],
    window: 60,
    forbidAny: [
      'pin',
      'pin tiểu',
      'pin đũa',
      'battery',
      'mah',
      '1.5v',
      'tỷ lệ',
      'tỉ lệ',
      'ty le',
      'đổi',
      'bảo hành',
      'bh',
      'đổi trả',
      'đổi mới',
      'lỗi',
      'gương',
      'mirrorless',
      ...SELLER_REPLY_PHRASES,
      'tranh',
      'khung',
      'giấy a1',
      'size a1',
      'khổ',
    ],
    forbidWindow: 25,
  },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: 'Ký hiệu "1:1 / AAA / mirror / rep" đi cùng hàng thời trang hoặc thương hiệu: thường dùng để chỉ hàng sao chép; có dấu hiệu hàng giả.',
    en: 'Grading terms ("1:1", "AAA", "mirror", "rep") next to branded or fashion goods usually denote copies: possible counterfeit.',
  },
  examples: {
    flag: [
      'Túi xách Chanel classic 1:1 da cừu',
      'Đồng hồ Hublot AAA máy cơ',
      'Giày Nike AF1 rep hộp đủ',
      'Kính mát Gentle Monster mirror',
    ],
    pass: [
      'Pin AAA Panasonic vỉ 4 viên',
      'Bảo hành 1:1 trong 12 tháng',
      'Mô hình tỷ lệ 1:1 trưng bày',
      'Gương mirror phòng tắm',
      'Shop rep tin nhắn rất nhanh, giày đẹp',
    ],
  },
});
