import { CATEGORY_INFO } from '../contract/categories';
import type { Assessment, RiskHit, RiskLevel } from '../contract/assessment';
import { countReasons, type Language, type MessageKey, type Translate } from '../utils/i18n';
import { groupReasons, type RiskReason } from '../utils/content/risk-reasons';
import type { HitExplanation } from '../utils/messaging/protocol';
import { h } from './dom';
import { levelIcon } from './level-icon';

const LEVEL_TEXT: Record<Exclude<RiskLevel, 'none'>, MessageKey> = { low: 'riskLow', medium: 'riskMedium', high: 'riskHigh' };
const DISGUISE_TEXT: Record<HitExplanation['disguises'][number], MessageKey> = {
  diacritics: 'trainingDiacritics',
  case: 'trainingCase',
  leet: 'trainingLeet',
  split: 'trainingSplit',
};

export interface RiskView {
  readonly badge: HTMLButtonElement;
  readonly panel: HTMLElement;
  show(assessment: Assessment | undefined): void;
  close(): void;
}

interface RiskViewDeps {
  t: Translate;
  language: Language;
  onHighlight(hits: RiskHit[] | undefined): void;
  /** the panel opened: other panels of the widget close */
  onOpen?(): void;
  /** training mode only: the engine's reading of each reason (see the explainHits message) */
  explain?(hits: { ruleId: string; text?: string }[]): Promise<HitExplanation[]>;
}

/**
 * Badge beside the report button and the panel of reasons it opens. The panel's head (level, close) and foot
 * (highlight toggle, disclaimer) stay in view; only the list of reasons scrolls.
 */
export function createRiskView({ t, language, onHighlight, onOpen, explain }: RiskViewDeps): RiskView {
  const badge = h('button', { type: 'button', class: 'risk-badge', hidden: true, 'aria-expanded': 'false', 'aria-controls': 'h389-risk-panel' });
  const title = h('h2', { id: 'h389-risk-title', class: 'panel-title' });
  const closeButton = h('button', { type: 'button', class: 'panel-close', 'aria-label': t('cancel'), title: t('cancel') }, '×');
  const list = h('ol', { class: 'risk-reasons' });
  const highlightToggle = h('input', { type: 'checkbox', id: 'h389-highlight' });
  // focusable: keyboard users can scroll a long list of reasons
  const body = h('div', { class: 'panel-body', tabindex: '0', role: 'group', 'aria-labelledby': 'h389-risk-title' }, list);
  const panel = h(
    'section',
    { id: 'h389-risk-panel', class: 'risk-panel', hidden: true, 'aria-labelledby': 'h389-risk-title' },
    h('header', { class: 'panel-head' }, title, closeButton),
    body,
    h(
      'footer',
      { class: 'panel-foot' },
      h('label', { class: 'highlight-toggle', for: 'h389-highlight' }, highlightToggle, ` ${t('highlight')}`),
      h('p', { class: 'disclaimer' }, t('disclaimer')),
    ),
  );
  let current: Assessment | undefined;

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    badge.setAttribute('aria-expanded', String(open));
    if (open) {
      onOpen?.();
      body.focus({ preventScroll: true }); // the reasons are read next; Escape returns to the badge
    }
  };
  badge.addEventListener('click', () => setOpen(panel.hasAttribute('hidden')));
  closeButton.addEventListener('click', () => {
    setOpen(false);
    badge.focus();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
    badge.focus();
  });
  highlightToggle.addEventListener('change', () => onHighlight(highlightToggle.checked ? current?.hits : undefined));

  /** One entry per rule: its category, each phrase it matched once, its explanation and legal basis. */
  function renderReason(reason: RiskReason): HTMLLIElement {
    const { hit } = reason;
    const info = CATEGORY_INFO[reason.category];
    const marks = reason.phrases.flatMap((phrase, i) => (i ? [', ', h('mark', {}, phrase)] : [h('mark', {}, phrase)]));
    const citation = hit.legalRef || info.legalBasis;
    return h(
      'li',
      { class: 'risk-reason', 'data-category': reason.category, 'data-rule': reason.ruleId },
      h('strong', {}, info[language]),
      // the phrases are quotes from the listing: they stay as the seller wrote them, labelled as such
      marks.length ? h('p', { class: 'matched' }, h('span', { class: 'label' }, `${t('matchedPhrases')} `), ...marks) : null,
      h('p', { class: 'explanation' }, hit.explanation[language]),
      citation ? h('p', { class: 'legal' }, `${t('legalBasisOfficial')}: `, h('span', { lang: 'vi' }, citation)) : null,
    );
  }

  /** Training mode: under each reason, how the engine read the phrase and what the rule would not flag. */
  async function addTrainingSteps(assessment: Assessment, reasons: RiskReason[]) {
    const explanations = await explain!(reasons.map((reason) => ({ ruleId: reason.ruleId, text: reason.phrases[0] }))).catch(() => []);
    if (current !== assessment) return; // the page moved on
    for (const explanation of explanations) {
      const item = list.querySelector<HTMLLIElement>(`li[data-rule="${CSS.escape(explanation.ruleId)}"]`);
      if (!item) continue;
      const disguises = explanation.disguises.map((disguise) => t(DISGUISE_TEXT[disguise])).join(', ') || t('trainingNoDisguise');
      item.append(
        h(
          'div',
          { class: 'training-steps' },
          h('p', { class: 'training-mark' }, t('trainingMark')),
          explanation.folded ? h('p', {}, `${t('trainingRead')}: `, h('code', {}, explanation.folded), ` — ${disguises}`) : null,
          h('p', {}, `${t('trainingRule')}: `, h('code', {}, explanation.ruleId)),
          explanation.nearMisses.length ? h('p', {}, `${t('trainingNearMisses')}: `, explanation.nearMisses.map((text) => `“${text}”`).join('; ')) : null,
        ),
      );
    }
  }

  return {
    badge,
    panel,
    close() {
      if (!panel.hidden) setOpen(false);
    },
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
      const reasons = groupReasons(assessment.hits);
      const summary = `${t(LEVEL_TEXT[level])} · ${countReasons(reasons.length, t)}`;
      // Icon and text always accompany the colour, so the level never depends on seeing colour.
      badge.replaceChildren(levelIcon(level), ` ${summary}`);
      title.replaceChildren(levelIcon(level), ` ${summary}`);
      title.dataset.level = level;
      list.replaceChildren(...reasons.map(renderReason));
      if (explain) void addTrainingSteps(assessment, reasons);
    },
  };
}

/** Compact badge for a flagged search-result card. */
export function createCardBadge(assessment: Assessment, t: Translate, language: Language): HTMLElement {
  const level = assessment.level === 'none' ? 'low' : assessment.level;
  const categories = assessment.categories.map((category) => CATEGORY_INFO[category][language]).join(', ');
  return h(
    'span',
    { class: 'card-badge', 'data-level': level, title: `${t(LEVEL_TEXT[level])}: ${categories}`, role: 'img', 'aria-label': `${t(LEVEL_TEXT[level])}: ${categories}` },
    levelIcon(level),
    ` ${groupReasons(assessment.hits).length}`,
  );
}
