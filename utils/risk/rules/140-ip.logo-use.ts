import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'ip.logo-use',
  category: 'ip_infringement',
  weight: 5,
  phrases: [
    '{in|thêu|dập|khắc|ép|in hình|thêu hình|in nhiệt} logo {<LUX>|<SPORT>}',
    'logo {<LUX>|nike|adidas|mlb|supreme|jordan} {thêu|in|dập|to|nhỏ|sắt|kim loại|giả}',
    '{vân|họa tiết|hoạ tiết|monogram|pattern} {<LUX>}',
    '{kiểu dáng|form dáng|phong cách|style} {<LUX>}',
    'nhái logo',
    'logo nhái',
    'giả logo',
    'nhái kiểu dáng',
    'copy thiết kế',
    'sao chép thiết kế',
    'nhái thiết kế',
    'lấy cảm hứng {từ |}{<LUX>}',
    'inspired by {<LUX>}',
    'vải {<LUX>}',
    'decal logo {<LUX>|<SPORT>}',
    'sticker logo {<LUX>|<SPORT>}',
  ],
  context: { forbidAny: ['{không|ko} nhái logo', 'chính hãng', 'authentic', 'official'], window: 40 },
  legalRef: LEGAL.ip_infringement,
  explanation: {
    vi: 'Sản phẩm dùng logo, họa tiết hoặc kiểu dáng của thương hiệu khác mà không thấy dấu hiệu được phép: có dấu hiệu xâm phạm quyền sở hữu trí tuệ.',
    en: "The product uses another brand's logo, monogram or design with no sign of authorisation: it may infringe intellectual-property rights.",
  },
  examples: {
    flag: [
      'Áo thun in logo Gucci cotton 100%',
      'Túi vải họa tiết LV monogram',
      'Vải Burberry may áo sơ mi',
      'Túi xách kiểu dáng Hermes Birkin da PU',
      'Sticker logo Nike dán xe',
    ],
    pass: [
      'In logo theo yêu cầu cho doanh nghiệp',
      'Áo thun trơn cotton',
      'Áo Nike chính hãng thêu swoosh',
    ],
  },
});
