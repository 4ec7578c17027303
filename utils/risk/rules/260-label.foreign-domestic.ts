import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'label.foreign-domestic',
  category: 'missing_vn_label',
  weight: 2,
  phrases: [
    'nội địa {trung|tq|nhật|hàn|thái|đài|mỹ|úc}',
    'hàng nội địa {trung|tq|nhật|hàn|thái|đài}',
    'bản nội địa {trung|tq|nhật|hàn}',
    'hàng nội địa',
  ],
  legalRef: LEGAL.missing_vn_label,
  explanation: {
    vi: 'Hàng "nội địa" nước ngoài thường không có nhãn phụ tiếng Việt: tín hiệu yếu, cần kiểm tra nhãn.',
    en: 'Foreign-domestic goods often lack a Vietnamese sub-label: weak signal, check the label.',
  },
  examples: {
    flag: ['Máy sấy tóc Xiaomi nội địa Trung', 'Kem dưỡng Hada Labo nội địa Nhật'],
    pass: ['Hàng Việt Nam sản xuất nội địa chất lượng cao'],
  },
});
