import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.cheap-vs-genuine',
  category: 'counterfeit',
  weight: 5,
  phrases: [
    'bằng {1/10|1/5|1/4|1/3|một phần mười|10%|20%|30%}',
    'rẻ hơn {gấp |}{3|5|10|20|mấy|chục} lần',
    'rẻ {gấp |}{5|10|20|mấy|chục} lần',
    'bằng {một phần|1 phần} nhỏ',
  ],
  context: {
    requireAny: ['hãng', 'hàng hãng', 'chính hãng', 'auth', 'authentic', 'store', 'hàng thật', 'bản gốc'],
    window: 25,
    forbidAny: ['ngoài tiệm', 'ngoài cửa hàng', 'siêu thị', 'thị trường'],
    forbidWindow: 10,
  },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: 'Người bán so giá với "hàng hãng / auth" và nói rẻ hơn nhiều lần: thường là cách giới thiệu hàng sao chép; có dấu hiệu hàng giả.',
    en: "The seller compares the price with \"the brand's own goods\" and says it is several times cheaper, a usual way to present copies: possible counterfeit.",
  },
  examples: {
    flag: [
      'Áo polo giá chỉ bằng 1/10 hàng hãng',
      'Túi da rẻ hơn 10 lần hàng auth',
      'Giày giá bằng một phần nhỏ hàng chính hãng',
    ],
    pass: ['Giá chỉ bằng 1/2 ngoài tiệm, hàng chính hãng có hóa đơn', 'Sale 50% toàn bộ cửa hàng'],
  },
});
