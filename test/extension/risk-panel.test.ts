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
    expect(reasons[0]?.querySelector('.legal')?.textContent).toBe('Legal basis (official Vietnamese citation): NQ 173/2024/QH15');
    expect(reasons[1]?.querySelector('.legal')?.textContent).toBe('Legal basis (official Vietnamese citation): Quy định của sàn thương mại điện tử');
  });

  const hit = (ruleId: string, category: Assessment['categories'][number], text: string, start: number) => ({
    ruleId,
    category,
    field: 'description',
    start,
    end: start + text.length,
    text,
    explanation: { vi: `Giải thích ${ruleId}.`, en: `Explanation of ${ruleId}.` },
    legalRef: ruleId === 'medicine.rx' ? 'Luật 44/2024/QH15' : '',
  });
  // The engine lists hits heaviest rule first; the categories are ordered by summed weight (two smuggling rules
  // outweigh one medicine rule), so the first reason shown and categories[0] can differ.
  const medicine: Assessment = {
    level: 'high',
    score: 9,
    categories: ['smuggled', 'restricted_medicine'],
    hits: [
      hit('medicine.rx', 'restricted_medicine', 'thuốc kê đơn', 0),
      hit('smuggled.xach-tay', 'smuggled', 'xách tay', 20),
      hit('smuggled.no-invoice', 'smuggled', 'không hóa đơn', 40),
      hit('counterfeit.rep', 'counterfeit', 'rep 1:1', 60),
      hit('counterfeit.rep', 'counterfeit', 'rep, 1:1', 80),
      hit('counterfeit.rep', 'counterfeit', 'Rep 1 : 1', 100),
    ],
  };

  it('lists a phrase once however the page punctuates it, and counts reasons, not spellings', () => {
    const { view } = mount('en');
    view.show(medicine);
    const reasons = [...view.panel.querySelectorAll('.risk-reason')];
    expect(reasons.map((reason) => reason.getAttribute('data-rule'))).toEqual(['medicine.rx', 'smuggled.xach-tay', 'smuggled.no-invoice', 'counterfeit.rep']);
    expect([...reasons[3]!.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['rep 1:1']);
    expect(view.badge.textContent?.trim()).toBe('Strong signs of a violation · 4 reasons');
  });

  it('says "1 reason" in English and "1 lý do" in Vietnamese', () => {
    const single: Assessment = { level: 'low', score: 1, categories: ['counterfeit'], hits: [hit('counterfeit.rep', 'counterfeit', 'rep 1:1', 0), hit('counterfeit.rep', 'counterfeit', 'rep, 1:1', 9)] };
    const en = mount('en');
    en.view.show(single);
    expect(en.view.badge.textContent?.trim()).toBe('Weak signs · 1 reason');
    const vi = mount('vi');
    vi.view.show(single);
    expect(vi.view.badge.textContent?.trim()).toBe('Dấu hiệu yếu · 1 lý do');
  });

  it('in English explains in English and labels what stays Vietnamese: quoted phrases and the official legal citation', () => {
    const { view } = mount('en');
    view.show(medicine);
    const first = view.panel.querySelector('.risk-reason')!;
    expect(first.querySelector('strong')?.textContent).toBe('Medicine sold online unlawfully');
    expect(first.querySelector('.explanation')?.textContent).toBe('Explanation of medicine.rx.');
    expect(first.querySelector('.matched')?.textContent).toBe('Quoted from the listing: thuốc kê đơn');
    const legal = first.querySelector('.legal')!;
    expect(legal.textContent).toBe('Legal basis (official Vietnamese citation): Luật 44/2024/QH15');
    expect(legal.querySelector('[lang="vi"]')?.textContent).toBe('Luật 44/2024/QH15');
    expect(view.panel.textContent).not.toContain('Giải thích');
  });

  it('keeps the highlight toggle and the disclaimer outside the scrolling list of reasons', () => {
    const { view } = mount();
    view.show(medicine);
    const scrolling = view.panel.querySelector('.panel-body')!;
    expect(scrolling.querySelector('.risk-reasons')).not.toBeNull();
    expect(scrolling.querySelector('#h389-highlight')).toBeNull();
    expect(scrolling.querySelector('.disclaimer')).toBeNull();
    expect(view.panel.querySelector('.panel-foot #h389-highlight')).not.toBeNull();
    expect(view.panel.querySelector('.panel-foot .disclaimer')).not.toBeNull();
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

describe('risk view in training mode', () => {
  it('adds under each reason how the engine read the phrase and what the rule would not flag, only when asked to explain', async () => {
    const explain = vi.fn(async (hits: { ruleId: string; text?: string }[]) =>
      hits.map((hit) => ({ ...hit, folded: 'bong cuoi', disguises: ['diacritics' as const], nearMisses: ['Bóng bay sinh nhật'] })),
    );
    const view = createRiskView({ t: createTranslator('vi'), language: 'vi', onHighlight: vi.fn(), explain });
    document.body.replaceChildren(view.badge, view.panel);
    view.show(assessment);
    expect(explain).toHaveBeenCalledWith([
      { ruleId: 'banned.n2o', text: 'Bóng cười' },
      { ruleId: 'offplatform.phone', text: '0912 345 678' },
    ]);
    await vi.waitFor(() => expect(view.panel.querySelectorAll('.training-steps')).toHaveLength(2));
    const steps = view.panel.querySelector('li[data-rule="banned.n2o"] .training-steps')!.textContent!;
    expect(steps).toContain('MẪU / DEMO');
    expect(steps).toContain('bong cuoi');
    expect(steps).toContain('đã bỏ dấu');
    expect(steps).toContain('“Bóng bay sinh nhật”');

    const plain = mount();
    plain.view.show(assessment);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(plain.view.panel.querySelector('.training-steps')).toBeNull();
  });
});
