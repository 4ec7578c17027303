/**
 * Typed helpers for the rule files in this folder. They return their argument unchanged: the types
 * catch a misspelt field while you type, and `npm run pack:build` validates everything again against
 * the contract's schema (contract/rule-pack.ts) before it writes utils/risk/packs/default.json.
 */
import type { PriceReference, RuleInput, RulePackInput } from '../../../contract/rule-pack';

/** One rule: its phrases, its explanation, and the examples it must flag and the near-misses it must not. */
export function defineRule(rule: RuleInput): RuleInput {
  return rule;
}

/** A brand with its lowest plausible genuine price (VND), for the price rules. */
export type PriceReferenceInput = Omit<PriceReference, 'products' | 'exclude'> & Partial<Pick<PriceReference, 'products' | 'exclude'>>;
export function definePriceReference(ref: PriceReferenceInput): PriceReferenceInput {
  return ref;
}

/** Everything in the pack except its rules and price references (which come from their own files). */
export type PackHeader = Omit<RulePackInput, 'rules' | 'priceReferences'>;
export function definePackHeader(header: PackHeader): PackHeader {
  return header;
}
