
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
  roleLabel: 'Bạn báo cáo với vai trò',
  roleVolunteer: 'Người tiêu dùng / tình nguyện viên',
  roleInspector: 'Cán bộ thanh tra, kiểm tra',
  roleTrainer: 'Giảng viên',
  trainingModeLabel: 'Chế độ đào tạo: báo cáo là bài luyện tập (MẪU), không vào hộp thư thật',
  openTraining: 'Mở thư viện mẫu và câu hỏi luyện tập',
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
  moveWidget: 'Di chuyển nút Báo cáo sang góc khác',
  moveWidgetHint: 'Kéo, hoặc bấm phím mũi tên, để đưa nút sang góc khác của màn hình.',
  corner_bottom_right: 'Nút đang ở góc dưới bên phải.',
  corner_bottom_left: 'Nút đang ở góc dưới bên trái.',
  corner_top_right: 'Nút đang ở góc trên bên phải.',
  corner_top_left: 'Nút đang ở góc trên bên trái.',
  alreadyReportedSent: 'Bạn đã báo cáo tin đăng này. Mã theo dõi:',
  alreadyReportedPending: 'Bạn đã báo cáo tin đăng này; báo cáo đang chờ gửi và sẽ tự gửi khi kết nối được.',
  confirmAgain: 'Tôi vẫn muốn gửi thêm một báo cáo về tin đăng này',
  confirmAgainNeeded: 'Hãy đánh dấu xác nhận nếu bạn muốn gửi thêm một báo cáo.',
  contactSummary: 'Cho phép liên hệ (không bắt buộc)',
  contactHelp: 'Mặc định báo cáo là ẩn danh. Thông tin liên hệ chỉ được gửi khi bạn đánh dấu đồng ý.',
  contactConsent: 'Tôi đồng ý để cán bộ đường dây nóng liên hệ với tôi về báo cáo này',
  contactName: 'Họ tên',
  contactPhone: 'Số điện thoại',
  contactEmail: 'Email',
  contactEmailInvalid: 'Email không hợp lệ.',
  contactEmpty: 'Hãy nhập ít nhất một cách liên hệ, hoặc bỏ đánh dấu đồng ý.',
  reason: 'lý do',
  riskPanelTitle: 'Gợi ý rủi ro',
  matchedPhrases: 'Cụm từ trong tin đăng:',
  legalBasisOfficial: 'Căn cứ',
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
  roleLabel: 'You report as',
  roleVolunteer: 'Consumer / volunteer',
  roleInspector: 'Inspector',
  roleTrainer: 'Trainer',
  trainingModeLabel: 'Training mode: reports are practice (DEMO) and never reach the real inbox',
  openTraining: 'Open the demo gallery and the practice quiz',
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
  moveWidget: 'Move the Report button to another corner',
  moveWidgetHint: 'Drag, or press an arrow key, to move the button to another corner of the screen.',
  corner_bottom_right: 'The button is in the bottom-right corner.',
  corner_bottom_left: 'The button is in the bottom-left corner.',
  corner_top_right: 'The button is in the top-right corner.',
  corner_top_left: 'The button is in the top-left corner.',
  alreadyReportedSent: 'You already reported this listing. Tracking code:',
  alreadyReportedPending: 'You already reported this listing; that report is waiting to be sent and will go out once the server can be reached.',
  confirmAgain: 'I still want to send another report about this listing',
  confirmAgainNeeded: 'Tick the confirmation if you want to send another report.',
  contactSummary: 'Allow contact (optional)',
  contactHelp: 'Reports are anonymous by default. Contact details are sent only if you tick the consent box.',
  contactConsent: 'I agree that hotline staff may contact me about this report',
  contactName: 'Name',
  contactPhone: 'Phone',
  contactEmail: 'Email',
  contactEmailInvalid: 'Invalid email address.',
  contactEmpty: 'Enter at least one way to contact you, or untick the consent box.',
  reason: 'reason',
  riskPanelTitle: 'Risk hints',
  matchedPhrases: 'Quoted from the listing:',
  legalBasisOfficial: 'Legal basis (official Vietnamese citation)',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey) => string;

export function createTranslator(language: Language): Translate {
  return (key) => MESSAGES[language][key];
}

/** "1 reason", "2 reasons"; Vietnamese nouns do not inflect ("1 lý do", "2 lý do"). */
export function countReasons(count: number, t: Translate): string {
  return `${count} ${t(count === 1 ? 'reason' : 'reasons')}`;
}

