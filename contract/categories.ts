// No zod here: the content script imports the labels, and must not bundle a schema library.

/** Report taxonomy from DOMAIN.md; ids are stable API values. */
export const VIOLATION_CATEGORY_IDS = [
  'counterfeit',
  'ip_infringement',
  'smuggled',
  'missing_vn_label',
  'banned_goods',
  'restricted_medicine',
  'false_advertising',
  'seller_info_missing',
  'off_platform',
  'other',
] as const;

export type ViolationCategory = (typeof VIOLATION_CATEGORY_IDS)[number];

export interface CategoryInfo {
  vi: string;
  en: string;
  legalBasis: string;
}

export const CATEGORY_INFO: Record<ViolationCategory, CategoryInfo> = {
  counterfeit: {
    vi: 'Hàng giả, hàng nhái',
    en: 'Counterfeit goods',
    legalBasis: 'NĐ 98/2020/NĐ-CP (sửa đổi bởi NĐ 17/2022, NĐ 24/2025); BLHS Điều 192',
  },
  ip_infringement: {
    vi: 'Xâm phạm quyền sở hữu trí tuệ',
    en: 'IP infringement',
    legalBasis: 'Luật Sở hữu trí tuệ (sửa đổi 2022); BLHS Điều 226',
  },
  smuggled: {
    vi: 'Hàng nhập lậu, không rõ nguồn gốc',
    en: 'Smuggled / unknown-origin goods',
    legalBasis: 'NĐ 98/2020/NĐ-CP',
  },
  missing_vn_label: {
    vi: 'Thiếu nhãn phụ tiếng Việt',
    en: 'Missing Vietnamese sub-label',
    legalBasis: 'NĐ 43/2017/NĐ-CP Điều 3(4), 7(3); NĐ 119/2017 Điều 31 (sửa đổi bởi NĐ 126/2021)',
  },
  banned_goods: {
    vi: 'Hàng cấm kinh doanh',
    en: 'Banned goods',
    legalBasis: 'NQ 173/2024/QH15; NĐ 371/2025; Luật 42/2024/QH15; NĐ 137/2020',
  },
  restricted_medicine: {
    vi: 'Thuốc bán trực tuyến trái phép',
    en: 'Medicine sold online unlawfully',
    legalBasis: 'Luật Dược sửa đổi (Luật 44/2024/QH15); TT 11/2025/TT-BYT',
  },
  false_advertising: {
    vi: 'Quảng cáo sai sự thật',
    en: 'False advertising',
    legalBasis: 'Luật Quảng cáo (sửa đổi, hiệu lực 01/01/2026); NĐ 342/2025; NĐ 15/2018 Điều 27(3)',
  },
  seller_info_missing: {
    vi: 'Thiếu thông tin người bán',
    en: 'Seller information missing',
    legalBasis: 'NĐ 52/2013 Điều 29, 37 (sửa đổi bởi NĐ 85/2021)',
  },
  off_platform: {
    vi: 'Giao dịch ngoài sàn / ẩn giá',
    en: 'Off-platform dealing / hidden price',
    legalBasis: 'Quy định của sàn thương mại điện tử',
  },
  other: { vi: 'Khác', en: 'Other', legalBasis: '' },
};
