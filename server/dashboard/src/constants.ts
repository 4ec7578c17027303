import type { ViolationCategory } from './api.ts';
import { VIOLATION_CATEGORY_IDS } from '../../../contract/categories.ts';

// Plain-data enums and case rules come from the contract's zod-free module (no zod in the bundle).
export { CASE_SORTS, CASE_STATUSES, CASE_TRANSITIONS, needsReason, PRIORITIES, STATUSES_NEEDING_REASON, USER_ROLES } from '../../../contract/case-rules.ts';
import type { UserRole } from '../../../contract/case-rules.ts';
export const CATEGORIES: readonly ViolationCategory[] = VIOLATION_CATEGORY_IDS;

/** Which pages a role may open (the server enforces the same). */
export function canUse(role: UserRole, page: 'cases' | 'stats' | 'admin'): boolean {
  if (page === 'admin') return role === 'admin';
  if (page === 'cases') return role !== 'analyst';
  return true;
}
