import { defineRule } from './define';
import { LEGAL } from './legal';

export default defineRule({
  id: 'advert.numeric-claims',
  category: 'false_advertising',
  weight: 5,
  regexes: [
    {
      source: String.raw`(?:giam|sut|xuong|mat|bay) ?(?:ngay |tu |den |toi )?\d{1,2}(?: ?(?:-|den|toi) ?\d{1,2})? ?(?:kg|ky|ki|can|kilo)(?: mo)? ?(?:chi )?(?:trong|sau|sau khi dung|chi sau|/|trong vong|moi|sau khi uong)? ?\d{1,2} ?(?:ngay|tuan|thang|lieu trinh)`,
      minDigits: 1,
      triggers: ['giảm', 'sụt', 'xuống', 'mất', 'bay'],
    },
    {
      source: String.raw`(?:tang|cao them|tang them|cao vuot) ?(?:chieu cao )?\d{1,2} ?(?:cm|phan)(?: chieu cao)? ?(?:trong|sau|chi sau|/) ?\d{1,2} ?(?:ngay|tuan|thang)`,
      minDigits: 1,
      triggers: ['tăng', 'cao thêm', 'cao vượt'],
    },
    {
      source: String.raw`(?:trang|het nam|mo tham|het mun|sach mun|moc toc|het hoi|het rung toc) (?:da |bat tone |bat tong |sang |hong |len |toc )?(?:chi )?(?:sau|trong) \d{1,2} (?:ngay|dem|tuan)`,
      minDigits: 1,
      triggers: ['trắng', 'hết nám', 'mờ thâm', 'hết mụn', 'sạch mụn', 'mọc tóc', 'hết hói', 'hết rụng tóc'],
    },
  ],
  legalRef: LEGAL.false_advertising,
  explanation: {
    vi: 'Lời hứa kết quả cụ thể trong thời gian ngắn (giảm X kg trong Y ngày, cao thêm X cm…): có dấu hiệu quảng cáo sai sự thật.',
    en: 'A specific result promised within a short time (lose X kg in Y days, grow X cm…): possibly false advertising.',
  },
  examples: {
    flag: [
      'Trà giảm cân giảm 7kg trong 10 ngày',
      'Viên uống tăng chiều cao 10cm sau 3 tháng',
      'giam 5 ky chi sau 1 tuan',
    ],
    pass: ['Cân điện tử tối đa 180kg', 'Máy chạy bộ tải trọng 120 kg'],
  },
});
