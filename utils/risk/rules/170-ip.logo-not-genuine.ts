import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'ip.logo-not-genuine',
  category: 'ip_infringement',
  weight: 5,
  phrases: [
    '{không|ko|k} phải {là |}{hàng |sản phẩm |phụ kiện |}{chính hãng|hãng|của hãng|hàng hãng|auth|bản quyền}',
    'hàng không chính hãng',
    'không phải hàng chính hãng',
  ],
  context: {
    requireAny: [
      'logo',
      'in hình',
      'thêu hình',
      'in logo',
      'thêu logo',
      'đúc logo',
      'in nhãn hiệu',
      'mác hãng',
      'tem hãng',
    ],
    forbidAny: [
      '{không|ko} nhái logo',
      'tự thiết kế',
      'tương thích',
      'dành cho',
      'thay thế cho',
      'thay thế',
      'logo shop',
      'logo riêng',
      'thương hiệu riêng',
    ],
    forbidWindow: 60,
  },
  legalRef: LEGAL.ip_infringement,
  explanation: {
    vi: 'Sản phẩm mang logo/hình thương hiệu nhưng người bán thừa nhận không phải hàng chính hãng: có dấu hiệu dùng nhãn hiệu trái phép.',
    en: "The product carries a brand's logo or artwork but the seller admits it is not genuine: possible unauthorised use of a trademark.",
  },
  examples: {
    flag: [
      { title: 'Nón kết thêu logo Ferrari', description: 'thêu theo yêu cầu, không phải hàng hãng' },
      'Móc khóa đúc logo Mercedes, hàng không chính hãng',
    ],
    pass: [
      'Cáp sạc tương thích iPhone, không phải hàng chính hãng Apple',
      'Ốp lưng không phải hàng chính hãng',
    ],
  },
});
