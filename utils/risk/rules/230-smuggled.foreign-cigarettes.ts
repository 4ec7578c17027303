import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'smuggled.foreign-cigarettes',
  category: 'smuggled',
  weight: 5,
  phrases: [
    'thuốc lá {jet|hero|esse|555|marlboro|craven|caraven|zest|scott|mevius|mild seven|camel|dunhill|kent|winston|lucky strike|black devil|ngoại|nhập khẩu|lào|campuchia|thái|mỹ|nhật|hàn|trung quốc|bạc hà ngoại}',
    'cây thuốc lá',
    'thuốc lá điếu {ngoại|nhập}',
    '{esse|jet|hero|marlboro|555|craven|mevius} {cây|bao|gói|tút|tút 10 bao}',
    '{esse|jet|hero|marlboro|555|craven|mevius|dunhill|kent|winston|camel|caraven} thuốc lá',
    'xì gà {cohiba|cuba|nhập khẩu}',
    'cigarette',
    'cigarettes',
    'thuốc lào {lậu|bắc}',
  ],
  legalRef: LEGAL.tobacco,
  explanation: {
    vi: 'Chào bán thuốc lá điếu ngoại trên mạng: có dấu hiệu hàng nhập lậu, và việc bán thuốc lá cần giấy phép.',
    en: 'Foreign cigarettes offered online: possibly smuggled, and selling tobacco requires a licence.',
  },
  examples: {
    flag: ['Thuốc lá Esse Change bạc hà cây 10 bao', 'Jet cây giá sỉ', 'Thuoc la Hero nhap khau'],
    pass: ['Bật lửa Zippo chính hãng', 'Kẹo cao su bạc hà Cool Air', 'Áo phông in hình 555'],
  },
});
