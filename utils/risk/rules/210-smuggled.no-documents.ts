import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'smuggled.no-documents',
  category: 'smuggled',
  weight: 3,
  phrases: [
    '<NEG> {có |}{hóa đơn|hoá đơn|hđ|bill|chứng từ|giấy tờ|co cq|co/cq|tờ khai}',
    '{không|ko|k} xuất {được |}{hóa đơn|hoá đơn|hđ}',
    'không có {hóa đơn|hoá đơn} chứng từ',
    'không bill',
    'no bill',
    'no invoice',
    'không có tờ khai',
    'không tem nhập khẩu',
    'không tem thuế',
  ],
  context: { forbidAny: ['đầy đủ', 'có xuất', 'xuất được', 'vat đầy đủ', 'nếu cần'], forbidWindow: 10 },
  legalRef: LEGAL.smuggled,
  explanation: {
    vi: 'Người bán nói không có hóa đơn, chứng từ, giấy tờ nhập khẩu: có dấu hiệu hàng nhập lậu (hàng nước ngoài không chứng từ thường bị coi là nhập lậu).',
    en: 'The seller says there is no invoice or import paperwork; possible smuggled goods (foreign goods without documents are treated as smuggled in practice).',
  },
  examples: {
    flag: [
      'Rượu vang Pháp không hóa đơn chứng từ',
      'Nước hoa xách tay ko bill',
      'Máy ảnh không có giấy tờ nhập khẩu',
    ],
    pass: ['Xuất hóa đơn VAT đầy đủ', 'Có hóa đơn chứng từ rõ ràng', 'Hàng chính hãng có CO CQ'],
  },
});
