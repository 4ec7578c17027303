import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'ip.leaked-course',
  category: 'ip_infringement',
  weight: 5,
  phrases: [
    '{khóa|khoá} {trả phí|có phí|vip} {đã |}{download|tải|tải về|quay} lại',
    'download lại',
    '{up|tải} lên {google drive|drive}',
    'gửi link {ngay |}sau khi thanh toán',
    'quay màn hình {lại|khóa|khoá|bài giảng}',
    'mua chung {khóa|khoá|tài khoản}',
    'chia lại {cho|khóa|khoá}',
    'share lại cho',
    'chia sẻ lại cho',
    'share lại',
    'chia sẻ lại',
    'link drive',
    'link google drive',
    'qua google drive',
    'gửi link drive',
    'bản leak',
    'full video',
  ],
  context: {
    requireAny: [
      'khóa',
      'khoá',
      'khóa vip',
      'học online',
      'luyện thi',
      'coach',
      'khóa học',
      'khoá học',
      'course',
      'bài giảng',
      'video học',
      'tài liệu ôn',
      'giáo trình',
    ],
    window: 80,
    forbidAny: ['chính thức', 'có bản quyền', 'của tác giả'],
    forbidWindow: 60,
  },
  legalRef: LEGAL.ip_infringement,
  explanation: {
    vi: 'Khóa học/tài liệu có phí được chia sẻ lại qua đường link: có dấu hiệu xâm phạm quyền tác giả.',
    en: 'A paid course or material re-shared through a link: may infringe copyright.',
  },
  examples: {
    flag: [
      'Khóa học IELTS 7.5 trọn bộ share lại giá rẻ',
      'Khoá học Photoshop full video, gửi link Google Drive sau khi thanh toán',
    ],
    pass: ['Khóa học tiếng Anh online trên app chính thức', 'Ổ cứng di động 1TB chia sẻ dữ liệu nhanh'],
  },
});
