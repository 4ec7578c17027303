// Phrase lists several rules share. One list here, so a phrase added for one rule reaches every rule that uses it.

/** Books and reference works: a listing selling one quotes the words it describes, it does not offer them. */
export const BOOK_AND_REFERENCE_WORKS = [
  'nxb',
  'nhà xuất bản',
  'cẩm nang',
  'sách tham khảo',
  'sách nghiên cứu',
  'sách tra cứu',
  'bìa mềm',
  'bìa cứng',
  'sách của bác sĩ',
];

/** "rep" as a seller's reply (rep tin, shop rep…), not "replica": never evidence of a counterfeit. */
export const SELLER_REPLY_PHRASES = [
  'rep tin',
  'rep ib',
  'rep inbox',
  'rep nhanh',
  'rep mess',
  'rep cmt',
  'rep comment',
  'rep chậm',
  'shop rep',
  'rep lại',
  'rep khách',
  'rep đánh giá',
];
