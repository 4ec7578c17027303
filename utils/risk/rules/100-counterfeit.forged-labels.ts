import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.forged-labels',
  category: 'counterfeit',
  weight: 5,
  phrases: [
    '{tem|nhãn|mác|nhãn mác|tag|thẻ bài|logo sắt|logo kim loại|hộp|vỏ hộp|hộp giấy|túi giấy|bill|thẻ bảo hành|tem chống giả|tem nhôm} {<LUX>|nike|adidas|mlb|jordan|rolex}',
    'in tem chống giả',
    'in tem nhãn mác thương hiệu',
    'tem nhãn giả',
    'tem giả',
    'làm bill giả',
    'hộp giày hãng rời',
    'vỏ hộp đồng hồ hãng',
    'bán tem mác',
  ],
  context: {
    exemptAny: ['cho doanh nghiệp', 'giấy phép kinh doanh của khách', 'giấy phép kinh doanh của doanh nghiệp'],
    forbidAny: [
      'tự thiết kế',
      'logo shop',
      'thương hiệu của bạn',
      'kèm',
      'đầy đủ',
      'full',
      'fullbox',
      'full box',
      'chính hãng',
      'authentic',
      'đi kèm',
      'bao gồm',
      'nguyên hộp',
      'nguyên tem',
      'có bill',
      'còn bill',
      'bill mua',
      'mua tại',
      'store',
      'auth',
    ],
    window: 40,
  },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: 'Chào bán riêng tem, nhãn, hộp, hóa đơn, thẻ bảo hành mang thương hiệu: có dấu hiệu làm giả nhãn hàng hóa (NĐ 98/2020 Điều 12).',
    en: 'Brand labels, tags, boxes, bills or warranty cards sold on their own may be used to pass off fakes (forged labels, Decree 98/2020 art. 12).',
  },
  examples: {
    flag: [
      'Bán tem mác Gucci số lượng lớn',
      'Hộp giày Nike rời giá sỉ',
      'Thẻ bảo hành Rolex in theo yêu cầu',
      'Túi giấy Chanel đựng quà',
    ],
    pass: [
      'Hộp đựng giày nhựa trong suốt',
      'In tem nhãn decal theo yêu cầu cho shop',
      'Túi giấy kraft đựng quà',
    ],
  },
});
