import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'offplatform.hidden-price',
  category: 'off_platform',
  weight: 4,
  phrases: [
    '{inbox|ib|ibox|inb|nhắn tin|nhắn|liên hệ|lh|ib shop|inbox shop|ib riêng|check ib|check inbox|chấm|gọi|nhắn tin shop|nhắn shop} {để |}{nhận báo giá|báo giá|biết giá|nhận giá|lấy giá|có giá|xem giá|hỏi giá|được báo giá}',
    'giá {liên hệ|lh|ib|inbox|ibox|thỏa thuận|tốt nhất ib|sỉ ib|inbox|qua ib}',
    'báo giá {qua|trong} {ib|inbox|zalo|tin nhắn}',
    'giá {ib|inbox}',
    'ib giá',
    'inbox giá',
    'check ib',
    'check inbox',
    'chấm giá',
    'giá chỉ {báo|gửi} {qua|trong} {ib|inbox}',
    'giá ảo',
    'giá trên sàn {không|ko} đúng',
    'giá sàn chỉ để tham khảo',
    'giá niêm yết {không|ko} phải giá bán',
    'giá {hiển thị|niêm yết|trên sàn|đăng|trên app|sản phẩm} {không|ko|chưa} {chính xác|đúng|phải giá bán}',
    'giá {đăng|hiển thị|trên sàn|niêm yết} {chỉ |}{là |}{tượng trưng|tham khảo|để tham khảo}',
    'giá {chỉ |}{để |}{tham khảo|tượng trưng}',
    'giá tượng trưng',
    'giá chưa chính xác',
    'giá {1đ|1 đ|1 đồng|1k|1000đ} {chỉ |}{để |}{đặt lịch|đặt cọc|giữ chỗ|tham khảo|giữ đơn}',
    '{nhận|lấy|xin} báo giá {trước|sỉ|chính xác}',
    'báo giá trước khi đặt',
    'liên hệ trực tiếp {báo giá|để báo giá|lấy giá}',
  ],
  context: { forbidAny: ['báo giá thi công', 'thi công', 'công trình'], forbidWindow: 10 },
  legalRef: LEGAL.off_platform,
  explanation: {
    vi: 'Giá bị ẩn, người mua phải nhắn tin/inbox để biết giá: dấu hiệu giao dịch ngoài sàn / ẩn giá.',
    en: 'The price is hidden and buyers must message to learn it: a sign of off-platform dealing / hidden pricing.',
  },
  examples: {
    flag: ['Đồng hồ Rolex, inbox báo giá', 'Giá liên hệ, ib để biết giá', 'Check ib nhé khách'],
    pass: ['Nhắn tin cho shop để được tư vấn size', 'Báo giá thi công nội thất theo m2'],
  },
});
