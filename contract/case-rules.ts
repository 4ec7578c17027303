// The back office's enums and case rules as plain data (no zod), so the dashboard can import them without
// bundling zod; contract/backoffice.ts builds its schemas from these same lists.

export const CASE_STATUSES = ['received', 'triaged', 'investigating', 'closed', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const USER_ROLES = ['admin', 'triager', 'inspector', 'analyst', 'trainer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CASE_SORTS = ['last_reported', 'first_reported', 'report_count', 'risk'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/**
 * Allowed status changes. Closing or rejecting needs a reason; a closed or rejected case can be reopened to
 * `triaged` (with a reason) when the listing comes back.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['triaged', 'rejected'],
  triaged: ['investigating', 'closed', 'rejected'],
  investigating: ['closed', 'rejected'],
  closed: ['triaged'],
  rejected: ['triaged'],
};
export const STATUSES_NEEDING_REASON: readonly CaseStatus[] = ['closed', 'rejected'];

/** Closing or rejecting needs a reason, and so does reopening a closed or rejected case. */
export function needsReason(from: CaseStatus, to: CaseStatus): boolean {
  if (from === to) return false;
  return STATUSES_NEEDING_REASON.includes(to) || STATUSES_NEEDING_REASON.includes(from);
}
