import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.defect-excuse',
  category: 'counterfeit',
  weight: 2,
  phrases: [
    'hàng lỗi nhẹ {nên|giá} {rẻ|xả}',
    'lỗi nhẹ nên giá rẻ',
    'lỗi chỉ nên giá rẻ',
    'hàng lỗi xả kho {<LUX>|<SPORT>}',
    'do lỗi {nhỏ|nhẹ} nên giá {rẻ|tốt}',
    'hàng lỗi giá rẻ',
  ],
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: 'Lý do "hàng lỗi" được dùng để giải thích giá thấp bất thường: có dấu hiệu che giấu hàng nhái thương hiệu.',
    en: '"Slightly defective" is offered to explain an unusually low price, a possible cover for branded knock-offs.',
  },
  examples: {
    flag: ['Túi Gucci hàng lỗi nhẹ nên giá rẻ', 'Giày do lỗi nhỏ nên giá tốt'],
    pass: ['Hàng lỗi được đổi trả trong 7 ngày'],
  },
});
