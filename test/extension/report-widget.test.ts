// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createReportWidget, type ReportWidgetDeps, type SubmitRequest } from '../../components/report-widget';
import { ReportSchema } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { createTranslator } from '../../utils/i18n';
import type { SubmitReportResponse } from '../../utils/messaging/protocol';

const listing = ReportSchema.parse(EXAMPLE_REPORT).listing;

function mount(submit: () => Promise<SubmitReportResponse>, language: 'vi' | 'en' = 'vi', extra: Partial<ReportWidgetDeps> = {}) {
  const submitSpy = vi.fn((_request: SubmitRequest) => submit());
  const widget = createReportWidget({ t: createTranslator(language), language, submit: submitSpy, ...extra });
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

  const offline: SubmitReportResponse = { ok: false, queued: true, entryId: 'entry-1', error: { code: 'network', message: 'Failed to fetch' } };
  const receipt = (trackingCode: string): SubmitReportResponse => ({
    ok: true,
    entryId: 'entry-2',
    receipt: { reportId: '00000000-0000-4000-8000-000000000000', trackingCode, receivedAt: '2026-11-29T00:00:00.000Z' },
  });
  const form = (widget: { element: HTMLElement }) => widget.element.querySelector('form')!;

  it('files one report however often Send is clicked while the first is on its way', async () => {
    let answer: (value: SubmitReportResponse) => void = () => undefined;
    const { widget, submitSpy, byText } = mount(() => new Promise((resolve) => (answer = resolve)));
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    expect(byText('Gửi báo cáo').disabled).toBe(true);
    byText('Gửi báo cáo').click();
    form(widget).requestSubmit();
    answer(offline);
    await flush();
    expect(submitSpy).toHaveBeenCalledTimes(1);
  });

  it('after a queued (offline) report, asks for confirmation before a second report about the same listing', async () => {
    const { widget, submitSpy, byText, status } = mount(async () => offline);
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    await flush();
    expect(submitSpy).toHaveBeenCalledTimes(1);
    const prior = widget.element.querySelector<HTMLElement>('.prior')!;
    expect(prior.hidden).toBe(false);
    expect(prior.textContent).toContain('Bạn đã báo cáo tin đăng này; báo cáo đang chờ gửi');

    byText('Gửi báo cáo').click();
    await flush();
    expect(submitSpy).toHaveBeenCalledTimes(1); // the second click queues nothing
    expect(status()).toBe('Hãy đánh dấu xác nhận nếu bạn muốn gửi thêm một báo cáo.');
    expect(widget.element.querySelector('#h389-confirm-again')).toBe(document.activeElement);

    (widget.element.querySelector('#h389-confirm-again') as HTMLInputElement).checked = true;
    byText('Gửi báo cáo').click();
    await flush();
    expect(submitSpy).toHaveBeenCalledTimes(2); // a deliberate second report
  });

  it('says the listing was already reported, with the tracking code, when the history holds it', async () => {
    const priorReports = vi.fn(async () => [{ id: 'old', state: 'sent' as const, trackingCode: 'OLD1-CODE-2345', createdAt: 1 }]);
    const { widget, submitSpy, byText } = mount(async () => receipt('NEW1-CODE-2345'), 'en', { priorReports });
    widget.setListing(listing);
    byText('Report').click();
    await flush();
    expect(priorReports).toHaveBeenCalledWith(listing.listingKey);
    expect(widget.element.querySelector('.prior-text')?.textContent).toBe('You already reported this listing. Tracking code: OLD1-CODE-2345');
    byText('Send report').click();
    await flush();
    expect(submitSpy).not.toHaveBeenCalled();
  });

  it('shows the tracking code and closes the form when the queued report is delivered later', async () => {
    const { widget, byText, status } = mount(async () => offline);
    widget.setListing(listing);
    byText('Báo cáo').click();
    byText('Gửi báo cáo').click();
    await flush();
    expect(form(widget).hidden).toBe(false);
    // another listing's delivery is not ours
    widget.reportSettled({ id: 'entry-9', listingKey: 'shopee.vn:9:9', state: 'sent', trackingCode: 'OTHR-CODE-0000', at: 2 });
    expect(status()).toContain('Chưa gửi được');
    widget.reportSettled({ id: 'entry-1', listingKey: listing.listingKey, state: 'sent', trackingCode: 'DLVR-CODE-2345', at: 3 });
    expect(status()).toBe('Đã gửi. Mã theo dõi: DLVR-CODE-2345');
    expect(form(widget).hidden).toBe(true);
    expect(widget.element.querySelector('.prior-text')?.textContent).toBe('Bạn đã báo cáo tin đăng này. Mã theo dõi: DLVR-CODE-2345');
  });

  it('preselects the category of the top reason shown, not the heaviest category overall', () => {
    const { widget } = mount(async () => offline);
    widget.setListing(listing);
    const explanation = { vi: 'x', en: 'x' };
    widget.setAssessment({
      level: 'high',
      score: 9,
      categories: ['smuggled', 'restricted_medicine'],
      hits: [
        { ruleId: 'medicine.rx', category: 'restricted_medicine', field: 'title', text: 'thuốc kê đơn', explanation, legalRef: '' },
        { ruleId: 'smuggled.a', category: 'smuggled', field: 'title', text: 'xách tay', explanation, legalRef: '' },
        { ruleId: 'smuggled.b', category: 'smuggled', field: 'title', text: 'không hóa đơn', explanation, legalRef: '' },
      ],
    });
    expect((widget.element.querySelector('select') as HTMLSelectElement).value).toBe('restricted_medicine');
  });

  describe('optional contact', () => {
    const fill = (widget: { element: HTMLElement }) => {
      for (const [id, value] of [
        ['h389-contact-name', 'Nguyễn Văn A'],
        ['h389-contact-phone', '0912 000 111'],
        ['h389-contact-email', 'a@example.vn'],
      ] as const) {
        const input = widget.element.querySelector<HTMLInputElement>(`#${id}`)!;
        input.disabled = false; // even typed into (e.g. by a script), nothing goes without consent
        input.value = value;
      }
    };

    it('is collapsed, empty and not sent without consent', async () => {
      const { widget, submitSpy, byText } = mount(async () => receipt('ABCD-EFGH-JKMN'));
      widget.setListing(listing);
      byText('Báo cáo').click();
      const details = widget.element.querySelector('details.contact') as HTMLDetailsElement;
      expect(details.open).toBe(false);
      expect(details.querySelector('summary')?.textContent).toBe('Cho phép liên hệ (không bắt buộc)');
      for (const input of details.querySelectorAll<HTMLInputElement>('input:not([type=checkbox])')) expect(input.value).toBe('');
      expect((widget.element.querySelector('#h389-contact-consent') as HTMLInputElement).checked).toBe(false);
      fill(widget);
      byText('Gửi báo cáo').click();
      await flush();
      expect(submitSpy).toHaveBeenCalledOnce();
      expect(submitSpy.mock.calls[0]![0]).not.toHaveProperty('contact');
    });

    it('is sent with consent, only the fields filled in', async () => {
      const { widget, submitSpy, byText } = mount(async () => receipt('ABCD-EFGH-JKMN'));
      widget.setListing(listing);
      byText('Báo cáo').click();
      const consent = widget.element.querySelector('#h389-contact-consent') as HTMLInputElement;
      consent.checked = true;
      consent.dispatchEvent(new Event('change'));
      widget.element.querySelector<HTMLInputElement>('#h389-contact-email')!.value = ' a@example.vn ';
      byText('Gửi báo cáo').click();
      await flush();
      expect(submitSpy.mock.calls[0]![0]).toMatchObject({ contact: { consent: true, email: 'a@example.vn' } });
      expect(submitSpy.mock.calls[0]![0]!.contact).toEqual({ consent: true, email: 'a@example.vn' });
    });

    it('refuses an invalid email or an empty consent instead of sending', async () => {
      const { widget, submitSpy, byText, status } = mount(async () => receipt('ABCD-EFGH-JKMN'), 'en');
      widget.setListing(listing);
      byText('Report').click();
      const consent = widget.element.querySelector('#h389-contact-consent') as HTMLInputElement;
      consent.checked = true;
      consent.dispatchEvent(new Event('change'));
      byText('Send report').click();
      expect(status()).toBe('Enter at least one way to contact you, or untick the consent box.');
      widget.element.querySelector<HTMLInputElement>('#h389-contact-email')!.value = 'not-an-email';
      byText('Send report').click();
      expect(status()).toBe('Invalid email address.');
      await flush();
      expect(submitSpy).not.toHaveBeenCalled();
    });
  });

  it('moves to another corner with the arrow keys on its move control', () => {
    const onCornerChange = vi.fn();
    const { widget } = mount(async () => offline, 'vi', { onCornerChange });
    widget.setListing(listing);
    widget.setPlacement({ corner: 'bottom-right', lift: 64 });
    expect(widget.element.dataset.corner).toBe('bottom-right');
    expect(widget.element.style.getPropertyValue('--h389-lift')).toBe('64px');
    const handle = widget.element.querySelector('.move-handle') as HTMLButtonElement;
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(onCornerChange).toHaveBeenLastCalledWith('top-right');
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(onCornerChange).toHaveBeenLastCalledWith('bottom-left');
    widget.setPlacement({ corner: 'top-left', lift: 0 });
    expect(widget.element.dataset.corner).toBe('top-left');
    expect(widget.element.querySelector('#h389-corner')?.textContent).toBe('Nút đang ở góc trên bên trái.');
  });
});
