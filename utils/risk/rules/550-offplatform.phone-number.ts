import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'offplatform.phone-number',
  category: 'off_platform',
  weight: 5,
  fields: ['title', 'description', 'shopName'],
  regexes: [
    {
      source: String.raw`(?<![\d.,])(?:\+ ?84|84|0) ?[.-]? ?[35789](?: ?[.-]? ?\d){8}(?![\d])`,
      minDigits: 9,
    },
    {
      source: '(?<![a-z])(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)(?: ?[,.-]? (?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)){8,10}(?![a-z])',
      minDigits: 0,
      triggers: ['không'],
      alsoTriggers: [['chín', 'tám', 'bảy', 'năm', 'ba']],
      flags: '',
    },
    {
      source: String.raw`(?<![\w.,])\+ ?84 ?[.-]? ?[35789](?: ?[.-]? ?[\do]){8}(?![\w])`,
      minDigits: 2,
    },
    {
      source: String.raw`(?<![\w.,])[0o] ?[.-]? ?[35789](?: ?[.-]? ?[\do]){8}(?![\w])`,
      minDigits: 5,
      triggers: ['lh', 'liên hệ', 'sđt', 'sdt', 'zalo', 'gọi', 'hotline', 'đt', 'phone', 'call', 'số'],
    },
    {
      source: String.raw`(?<![\d.,])(?:\+ ?84|84|0) ?[.-]? ?2\d(?: ?[.-]? ?\d){8}(?![\d])`,
      minDigits: 9,
      triggers: ['lh', 'liên hệ', 'sđt', 'sdt', 'gọi', 'hotline', 'đt', 'phone', 'call', 'số', 'điện thoại'],
    },
  ],
  context: {
    forbidAny: [
      'mã số thuế',
      'mst',
      'mã số doanh nghiệp',
      'số tài khoản',
      'stk',
      'mã vạch',
      'mã sản phẩm',
      'sku',
      'số seri',
      'serial',
    ],
    forbidWindow: 12,
  },
  sites: { exclude: ['chotot', 'facebook', 'muaban', 'nhattao', 'batdongsan'] },
  legalRef: LEGAL.off_platform,
  explanation: {
    vi: 'Tin đăng có số điện thoại di động: có dấu hiệu kéo khách giao dịch ngoài sàn (sàn cấm đưa số điện thoại).',
    en: 'The listing contains a mobile phone number: a possible attempt to take the deal off-platform (marketplaces forbid phone numbers).',
  },
  examples: {
    flag: [
      'Kết bạn za lô: không chín ba hai, năm năm tám, một bốn sáu',
      'Liên hệ 0912345678',
      'Gọi 09.12.34.56.78 để đặt',
      'sđt 0 9 8 7 6 5 4 3 2 1',
      'Hotline +84 912 345 678',
      'Lh O9O9.888.777',
      'Liên hệ 0 9 7 8 . 6 5 4 . 3 2 1',
      'Vui lòng gọi 0283 123 4567',
    ],
    pass: [
      { title: 'Bánh quy bơ', description: 'Mã số thuế 0312345678, giấy ATTP số 123/2025' },
      'Một hai ba bốn, cả nhà cùng học đếm',
      'Giá 1.290.000đ',
      'Tổng đài bảo hành 1800 1234',
      'Mã sản phẩm 8934563123456',
      { title: 'Bán xe máy Wave', description: 'Liên hệ 0912345678', site: 'chotot.com' },
      'Mã vạch 6934177716584, dung lượng 10000mAh',
    ],
  },
});
