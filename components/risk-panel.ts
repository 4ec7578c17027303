import { CATEGORY_INFO } from '../contract/categories';
import type { Assessment, RiskHit, RiskLevel } from '../contract/assessment';
import type { Language, MessageKey, Translate } from '../utils/i18n';
import { h } from './dom';
import { levelIcon } from './level-icon';

const LEVEL_TEXT: Record<Exclude<RiskLevel, 'none'>, MessageKey> = { low: 'riskLow', medium: 'riskMedium', high: 'riskHigh' };

export interface RiskView {
  readonly badge: HTMLButtonElement;
  readonly panel: HTMLElement;
  show(assessment: Assessment | undefined): void;
}

/** Badge beside the report button and the panel of reasons it opens. */
export function createRiskView({ t, language, onHighlight }: { t: Translate; language: Language; onHighlight(hits: RiskHit[] | undefined): void }): RiskView {
  const badge = h('button', { type: 'button', class: 'risk-badge', hidden: true, 'aria-expanded': 'false', 'aria-controls': 'h389-risk-panel' });
  const list = h('ol', { class: 'risk-reasons' });
  const highlightToggle = h('input', { type: 'checkbox', id: 'h389-highlight' });
  const panel = h(
    'section',
    { id: 'h389-risk-panel', class: 'risk-panel', hidden: true, 'aria-label': t('riskMedium') },
    list,
    h('label', { class: 'highlight-toggle', for: 'h389-highlight' }, highlightToggle, ` ${t('highlight')}`),
    h('p', { class: 'disclaimer' }, t('disclaimer')),
  );
  let current: Assessment | undefined;

  badge.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    badge.setAttribute('aria-expanded', String(!panel.hidden));
  });
  highlightToggle.addEventListener('change', () => onHighlight(highlightToggle.checked ? current?.hits : undefined));

  /** One entry per rule: its category, every phrase it matched, its explanation and legal basis. */
  function renderReason(hits: RiskHit[]): HTMLLIElement {
    const [first] = hits as [RiskHit, ...RiskHit[]];
    const info = CATEGORY_INFO[first.category];
    const phrases = [...new Set(hits.flatMap((hit) => (hit.text ? [hit.text] : [])))];
    const marks = phrases.flatMap((phrase, i) => (i ? [', ', h('mark', {}, phrase)] : [h('mark', {}, phrase)]));
    return h(
      'li',
      { class: 'risk-reason', 'data-category': first.category, 'data-rule': first.ruleId },
      h('strong', {}, info[language]),
      marks.length ? h('span', { class: 'matched' }, ' — ', ...marks) : null,
      h('p', {}, first.explanation[language]),
      first.legalRef || info.legalBasis ? h('p', { class: 'legal' }, `${t('legalBasis')}: ${first.legalRef || info.legalBasis}`) : null,
    );
  }

  return {
    badge,
    panel,
    show(assessment) {
      current = assessment;
      highlightToggle.checked = false;
      onHighlight(undefined);
      panel.hidden = true;
      badge.setAttribute('aria-expanded', 'false');
      if (!assessment || assessment.level === 'none') {
        badge.hidden = true;
        list.replaceChildren();
        return;
      }
      const level = assessment.level;
      badge.hidden = false;
      badge.dataset.level = level;
      const reasons = groupByRule(assessment.hits);
      const count = reasons.length;
      // Icon and text always accompany the colour, so the level never depends on seeing colour.
      badge.replaceChildren(levelIcon(level), ` ${t(LEVEL_TEXT[level])} · ${count} ${t('reasons')}`);
      panel.setAttribute('aria-label', t(LEVEL_TEXT[level]));
      list.replaceChildren(...reasons.map(renderReason));
    },
  };
}

export function groupByRule(hits: readonly RiskHit[]): RiskHit[][] {
  const byRule = new Map<string, RiskHit[]>();
  for (const hit of hits) {
    const group = byRule.get(hit.ruleId);
    if (group) group.push(hit);
    else byRule.set(hit.ruleId, [hit]);
  }
  return [...byRule.values()];
}

/** Compact badge for a flagged search-result card. */
export function createCardBadge(assessment: Assessment, t: Translate, language: Language): HTMLElement {
  const level = assessment.level === 'none' ? 'low' : assessment.level;
  const categories = assessment.categories.map((category) => CATEGORY_INFO[category][language]).join(', ');
  return h(
    'span',
    { class: 'card-badge', 'data-level': level, title: `${t(LEVEL_TEXT[level])}: ${categories}`, role: 'img', 'aria-label': `${t(LEVEL_TEXT[level])}: ${categories}` },
    levelIcon(level),
    ` ${groupByRule(assessment.hits).length}`,
  );
}
