import { defineRule } from './define';
import { BOOK_AND_REFERENCE_WORKS } from './shared-phrases';
import { LEGAL } from './legal';

export default defineRule({
  id: 'advert.disease-claims',
  category: 'false_advertising',
  weight: 5,
  phrases: ['<DISEASE>'],
  context: {
    exemptAny: BOOK_AND_REFERENCE_WORKS,
    requireAny: ['<CLAIMV>'],
    window: 12,
    forbidAny: [
      'hỗ trợ',
      'hỗ trợ điều trị',
      'hỗ trợ giảm',
      'giúp hỗ trợ',
      'máy đo',
      'sách',
      'thiết bị đo',
      'que thử',
      'người bệnh',
      'người bị',
      'dành cho người',
      'cho người',
    ],
    forbidWindow: 20,
  },
  legalRef: LEGAL.false_advertising,
  explanation: {
    vi: 'Sản phẩm được quảng cáo là chữa/trị/đánh bay một bệnh cụ thể (tiểu đường, huyết áp, ung thư…): có dấu hiệu quảng cáo công dụng chữa bệnh sai quy định.',
    en: 'The product is advertised as curing or treating a specific disease (diabetes, hypertension, cancer…): may be unlawful health-claim advertising.',
  },
  examples: {
    flag: [
      'Nấm linh chi đánh bay tiểu đường',
      'Trà thảo dược trị gout hiệu quả',
      'Cao xương khớp đặc trị thoát vị đĩa đệm',
      'Rượu thuốc chữa yếu sinh lý',
    ],
    pass: [
      {
        title: 'TPBVSK Glucare',
        description: 'Hỗ trợ điều trị tiểu đường. Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.',
      },
      'Máy đo huyết áp Omron HEM-7121',
      'Sách hướng dẫn chăm sóc người tiểu đường',
    ],
  },
});
