import { CATEGORY_INFO, type ViolationCategory } from '../contract/categories';

export type Language = 'vi' | 'en';
export type LanguagePreference = Language | 'auto';

/**
 * 'auto' follows the user's preferred languages (navigator.languages, then the browser UI language): the first
 * Vietnamese or English entry wins; anything else gets Vietnamese, the tool's first language.
 */
export function resolveLanguage(preference: LanguagePreference, preferredLanguages: readonly (string | undefined)[]): Language {
  if (preference !== 'auto') return preference;
  for (const tag of preferredLanguages) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0];
    if (primary === 'vi' || primary === 'en') return primary;
  }
  return 'vi';
}

export function browserLanguages(uiLanguage: string | undefined): string[] {
  return [...(globalThis.navigator?.languages ?? []), uiLanguage ?? ''];
}

const vi = {
  reportButton: 'Báo cáo',
  reportTitle: 'Báo cáo tin đăng này',
  categoryLabel: 'Loại vi phạm',
  noteLabel: 'Ghi chú (không bắt buộc)',
  send: 'Gửi báo cáo',
  cancel: 'Đóng',
  sending: 'Đang gửi…',
  sent: 'Đã gửi. Mã theo dõi:',
  failed: 'Chưa gửi được:',
  noListing: 'Không đọc được thông tin tin đăng trên trang này.',
  errorNetwork: 'không kết nối được tới máy chủ đường dây nóng. Kiểm tra mạng hoặc địa chỉ máy chủ trong Tùy chọn.',
  queued: 'Báo cáo đã được lưu trên máy và sẽ tự gửi lại khi kết nối được.',
  queuedRetry: 'Báo cáo đã được lưu trên máy và sẽ tự gửi lại sau.',
  errorRefused: 'đường dây nóng đã từ chối báo cáo này nên tiện ích sẽ không gửi lại.',
  refusedTooLarge: 'Lý do: báo cáo quá lớn.',
  refusedFields: 'Lý do: dữ liệu không hợp lệ ở',
  errorThrottled: 'đường dây nóng đang nhận quá nhiều báo cáo từ mạng này.',
  errorServer: 'máy chủ đường dây nóng đang gặp sự cố.',
  errorInvalid: 'dữ liệu tin đăng không hợp lệ',
  errorInternal: 'lỗi không mong đợi trong tiện ích',
  optionsTitle: 'Tùy chọn – Hotline 389',
  apiBaseUrlLabel: 'Địa chỉ máy chủ đường dây nóng (API)',
  apiBaseUrlHelp: 'HTTPS, hoặc HTTP chỉ cho máy cục bộ (127.0.0.1, localhost).',
  languageLabel: 'Ngôn ngữ',
  languageAuto: 'Theo trình duyệt',
  save: 'Lưu',
  checkConnection: 'Kiểm tra kết nối',
  connectionOk: 'Máy chủ đường dây nóng trả lời bình thường.',
  connectionFailed: 'Không kết nối được:',
  saved: 'Đã lưu.',
  managedNotice: 'Một số cài đặt do tổ chức của bạn quản lý và không thể thay đổi.',
  invalidUrl: 'Địa chỉ không hợp lệ',
  riskNone: 'Không thấy dấu hiệu',
  riskLow: 'Dấu hiệu yếu',
  riskMedium: 'Có dấu hiệu vi phạm',
  riskHigh: 'Nhiều dấu hiệu vi phạm',
  reasons: 'lý do',
  legalBasis: 'Căn cứ',
  highlight: 'Tô sáng cụm từ trên trang',
  disclaimer: 'Đây là gợi ý tự động, không phải kết luận vi phạm.',
  historyTitle: 'Báo cáo của bạn',
  historyEmpty: 'Bạn chưa gửi báo cáo nào. Mở một trang sản phẩm trên sàn và bấm “Báo cáo”.',
  statePending: 'Đang chờ gửi',
  stateSent: 'Đã gửi',
  stateFailed: 'Bị từ chối',
  status_received: 'Đã tiếp nhận',
  status_triaged: 'Đã phân loại',
  status_investigating: 'Đang xác minh',
  status_closed: 'Đã xử lý xong',
  status_rejected: 'Không xử lý',
  openOptions: 'Tùy chọn',
  refresh: 'Cập nhật trạng thái',
  siteMarketplace: 'Tiện ích đang hoạt động trên sàn này.',
  siteEnabled: 'Đã bật trên trang này (đọc dữ liệu schema.org/OpenGraph).',
  siteDisabled: 'Tiện ích chưa chạy trên trang này.',
  siteEnable: 'Bật trên trang này',
  siteDisable: 'Tắt trên trang này',
  siteUnsupported: 'Không dùng được trên trang này.',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  reportButton: 'Report',
  reportTitle: 'Report this listing',
  categoryLabel: 'Violation type',
  noteLabel: 'Note (optional)',
  send: 'Send report',
  cancel: 'Close',
  sending: 'Sending…',
  sent: 'Sent. Tracking code:',
  failed: 'Not sent:',
  noListing: 'Could not read the listing on this page.',
  errorNetwork: 'cannot reach the hotline server. Check the network or the server address in Options.',
  queued: 'The report is saved on this computer and will be sent automatically once the server can be reached.',
  queuedRetry: 'The report is saved on this computer and will be sent again automatically later.',
  errorRefused: 'the hotline refused this report, so it will not be sent again.',
  refusedTooLarge: 'Reason: the report is too large.',
  refusedFields: 'Reason: invalid data in',
  errorThrottled: 'the hotline is receiving too many reports from this network.',
  errorServer: 'the hotline server has a problem.',
  errorInvalid: 'the listing data is invalid',
  errorInternal: 'unexpected error in the extension',
  optionsTitle: 'Options – Hotline 389',
  apiBaseUrlLabel: 'Hotline server (API) address',
  apiBaseUrlHelp: 'HTTPS, or HTTP for this machine only (127.0.0.1, localhost).',
  languageLabel: 'Language',
  languageAuto: 'Browser default',
  save: 'Save',
  checkConnection: 'Test connection',
  connectionOk: 'The hotline server answers.',
  connectionFailed: 'Cannot connect:',
  saved: 'Saved.',
  managedNotice: 'Some settings are managed by your organisation and cannot be changed.',
  invalidUrl: 'Invalid address',
  riskNone: 'No signs found',
  riskLow: 'Weak signs',
  riskMedium: 'Signs of a violation',
  riskHigh: 'Strong signs of a violation',
  reasons: 'reasons',
  legalBasis: 'Legal basis',
  highlight: 'Highlight phrases on the page',
  disclaimer: 'This is an automatic hint, not a finding of a violation.',
  historyTitle: 'Your reports',
  historyEmpty: 'You have not sent any report yet. Open a product page on a marketplace and press “Report”.',
  statePending: 'Waiting to send',
  stateSent: 'Sent',
  stateFailed: 'Refused',
  status_received: 'Received',
  status_triaged: 'Triaged',
  status_investigating: 'Under investigation',
  status_closed: 'Closed',
  status_rejected: 'Not pursued',
  openOptions: 'Options',
  refresh: 'Refresh status',
  siteMarketplace: 'The extension is active on this marketplace.',
  siteEnabled: 'Enabled on this site (reads schema.org/OpenGraph data).',
  siteDisabled: 'The extension does not run on this site.',
  siteEnable: 'Enable on this site',
  siteDisable: 'Disable on this site',
  siteUnsupported: 'Not available on this page.',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey) => string;

export function createTranslator(language: Language): Translate {
  return (key) => MESSAGES[language][key];
}

export function categoryLabel(category: ViolationCategory, language: Language): string {
  return CATEGORY_INFO[category][language];
}
