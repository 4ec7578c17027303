import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.price-absurd',
  category: 'counterfeit',
  weight: 3,
  kind: 'price',
  price: { maxRatio: 0.12 },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: '{brand} ở mức {price} ₫ (~{percent}% giá tham khảo {ref} ₫): chênh lệch rất lớn, có dấu hiệu hàng giả hoặc lừa đảo, cần kiểm tra.',
    en: '{brand} at {price} VND (~{percent}% of the {ref} VND reference): a gap this large is a sign of fakes or scams worth checking.',
  },
  examples: {
    flag: [{ title: 'Đồng hồ Rolex Submariner', price: 900000 }],
    pass: [{ title: 'Đồng hồ Rolex Submariner', price: 25000000 }],
  },
});
