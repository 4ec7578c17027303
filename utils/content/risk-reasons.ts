import type { Assessment, RiskHit } from '../../contract/assessment';
import type { ViolationCategory } from '../../contract/categories';

// How the in-page widget presents an assessment: one reason per rule, each phrase once. The engine orders hits
// heaviest rule first, so the first reason is the strongest single signal, which the form preselects.

export interface RiskReason {
  ruleId: string;
  category: ViolationCategory;
  /** the rule's first hit (explanation and legal reference are the rule's) */
  hit: RiskHit;
  /** distinct phrases as the page wrote them, first spelling of each normalised phrase */
  phrases: string[];
}

/** Case, spacing and punctuation folded: "Rep, 1:1" and "rep 1:1" are one phrase. */
export function normalisePhrase(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{M}\p{N}:]+/gu, ' ')
    .replace(/\s*:\s*/gu, ':')
    .trim();
}

/** Hits grouped by rule, in the engine's order, with duplicate (rule, normalised phrase) pairs dropped. */
export function groupReasons(hits: readonly RiskHit[]): RiskReason[] {
  const byRule = new Map<string, RiskReason & { seen: Set<string> }>();
  for (const hit of hits) {
    let reason = byRule.get(hit.ruleId);
    if (!reason) {
      reason = { ruleId: hit.ruleId, category: hit.category, hit, phrases: [], seen: new Set() };
      byRule.set(hit.ruleId, reason);
    }
    const phrase = hit.text?.trim();
    if (!phrase) continue;
    const key = normalisePhrase(phrase);
    if (!key || reason.seen.has(key)) continue;
    reason.seen.add(key);
    reason.phrases.push(phrase);
  }
  return [...byRule.values()].map(({ seen: _seen, ...reason }) => reason);
}

/** The category of the top reason shown (what the user reads first), else the engine's strongest category. */
export function topCategory(assessment: Assessment | undefined): ViolationCategory | undefined {
  if (!assessment || assessment.level === 'none') return undefined;
  return groupReasons(assessment.hits)[0]?.category ?? assessment.categories[0];
}
