import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.brand-house',
  category: 'counterfeit',
  weight: 6,
  phrases: ['nhà {lờ|lờ vờ|gu|chà|lv|hermes|gucci|chanel|dior|ysl|prada|bơ bơ|bò}'],
  context: {
    requireAny: [
      '<FASHION>',
      'monogram',
      'họa tiết',
      'logo',
      'da caviar',
      'caviar',
      'canvas',
      'khăn choàng',
      'đeo chéo',
      'ví dài',
      'mẫu mới',
      'size',
    ],
    window: 40,
  },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: '"Nhà Lờ / nhà Gu / nhà Chà…": cách gọi lóng tên thương hiệu xa xỉ để né bộ lọc khi rao hàng thời trang: có dấu hiệu hàng nhái.',
    en: '"House L / house G / house C…": slang for luxury brands used to dodge filters when offering fashion items: possible knock-off.',
  },
  examples: {
    flag: ['Khăn choàng nhà Lờ monogram', 'Túi đeo chéo nhà Gu mẫu mới', 'Ví dài nhà Chà da caviar'],
    pass: ['Nhà lờ đờ buổi sáng? Cà phê đi', 'Giày đi trong nhà', 'Túi đựng đồ nhà bếp'],
  },
});
