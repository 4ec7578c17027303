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
const messages = vi.hoisted(() => ({ language: 'vi' as Language, reports: [] as ReportSummary[], sent: [] as [string, unknown][] }));
vi.mock('../../utils/messaging/send', () => ({
  sendMessage: async (type: string, payload: unknown) => {
    messages.sent.push([type, payload]);
    return type === 'getUiSettings' ? { language: messages.language } : type === 'listReports' ? messages.reports : type === 'deleteReport' ? { deleted: true } : undefined;
  },
}));
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const base = { url: 'https://shopee.vn/product/1/2', title: 'Giày', category: 'counterfeit', createdAt: Date.parse('2026-11-29T08:00:00Z') } as const;
const REPORTS: ReportSummary[] = [
  { ...base, id: 'uploading', state: 'sent', trackingCode: 'ABCD-EFGH-JKLM', evidence: { state: 'uploading', uploadedBytes: 2_000_000, totalBytes: 5_000_000 } },
  { ...base, id: 'done', state: 'sent', trackingCode: 'ABCD-EFGH-JKLN', evidence: { state: 'complete', uploadedBytes: 5_000_000, totalBytes: 5_000_000 } },
  {
    ...base,
    id: 'rejected',
    state: 'sent',
    trackingCode: 'ABCD-EFGH-JKLP',
    evidence: { state: 'failed', uploadedBytes: 0, totalBytes: 10, rejectedFiles: ['page.png'], error: { code: 'rejected', status: 422, message: 'x' } },
  },
  { ...base, id: 'offline', state: 'pending', error: { code: 'network', message: 'Failed to fetch' }, evidence: { state: 'uploading', uploadedBytes: 0, totalBytes: 10 } },
  { ...base, id: 'signed-out', state: 'pending', error: { code: 'rejected', status: 401, message: 'sign in first' } },
];

let root: ReturnType<typeof createRoot> | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

async function render(language: Language): Promise<Record<string, string>> {
  messages.language = language;
  messages.reports = REPORTS;
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);
  await act(async () => root!.render(<ReportHistory />));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  const rows = [...container.querySelectorAll('.reports li')];
  return Object.fromEntries(rows.map((row, index) => [REPORTS[index]!.id, [row.querySelector('.evidence')?.textContent ?? '', row.querySelector('.error')?.textContent ?? ''].join('|')]));
}

describe('popup: evidence upload progress', () => {
  it('shows progress, completion and failure in Vietnamese', async () => {
    const rows = await render('vi');
    expect(rows.uploading).toMatch(/^Đang tải bằng chứng 40%/);
    expect(rows.done).toBe('✓ Đã tải đủ bằng chứng|');
    expect(rows.rejected).toContain('Không tải được bằng chứng. Tệp không khớp với bản kê đã ký: page.png.');
    expect(rows.offline).toContain('Bằng chứng sẽ được tải lên sau khi báo cáo được gửi.');
    expect(rows['signed-out']).toBe('|Tài khoản thanh tra trên thiết bị này không còn hiệu lực: hãy đăng nhập lại trong Tùy chọn (hoặc đăng xuất để gửi ẩn danh). Báo cáo vẫn được giữ lại.');
  });

  it('and in English', async () => {
    const rows = await render('en');
    expect(rows.uploading).toMatch(/^Uploading evidence 40%/);
    expect(rows.done).toBe('✓ Evidence uploaded|');
    expect(rows.rejected).toContain('Evidence upload failed. Files that do not match the signed manifest: page.png.');
    expect(rows['signed-out']).toContain('sign in again in the Options');
  });

  it('removes a sent report from the history (its kept files are freed), never a waiting one', async () => {
    await render('en');
    const rows = () => [...document.querySelectorAll('.reports li')];
    expect(rows().filter((row) => row.querySelector('button.remove'))).toHaveLength(3); // not the two waiting ones
    const done = rows()[1]!;
    await act(async () => (done.querySelector('button.remove') as HTMLButtonElement).click());
    expect(messages.sent).toContainEqual(['deleteReport', { id: 'done' }]);
    expect(rows()).toHaveLength(REPORTS.length - 1);
  });
});
