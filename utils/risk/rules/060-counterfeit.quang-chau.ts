import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'counterfeit.quang-chau',
  category: 'counterfeit',
  weight: 2,
  phrases: [
    'hàng quảng châu',
    'quảng châu loại 1',
    'quảng châu cao cấp',
    'hàng qc',
    'qc cao cấp',
    'qccc',
    'hàng trung quốc loại 1',
    'hàng tàu loại 1',
    'hàng xưởng',
    'check code',
    'checkcode',
    'fullbox bill',
    'full box bill',
    'đủ bill',
    'full tag',
    'full phụ kiện hãng',
  ],
  context: { forbidAny: ['auth 100%', 'hàng auth', 'chính hãng', 'có bill', 'còn bill'], forbidWindow: 30 },
  legalRef: LEGAL.counterfeit,
  explanation: {
    vi: 'Mô tả nguồn hàng "Quảng Châu / hàng xưởng / check code": tín hiệu yếu, tự nó không chứng minh vi phạm nhưng thường đi cùng hàng nhái thương hiệu.',
    en: 'Sourcing terms ("Guangzhou goods", "factory goods", "check code") are a weak signal: they prove nothing alone but often accompany branded knock-offs.',
  },
  examples: {
    flag: ['Váy maxi hàng Quảng Châu cao cấp', 'Giày hàng xưởng đẹp', 'Túi QCCC loại 1'],
    pass: [
      'Tôi đi du lịch Quảng Châu mua quà',
      'Ga trải giường Việt Nam',
      'Hàng auth 100% check code thoải mái',
    ],
  },
});
