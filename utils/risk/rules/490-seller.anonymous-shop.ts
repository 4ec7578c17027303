import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'seller.anonymous-shop',
  category: 'seller_info_missing',
  weight: 3,
  fields: ['shopName'],
  phrases: [
    'ko tên',
    'không tên',
    'chưa có tên',
    'ẩn danh',
    'no name',
    'noname',
    'unknown',
    'người bán',
    'chưa đặt tên',
    'shop chưa có tên',
    'n/a',
    'test shop',
    'abc shop',
    'xyz',
  ],
  regexes: [
    {
      source: String.raw`^ ?(?:user|shop|seller|store|nguoi ?ban|khach|tk|acc)[ _.-]?\d{5,12} ?$`,
      minDigits: 5,
    },
    { source: String.raw`^ ?[a-z]{1,3}\d{7,12} ?$`, minDigits: 7 },
    { source: String.raw`^ ?\d{6,15} ?$`, minDigits: 6 },
  ],
  legalRef: LEGAL.seller_info_missing,
  explanation: {
    vi: 'Tên gian hàng chung chung hoặc tự động (ẩn danh, "user123456"): tín hiệu yếu của thiếu thông tin người bán.',
    en: 'A generic or auto-generated shop name (anonymous, "user123456"): a weak sign of missing seller information.',
  },
  examples: {
    flag: [
      { title: 'Áo thun nam', shopName: 'user8836152' },
      { title: 'Áo thun nam', shopName: 'Ẩn danh' },
    ],
    pass: [
      { title: 'Áo thun nam', shopName: 'Thời Trang Nam Hải' },
      { title: 'Áo thun nam', shopName: 'shop2hand.vn' },
    ],
  },
});
