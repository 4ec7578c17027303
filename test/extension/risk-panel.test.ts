// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createCardBadge, createRiskView } from '../../components/risk-panel';
import type { Assessment } from '../../contract/assessment';
import { createTranslator } from '../../utils/i18n';

const assessment: Assessment = {
  level: 'high',
  score: 12,
  categories: ['banned_goods', 'off_platform'],
  hits: [
    {
      ruleId: 'banned.n2o',
      category: 'banned_goods',
      field: 'title',
      start: 0,
      end: 9,
      text: 'Bóng cười',
      explanation: { vi: 'Có dấu hiệu kinh doanh khí cười.', en: 'May be selling laughing gas.' },
      legalRef: 'NQ 173/2024/QH15',
    },
    { ruleId: 'offplatform.phone', category: 'off_platform', field: 'description', start: 5, end: 17, text: '0912 345 678', explanation: { vi: 'Số điện thoại.', en: 'Phone number.' }, legalRef: '' },
    { ruleId: 'banned.n2o', category: 'banned_goods', field: 'description', start: 0, end: 3, text: 'N2O', explanation: { vi: 'Có dấu hiệu kinh doanh khí cười.', en: 'May be selling laughing gas.' }, legalRef: 'NQ 173/2024/QH15' },
    { ruleId: 'banned.n2o', category: 'banned_goods', field: 'description', start: 10, end: 13, text: 'N2O', explanation: { vi: 'Có dấu hiệu kinh doanh khí cười.', en: 'May be selling laughing gas.' }, legalRef: 'NQ 173/2024/QH15' },
  ],
};

function mount(language: 'vi' | 'en' = 'vi') {
  const onHighlight = vi.fn();
  const view = createRiskView({ t: createTranslator(language), language, onHighlight });
  document.body.replaceChildren(view.badge, view.panel);
  return { view, onHighlight };
}

describe('risk view', () => {
  it('shows nothing for no assessment or level none', () => {
    const { view } = mount();
    view.show(undefined);
    expect(view.badge.hidden).toBe(true);
    view.show({ level: 'none', score: 0, categories: [], hits: [] });
    expect(view.badge.hidden).toBe(true);
  });

  it('states the level in text beside an icon, with the count of reasons', () => {
    const { view } = mount();
    view.show(assessment);
    expect(view.badge.hidden).toBe(false);
    expect(view.badge.textContent?.trim()).toBe('Nhiều dấu hiệu vi phạm · 2 lý do');
    expect(view.badge.querySelector('svg')).not.toBeNull();
    expect(view.badge.dataset.level).toBe('high');
  });

  it('lists each rule once with all its phrases, its explanation and legal basis (falling back to the category’s)', () => {
    const { view } = mount('en');
    view.show(assessment);
    view.badge.click();
    expect(view.panel.hidden).toBe(false);
    const reasons = [...view.panel.querySelectorAll('.risk-reason')];
    expect(reasons.map((reason) => [...reason.querySelectorAll('mark')].map((mark) => mark.textContent))).toEqual([['Bóng cười', 'N2O'], ['0912 345 678']]);
    expect(reasons[0]?.textContent).toContain('May be selling laughing gas.');
    expect(reasons[0]?.querySelector('.legal')?.textContent).toBe('Legal basis: NQ 173/2024/QH15');
    expect(reasons[1]?.querySelector('.legal')?.textContent).toBe('Legal basis: Quy định của sàn thương mại điện tử');
  });

  it('highlights on request and clears the highlight when the item changes', () => {
    const { view, onHighlight } = mount();
    view.show(assessment);
    const toggle = view.panel.querySelector('input[type=checkbox]') as HTMLInputElement;
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    expect(onHighlight).toHaveBeenLastCalledWith(assessment.hits);
    view.show(undefined);
    expect(onHighlight).toHaveBeenLastCalledWith(undefined);
    expect(toggle.checked).toBe(false);
  });

  it('gives a card badge an accessible name with level and categories', () => {
    const badge = createCardBadge(assessment, createTranslator('vi'), 'vi');
    expect(badge.getAttribute('aria-label')).toBe('Nhiều dấu hiệu vi phạm: Hàng cấm kinh doanh, Giao dịch ngoài sàn / ẩn giá');
    expect(badge.textContent?.trim()).toBe('2');
  });
});
