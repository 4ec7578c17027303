import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'banned.fireworks-context',
  category: 'banned_goods',
  weight: 7,
  phrases: ['pháo hoa', 'pháo', 'giàn pháo'],
  context: {
    requireAny: ['nổ', 'tầm cao', 'phát', 'ống', 'giàn', 'tiếng nổ', 'đì đùng'],
    window: 40,
    forbidAny: [
      'không nổ',
      'ko nổ',
      'z121',
      'bộ quốc phòng',
      'giấy',
      'kim tuyến',
      'điện tử',
      'led',
      'đèn',
      'trang trí',
      'hình',
      'in hình',
      'họa tiết',
      'nến',
      'bánh',
    ],
    forbidWindow: 60,
  },
  legalRef: LEGAL.fireworks,
  explanation: {
    vi: 'Pháo được rao kèm "nổ", "tầm cao", số ống/phát mà không thấy là pháo hoa của đơn vị được phép (Z121): có dấu hiệu pháo nổ bị cấm (NĐ 137/2020).',
    en: 'Fireworks offered with "explodes", "high altitude", tube or shot counts and no sign of a licensed maker (Z121): possibly banned explosive fireworks (Decree 137/2020).',
  },
  examples: {
    flag: ['Pháo hoa bắn tầm cao 49 phát, nổ to', 'Giàn pháo 36 ống nổ giòn'],
    pass: [
      'Pháo hoa Z121 Bộ Quốc phòng giàn 36 ống',
      'Đèn led pháo hoa trang trí 8 chế độ',
      'Pháo giấy bắn kim tuyến đám cưới',
    ],
  },
});
