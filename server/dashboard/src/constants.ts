import type { CaseSort, CaseStatus, Priority, UserRole, ViolationCategory } from './api.ts';
import { VIOLATION_CATEGORY_IDS } from '../../../contract/categories.ts';

// Runtime copies of the contract's enums and case rules. contract/backoffice.ts builds zod schemas at import
// time, so importing its values would put zod in the bundle; the types below make the compiler check each list
// against the contract, and test/e2e/dashboard.e2e.ts checks the transition table value by value.

type Complete<T, List extends readonly T[]> = [Exclude<T, List[number]>] extends [never] ? List : never;

export const CASE_STATUSES = ['received', 'triaged', 'investigating', 'closed', 'rejected'] as const satisfies readonly CaseStatus[];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly Priority[];
export const USER_ROLES = ['admin', 'triager', 'inspector', 'analyst'] as const satisfies readonly UserRole[];
export const CASE_SORTS = ['last_reported', 'first_reported', 'report_count', 'risk'] as const satisfies readonly CaseSort[];
export const CATEGORIES: readonly ViolationCategory[] = VIOLATION_CATEGORY_IDS;

const _complete: [
  Complete<CaseStatus, typeof CASE_STATUSES>,
  Complete<Priority, typeof PRIORITIES>,
  Complete<UserRole, typeof USER_ROLES>,
  Complete<CaseSort, typeof CASE_SORTS>,
] = [CASE_STATUSES, PRIORITIES, USER_ROLES, CASE_SORTS];
void _complete;

/** Same as CASE_TRANSITIONS in contract/backoffice.ts. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['triaged', 'rejected'],
  triaged: ['investigating', 'closed', 'rejected'],
  investigating: ['closed', 'rejected'],
  closed: ['triaged'],
  rejected: ['triaged'],
};
/** Same as STATUSES_NEEDING_REASON in contract/backoffice.ts. */
export const STATUSES_NEEDING_REASON: readonly CaseStatus[] = ['closed', 'rejected'];

/** Closing or rejecting needs a reason, and so does reopening a closed or rejected case. */
export function needsReason(from: CaseStatus, to: CaseStatus): boolean {
  if (from === to) return false;
  return STATUSES_NEEDING_REASON.includes(to) || STATUSES_NEEDING_REASON.includes(from);
}

/** Which pages a role may open (the server enforces the same). */
export function canUse(role: UserRole, page: 'cases' | 'stats' | 'admin'): boolean {
  if (page === 'admin') return role === 'admin';
  if (page === 'cases') return role !== 'analyst';
  return true;
}
