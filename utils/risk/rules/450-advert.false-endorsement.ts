import { defineRule } from './define';
import { BOOK_AND_REFERENCE_WORKS } from './shared-phrases';
import { LEGAL } from './legal';

export default defineRule({
  id: 'advert.false-endorsement',
  category: 'false_advertising',
  weight: 5,
  phrases: [
    '{diệt|loại bỏ} sạch 100%',
    '{uống|ăn} vào {cũng |}{không|ko} sao',
    '{bộ y tế|who|fda|bộ nông nghiệp|hội đồng anh|cục đăng kiểm} khuyên dùng',
    '{được |}{who|fda|hội đồng anh|cục đăng kiểm|bộ nông nghiệp} {công nhận|chứng nhận|cấp chứng nhận}',
    'sản phẩm duy nhất',
    'duy nhất trên thị trường',
    '{diệt|ngăn chặn|chặn|loại bỏ} 100%',
    'tăng năng suất {100|200|300|400|500}%',
    'tiết kiệm {30|40|50|60|70}% {nhiên liệu|xăng|điện}',
    'cam kết đầu ra',
    'thay thế hoàn toàn {phân hóa học|phân bón|thuốc}',
    '{có thể |}thay {thuốc tây|thuốc chữa bệnh}',
  ],
  context: {
    exemptAny: BOOK_AND_REFERENCE_WORKS,
    forbidAny: ['không phải', 'cảnh báo', 'tránh'],
    forbidWindow: 20,
  },
  legalRef: LEGAL.false_advertising,
  explanation: {
    vi: 'Quảng cáo viện dẫn cơ quan chức năng/tổ chức quốc tế "khuyên dùng, công nhận" hoặc cam kết tuyệt đối (duy nhất, 100%, tăng năng suất gấp nhiều lần): có dấu hiệu quảng cáo sai sự thật.',
    en: 'The ad cites a ministry or international body as endorsing it, or makes absolute promises (the only one, 100%, several-fold yields): possibly false advertising.',
  },
  examples: {
    flag: [
      'Nước súc miệng được Bộ Y tế khuyên dùng',
      'Khẩu trang được WHO công nhận ngăn chặn 100% virus',
      'Phân bón tăng năng suất 300%',
    ],
    pass: ['Nước súc miệng bạc hà 500ml', 'Khẩu trang 4 lớp kháng khuẩn', 'Phân bón NPK bao 50kg'],
  },
});
