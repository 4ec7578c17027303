// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportHistory } from '../../components/ReportHistory';
import type { Language } from '../../utils/i18n';
import type { ReportSummary } from '../../utils/messaging/protocol';

vi.mock('wxt/browser', () => ({
  browser: { tabs: { query: async () => [] }, runtime: { openOptionsPage: async () => undefined } },
}));
const messages = vi.hoisted(() => ({ language: 'vi' as Language, reports: [] as ReportSummary[] }));
vi.mock('../../utils/messaging/send', () => ({
  sendMessage: async (type: string) => (type === 'getUiSettings' ? { language: messages.language } : type === 'listReports' ? messages.reports : undefined),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const base = { url: 'https://shopee.vn/product/1/2', title: 'Giày', category: 'counterfeit', createdAt: Date.parse('2026-11-29T08:00:00Z') } as const;
const REPORTS: ReportSummary[] = [
  {
    ...base,
    id: 'refused-invalid',
    state: 'failed',
    error: { code: 'rejected', status: 400, message: 'report does not match the schema; listing.url: must be an http(s) URL', fields: ['listing.url'] },
  },
  { ...base, id: 'refused-large', state: 'failed', error: { code: 'rejected', status: 413, message: 'body exceeds 1048576 bytes' } },
  { ...base, id: 'offline', state: 'pending', error: { code: 'network', message: 'Failed to fetch' } },
  { ...base, id: 'throttled', state: 'pending', error: { code: 'rejected', status: 429, retryAfterSeconds: 120, message: 'too many reports from this address' } },
];

let root: ReturnType<typeof createRoot> | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

async function render(language: Language): Promise<Record<string, { state: string; error: string }>> {
  messages.language = language;
  messages.reports = REPORTS;
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);
  await act(async () => root!.render(<ReportHistory />));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  const rows = [...container.querySelectorAll('.reports li')];
  expect(rows).toHaveLength(REPORTS.length);
  return Object.fromEntries(
    rows.map((row, index) => [REPORTS[index]!.id, { state: row.querySelector('.badge')!.textContent!, error: row.querySelector('.error')?.textContent ?? '' }]),
  );
}

describe('popup: report history', () => {
  it('says in Vietnamese that the hotline refused a report and why, and explains waiting ones without raw browser errors', async () => {
    const rows = await render('vi');
    expect(rows['refused-invalid']).toEqual({
      state: 'Bị từ chối',
      error: 'Đường dây nóng đã từ chối báo cáo này nên tiện ích sẽ không gửi lại. Lý do: dữ liệu không hợp lệ ở listing.url. (report does not match the schema; listing.url: must be an http(s) URL)',
    });
    expect(rows['refused-large']).toEqual({
      state: 'Bị từ chối',
      error: 'Đường dây nóng đã từ chối báo cáo này nên tiện ích sẽ không gửi lại. Lý do: báo cáo quá lớn. (body exceeds 1048576 bytes)',
    });
    expect(rows.offline).toEqual({
      state: 'Đang chờ gửi',
      error:
        'Không kết nối được tới máy chủ đường dây nóng. Kiểm tra mạng hoặc địa chỉ máy chủ trong Tùy chọn. Báo cáo đã được lưu trên máy và sẽ tự gửi lại khi kết nối được.',
    });
    expect(rows.throttled?.error).toBe(
      'Đường dây nóng đang nhận quá nhiều báo cáo từ mạng này. (too many reports from this address) Báo cáo đã được lưu trên máy và sẽ tự gửi lại sau.',
    );
    expect(document.body.textContent).not.toMatch(/Failed to fetch/);
  });

  it('says the same in English', async () => {
    const rows = await render('en');
    expect(rows['refused-invalid']).toEqual({
      state: 'Refused',
      error: 'The hotline refused this report, so it will not be sent again. Reason: invalid data in listing.url. (report does not match the schema; listing.url: must be an http(s) URL)',
    });
    expect(rows['refused-large']?.error).toBe('The hotline refused this report, so it will not be sent again. Reason: the report is too large. (body exceeds 1048576 bytes)');
    expect(rows.offline?.error).toBe(
      'Cannot reach the hotline server. Check the network or the server address in Options. The report is saved on this computer and will be sent automatically once the server can be reached.',
    );
    expect(document.body.textContent).not.toMatch(/Failed to fetch/);
  });
});
