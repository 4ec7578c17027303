import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'label.no-sub-label',
  category: 'missing_vn_label',
  weight: 5,
  phrases: [
    '<NEG> có sticker tiếng việt',
    '{nhật bản|nhật} {bản |}nội địa',
    '{chưa|không|ko} có {nhãn|hướng dẫn|nhãn và hướng dẫn|hướng dẫn sử dụng} tiếng việt',
    '{toàn|chỉ có|toàn bộ} tiếng {trung|hàn|nhật|thái|anh}',
    'chưa có tiếng việt',
    'dán giấy dịch',
    'chưa kịp dán nhãn phụ',
    '<NEG> có nhãn mác',
    '<NEG> in nhãn',
    '<NEG> ghi {ngày sản xuất|hạn sử dụng|thành phần|tên cơ sở|ngày đóng chai|nhà sản xuất}',
    '<NEG> {có |dán |}{tem phụ|nhãn phụ|tem nhãn phụ|tem phụ tiếng việt|nhãn phụ tiếng việt|nhãn tiếng việt|tem tiếng việt|tem nhập khẩu|tem phụ nhập khẩu|hướng dẫn tiếng việt|hdsd tiếng việt}',
    'thiếu tem phụ',
    'thiếu nhãn phụ',
    'chưa dán tem',
    'không tem không nhãn',
    'không tem',
    'no tem',
    'ko tem',
    'k tem',
    'hàng không tem',
    'hàng chưa tem',
    'bao bì {full|toàn|100%} chữ {trung|nhật|hàn|thái|tàu}',
    'bao bì nội địa {trung|nhật|hàn|thái}',
  ],
  context: {
    forbidAny: ['sách', 'giáo trình', 'học tiếng', 'từ điển', 'truyện', 'bàn phím'],
    forbidWindow: 20,
  },
  legalRef: LEGAL.missing_vn_label,
  explanation: {
    vi: 'Tin đăng cho biết sản phẩm không có tem/nhãn phụ tiếng Việt hoặc nhãn chỉ bằng tiếng nước ngoài: có dấu hiệu thiếu nhãn phụ theo NĐ 43/2017.',
    en: 'The listing says there is no Vietnamese sub-label, or the label is in a foreign language only: may breach Decree 43/2017 labelling rules.',
  },
  examples: {
    flag: [
      'Kem chống nắng Anessa nội địa Nhật không tem phụ',
      'Sữa bột Meiji hàng ko có tem phụ tiếng Việt',
      'Nước giặt Hàn Quốc chưa có nhãn phụ',
      'Nồi cơm điện nội địa Nhật chưa dán tem phụ',
    ],
    pass: [
      'Kem chống nắng chính hãng có tem phụ tiếng Việt đầy đủ',
      'Sữa rửa mặt giá 120k có tem phụ nhập khẩu',
      'Sữa bột nhập khẩu có nhãn phụ',
      'Giáo trình học tiếng Trung cơ bản',
    ],
  },
});
