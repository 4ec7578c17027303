import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'banned.laughing-gas',
  category: 'banned_goods',
  weight: 8,
  phrases: [
    'hít {vô|vào} cười',
    'bóng bay {đã bơm sẵn|kèm bình khí}',
    'bình khí {cười|n2o}',
    'giao kèm bình khí',
    'bóng cười',
    'khí cười',
    'n2o',
    'funkyball',
    'funky ball',
    'nitrous oxide',
    'bình khí cười',
    'bình n2o',
    'bóng cười n2o',
    'hít bóng',
    'bóng hơi phê',
  ],
  context: {
    forbidAny: [
      'kem tươi',
      'xịt kem',
      'làm kem',
      'whipping',
      'làm bánh',
      'bóng bay',
      'bóp',
      'squishy',
      'giảm stress',
      'mặt cười',
      'đồ chơi',
    ],
    forbidWindow: 40,
  },
  legalRef: LEGAL.gas,
  explanation: {
    vi: 'Có dấu hiệu chào bán khí cười/bóng cười (N2O): khí gây nghiện bị cấm theo NQ 173/2024/QH15.',
    en: 'Signs of laughing gas / N2O balloons: an addictive gas banned under Resolution 173/2024/QH15.',
  },
  examples: {
    flag: ['Bình khí cười N2O 2kg giao nhanh', 'Bong cuoi giao tan noi', 'FunkyBall hộp 24 viên'],
    pass: [
      'Bóng bay sinh nhật bộ chữ Happy Birthday',
      'Bình xịt kem tươi dùng gas N2O làm bánh',
      'Đồ chơi bóng cười bóp giảm stress',
    ],
  },
});
