// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createReportWidget } from '../../components/report-widget';
import { ReportSchema } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { createTranslator } from '../../utils/i18n';
import type { SubmitReportResponse } from '../../utils/messaging/protocol';

const listing = ReportSchema.parse(EXAMPLE_REPORT).listing;

function mount(submit: () => Promise<SubmitReportResponse>, language: 'vi' | 'en' = 'vi') {
  const submitSpy = vi.fn(submit);
  const widget = createReportWidget({ t: createTranslator(language), language, submit: submitSpy });
  document.body.replaceChildren(widget.element);
  const byText = (text: string) => [...widget.element.querySelectorAll('button')].find((b) => b.textContent === text)!;
  return { widget, submitSpy, byText, status: () => widget.element.querySelector('[role=status]')!.textContent };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('report widget', () => {
  it('stays hidden until the page holds a listing', () => {
    const { widget } = mount(async () => ({ ok: false, error: { code: 'internal', message: '' } }));
    expect(widget.element.hidden).toBe(true);
    widget.setListing(listing);
    expect(widget.element.hidden).toBe(false);
  });

  it('sends the listing with the chosen category and shows the tracking code', async () => {
    const { widget, submitSpy, byText, status } = mount(async () => ({
      ok: true,
      receipt: { reportId: '00000000-0000-4000-8000-000000000000', trackingCode: 'ABCD-EFGH-JKMN', receivedAt: '2026-11-29T00:00:00.000Z' },
    }));
    widget.setListing(listing);
    byText('Báo cáo').click();
    (widget.element.querySelector('select') as HTMLSelectElement).value = 'smuggled';
    byText('Gửi báo cáo').click();
    await flush();
    expect(submitSpy).toHaveBeenCalledWith(expect.objectContaining({ category: 'smuggled', listing }));
    expect(status()).toBe('Đã gửi. Mã theo dõi: ABCD-EFGH-JKMN');
  });

  it('shows a clear message when sending fails, in the chosen language, without the browser’s raw error', async () => {
    const { widget, byText, status } = mount(async () => ({ ok: false, queued: true, error: { code: 'network', message: 'Failed to fetch' } }), 'en');
    widget.setListing(listing);
    byText('Report').click();
    byText('Send report').click();
    await flush();
    expect(status()).toBe(
      'Not sent: cannot reach the hotline server. Check the network or the server address in Options. The report is saved on this computer and will be sent automatically once the server can be reached.',
    );
  });

  it('explains a network failure in Vietnamese in the Vietnamese UI', async () => {
    const { widget, byText, status } = mount(async () => ({ ok: false, queued: true, error: { code: 'network', message: 'Failed to fetch' } }));
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    await flush();
    expect(status()).toBe(
      'Chưa gửi được: không kết nối được tới máy chủ đường dây nóng. Kiểm tra mạng hoặc địa chỉ máy chủ trong Tùy chọn. Báo cáo đã được lưu trên máy và sẽ tự gửi lại khi kết nối được.',
    );
    expect(status()).not.toMatch(/fetch/i);
  });

  const refusedInvalid: SubmitReportResponse = {
    ok: false,
    queued: false,
    error: { code: 'rejected', status: 400, message: 'report does not match the schema; listing.url: must be an http(s) URL', fields: ['listing.url'] },
  };
  const refusedTooLarge: SubmitReportResponse = { ok: false, queued: false, error: { code: 'rejected', status: 413, message: 'body exceeds 1048576 bytes' } };

  it.each([
    ['vi', refusedInvalid, 'Chưa gửi được: đường dây nóng đã từ chối báo cáo này nên tiện ích sẽ không gửi lại. Lý do: dữ liệu không hợp lệ ở listing.url. (report does not match the schema; listing.url: must be an http(s) URL)'],
    ['en', refusedInvalid, 'Not sent: the hotline refused this report, so it will not be sent again. Reason: invalid data in listing.url. (report does not match the schema; listing.url: must be an http(s) URL)'],
    ['vi', refusedTooLarge, 'Chưa gửi được: đường dây nóng đã từ chối báo cáo này nên tiện ích sẽ không gửi lại. Lý do: báo cáo quá lớn. (body exceeds 1048576 bytes)'],
    ['en', refusedTooLarge, 'Not sent: the hotline refused this report, so it will not be sent again. Reason: the report is too large. (body exceeds 1048576 bytes)'],
  ] as const)('says in %s that the hotline refused the report, and why', async (language, answer, expected) => {
    const { widget, status } = mount(async () => answer, language);
    widget.setListing(listing);
    widget.element.querySelector('form')!.requestSubmit();
    await flush();
    expect(status()).toBe(expected);
  });

  it('tells a throttled report from a refused one: it waits in the outbox', async () => {
    const { widget, status } = mount(async () => ({
      ok: false,
      queued: true,
      error: { code: 'rejected', status: 429, retryAfterSeconds: 60, message: 'too many reports from this address' },
    }));
    widget.setListing(listing);
    widget.element.querySelector('form')!.requestSubmit();
    await flush();
    expect(status()).toBe(
      'Chưa gửi được: đường dây nóng đang nhận quá nhiều báo cáo từ mạng này. (too many reports from this address) Báo cáo đã được lưu trên máy và sẽ tự gửi lại sau.',
    );
  });

  it('turns a crashed background into a message, not silence', async () => {
    const { widget, byText, status } = mount(async () => {
      throw new Error('Extension context invalidated');
    });
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    await flush();
    await flush();
    expect(status()).toContain('Chưa gửi được');
  });

  it('forgets the previous item’s status when the listing changes', async () => {
    const { widget, byText, status } = mount(async () => ({ ok: false, error: { code: 'rejected', message: 'nope' } }));
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    await flush();
    expect(status()).not.toBe('');
    widget.setListing({ ...listing, listingKey: 'shopee.vn:1:2' });
    expect(status()).toBe('');
  });

  it('renders received text as text, never as markup', async () => {
    const { widget, byText, status } = mount(async () => ({ ok: true, receipt: { reportId: '', trackingCode: '<img src=x onerror=alert(1)>', receivedAt: '' } }));
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    await flush();
    expect(status()).toContain('<img src=x onerror=alert(1)>');
    expect(widget.element.querySelector('img')).toBeNull();
  });

  it('preselects the assessment’s top category', () => {
    const { widget } = mount(async () => ({ ok: false, error: { code: 'internal', message: '' } }));
    widget.setListing(listing);
    widget.setAssessment({ level: 'high', score: 5, categories: ['banned_goods'], hits: [] });
    expect((widget.element.querySelector('select') as HTMLSelectElement).value).toBe('banned_goods');
  });

  it('closes the form on Escape and returns focus to the report button', () => {
    const { widget, byText } = mount(async () => ({ ok: false, error: { code: 'internal', message: '' } }));
    widget.setListing(listing);
    byText('Báo cáo').click();
    const form = widget.element.querySelector('form')!;
    expect(form.hidden).toBe(false);
    form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(form.hidden).toBe(true);
    expect(document.activeElement).toBe(byText('Báo cáo'));
  });
});
