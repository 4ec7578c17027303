import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.fake-official-shop',
  category: 'counterfeit',
  weight: 4,
  fields: ['title', 'shopName'],
  phrases: [
    'offical',
    'oficial',
    'officail',
    'offcial',
    'offfical',
    'ofical',
    'officical',
    'offical store',
    'officiall',
    'authentic store fake',
    'chinh hang 100% rep',
    'mall chính hãng giá sỉ',
    'official fake',
  ],
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: 'Tên gian hàng/tin đăng dùng chữ "Official" viết sai hoặc tự xưng chính hãng một cách bất thường: có dấu hiệu giả danh gian hàng chính hãng.',
    en: 'The shop or listing uses a misspelt "Official" or an odd claim of authenticity: it may impersonate an official store.',
  },
  examples: {
    flag: [{ title: 'Giày thể thao nam', shopName: 'Nike Offical Store' }, 'Adidas Oficial Shop giày nam'],
    pass: [{ title: 'Giày thể thao nam', shopName: 'Nike Official Store' }, 'Tai nghe chính hãng Sony'],
  },
});
