import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'offplatform.inbox-weak',
  category: 'off_platform',
  weight: 1,
  phrases: [
    'ib',
    'inbox',
    'ibox',
    'inb',
    'nhắn tin shop',
    'ib shop',
    'ib mình',
    'ib em',
    'inbox shop',
    'nt shop',
    'dm',
    'pm',
  ],
  legalRef: LEGAL.off_platform,
  explanation: {
    vi: '"Inbox / ib": tín hiệu yếu, chỉ đáng chú ý khi đi cùng các dấu hiệu khác.',
    en: '"Inbox / DM": a weak signal, relevant only with other signs.',
  },
  examples: {
    flag: ['Mẫu mới về, ib shop nhé', 'Inbox để tư vấn size'],
    pass: ['Bánh mì ibis', 'Sách Ibuki'],
  },
});
