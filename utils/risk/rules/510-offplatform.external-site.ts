import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'offplatform.external-site',
  category: 'off_platform',
  weight: 4,
  regexes: [
    {
      source: String.raw`(?<![a-z0-9@./])[a-z0-9][a-z0-9-]{1,30}\.(?:vn|com|com\.vn|net|shop|store|site|online|me|xyz|top)(?![a-z0-9])`,
      minDigits: 0,
      triggers: [
        'website',
        'web',
        'trang web',
        'link',
        'ghé',
        'truy cập',
        'đặt hàng tại',
        'mua tại',
        'xem thêm tại',
        'đặt tại',
      ],
    },
  ],
  context: {
    forbidAny: [
      'bảo hành',
      'tra cứu',
      'kích hoạt',
      'chính hãng tại',
      'nhà sản xuất',
      'website hãng',
      'web hãng',
      'trang chủ hãng',
      'shopee',
      'lazada',
      'tiki',
      'sendo',
      'tiktok',
    ],
    forbidWindow: 40,
  },
  sites: { exclude: ['chotot', 'facebook', 'muaban', 'nhattao', 'batdongsan'] },
  legalRef: LEGAL.off_platform,
  explanation: {
    vi: 'Tin đăng mời khách sang một website bên ngoài để đặt hàng hoặc xem giá: có dấu hiệu giao dịch ngoài sàn.',
    en: 'The listing sends buyers to an outside website to order or see prices: possible off-platform dealing.',
  },
  examples: {
    flag: ['Ghé website kemface.vn đặt hàng được giảm 30%', 'Xem thêm mẫu tại web tranhdep.vn'],
    pass: [
      'Tra cứu bảo hành tại website samsung.com/vn',
      'Kích hoạt bảo hành điện tử tại web apple.com',
      'Áo thun cotton',
    ],
  },
});
