import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.price-far-below',
  category: 'counterfeit',
  weight: 5,
  kind: 'price',
  price: { maxRatio: 0.3 },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: '{brand} được rao {price} ₫, chỉ khoảng {percent}% giá chính hãng tham khảo (từ {ref} ₫): giá thấp bất thường là dấu hiệu cần kiểm tra, không phải bằng chứng.',
    en: '{brand} is offered at {price} VND, about {percent}% of the reference genuine price (from {ref} VND): an unusually low price is a signal worth checking, not proof.',
  },
  examples: {
    flag: [
      { title: 'Túi xách Louis Vuitton Neverfull', price: 450000 },
      { title: 'Đồng hồ Rolex Datejust nam', price: 1200000 },
      { title: 'Giày thể thao nam', brand: 'Nike', price: 180000 },
    ],
    pass: [
      { title: 'Túi xách Louis Vuitton Neverfull chính hãng', price: 42000000 },
      { title: 'Ốp lưng iPhone 15 Pro Max', price: 45000 },
      { title: 'Dây đeo Apple Watch', price: 90000 },
      { title: 'iPhone 8 Plus cũ 64GB', price: 1900000 },
    ],
  },
});
