import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'offplatform.prepayment',
  category: 'off_platform',
  weight: 5,
  phrases: [
    '{ck|chuyển khoản|chuyển} cọc',
    '{cọc|đặt cọc} {30%|50%|70%|100%|một nửa} {trước|qua}',
    'qua {momo|ví momo|zalopay} trước',
    'cọc qua {momo|stk|ngân hàng}',
    '{ck|chuyển khoản|ct|thanh toán} trước {100%|toàn bộ|full|hết}',
    'chuyển khoản trước',
    'ck trước',
    '{không|ko|k} {nhận |}{cod|ship cod|thanh toán khi nhận hàng}',
    'đặt cọc trước {qua|bằng} chuyển khoản',
    '{cọc|đặt cọc} trước {50%|30%|100%|một nửa}',
    'chuyển khoản {qua|vào} stk',
    'stk {vietcombank|vcb|techcombank|tcb|mb|mbbank|bidv|agribank|acb|vpbank|tpbank|sacombank|vietinbank}',
  ],
  context: { forbidAny: ['hoặc cod', 'hoặc thanh toán khi nhận', 'cod toàn quốc'], forbidWindow: 30 },
  legalRef: LEGAL.off_platform,
  explanation: {
    vi: 'Người bán yêu cầu chuyển khoản/đặt cọc trước ngoài hệ thống thanh toán của sàn: có dấu hiệu giao dịch ngoài sàn, rủi ro lừa đảo.',
    en: "The seller asks for a bank transfer or deposit outside the marketplace's payment system: possible off-platform dealing and scam risk.",
  },
  examples: {
    flag: [
      'Ai lấy thì ck cọc 50% qua momo trước',
      'Chuyển khoản cọc 70% trước khi đặt',
      'Chuyển khoản trước 100% mới gửi hàng',
      'Cọc trước 50% qua chuyển khoản',
      'Không nhận COD, ck trước',
    ],
    pass: [
      'Thanh toán qua ví MoMo khi đặt trên sàn',
      'Thanh toán khi nhận hàng COD toàn quốc',
      'Hỗ trợ chuyển khoản hoặc COD',
    ],
  },
});
