import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'ip.preloaded-media',
  category: 'ip_infringement',
  weight: 5,
  phrases: ['chép sẵn', 'copy sẵn', 'nạp sẵn', 'chép {đầy|full} {phim|game|nhạc}'],
  context: {
    requireAny: ['phim', 'game', 'nhạc', 'bom tấn', 'karaoke', 'truyện', 'ebook', 'bài hát'],
    window: 40,
    forbidAny: ['có bản quyền', 'bản quyền chính hãng'],
    forbidWindow: 40,
  },
  legalRef: LEGAL.ip_infringement,
  explanation: {
    vi: 'Thiết bị/thẻ nhớ bán kèm phim, game, nhạc chép sẵn: có dấu hiệu sao chép trái phép tác phẩm.',
    en: 'A device or memory card sold with films, games or music already copied on it: may be unauthorised copies.',
  },
  examples: {
    flag: [
      'USB 64GB chép sẵn 300 phim hành động',
      'Thẻ nhớ 32GB chép sẵn nhạc bolero cho loa',
      'Ổ cứng 2TB copy sẵn 150 game PC',
    ],
    pass: [
      'USB Kingston 64GB chính hãng',
      'Laptop Dell cài sẵn Windows bản quyền',
      'Tivi Samsung cài sẵn Netflix, YouTube xem phim',
    ],
  },
});
