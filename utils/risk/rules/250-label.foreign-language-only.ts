import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'label.foreign-language-only',
  category: 'missing_vn_label',
  weight: 5,
  phrases: [
    '{bằng |}{tiếng|chữ} {trung|nhật|hàn|thái|anh|đức|nga|đài|tàu}',
    'tiếng {trung|nhật|hàn|thái} {thôi|hoàn toàn|100%|nguyên bản}',
  ],
  context: {
    requireAny: [
      'nhãn',
      'bao bì',
      'hướng dẫn',
      'hdsd',
      'vỏ hộp',
      'hạn dùng',
      'hsd',
      'date',
      'thành phần',
      'nhãn gốc',
      'tem',
      'chữ in',
    ],
    window: 30,
    forbidAny: [
      'tiếng việt',
      'song ngữ',
      'sách',
      'giáo trình',
      'học tiếng',
      'từ điển',
      'truyện',
      'bàn phím',
      'dạy',
      'gia sư',
      'khóa học',
      'phiên dịch',
      'dịch thuật',
      'phụ đề',
      'vietsub',
      'lồng tiếng',
      'thuyết minh',
    ],
    forbidWindow: 40,
  },
  legalRef: LEGAL.missing_vn_label,
  explanation: {
    vi: 'Nhãn, bao bì hoặc hướng dẫn chỉ bằng tiếng nước ngoài: có dấu hiệu thiếu nhãn phụ tiếng Việt theo NĐ 43/2017.',
    en: 'The label, packaging or instructions are in a foreign language only: may breach the Vietnamese sub-label rules of Decree 43/2017.',
  },
  examples: {
    flag: [
      'Dầu gội Thái bao bì 100% tiếng Thái',
      'Nồi chiên, hướng dẫn tiếng Trung',
      'Sữa chua khô, hạn dùng in tiếng Trung',
      'Dầu ăn dặm cho bé, nhãn tiếng Hàn thôi nha',
    ],
    pass: [
      'Giáo trình học tiếng Trung cơ bản',
      'Hướng dẫn sử dụng tiếng Anh và tiếng Việt',
      'Sách song ngữ tiếng Nhật',
      'Bàn phím in chữ Hàn',
      'Gia sư dạy tiếng Hàn',
    ],
  },
});
