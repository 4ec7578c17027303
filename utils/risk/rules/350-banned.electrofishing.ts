import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'banned.electrofishing',
  category: 'banned_goods',
  weight: 6,
  phrases: [
    'máy kích cá',
    'kích cá',
    'bộ kích cá',
    'kích điện bắt cá',
    'xung điện bắt cá',
    'máy xung điện đánh cá',
    'máy đánh cá bằng điện',
    'kích điện đánh cá',
    'cục kích cá',
    'máy chích cá',
  ],
  legalRef: LEGAL.fishing,
  explanation: {
    vi: 'Có dấu hiệu chào bán thiết bị đánh bắt cá bằng xung điện: bị cấm theo Luật Thủy sản 2017.',
    en: 'Signs of electro-fishing devices: banned under the 2017 Fisheries Law.',
  },
  examples: {
    flag: ['Máy kích cá 12V công suất lớn', 'Bộ kích điện bắt cá sông'],
    pass: ['Cần câu cá carbon 3m6', 'Máy sục khí bể cá'],
  },
});
