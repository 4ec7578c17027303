import type { Translate } from './i18n';
import type { ReportError } from './messaging/protocol';

// No zod here: the content script (report widget) imports this module.

/**
 * Network trouble, throttling and server faults are worth retrying; other refusals will not change. A 401 (the
 * inspector's device token was revoked or expired) keeps the report too: it goes once they sign in again or out.
 */
export function isRetryableError({ code, status }: Pick<ReportError, 'code' | 'status'>): boolean {
  if (code === 'network') return true;
  if (status === undefined) return code !== 'invalid';
  return status === 401 || status === 408 || status === 429 || status >= 500 || (status >= 200 && status < 300);
}

export interface ReportErrorText {
  /** a sentence in the UI language */
  summary: string;
  /** the server's own words (English, technical), when they say more than the summary */
  detail?: string;
}

/** Why a report was not delivered, in the reporter's language; a browser's network error text ("Failed to fetch") is never shown. */
export function describeReportError(error: ReportError, t: Translate): ReportErrorText {
  switch (error.code) {
    case 'network':
      return { summary: t('errorNetwork') };
    case 'invalid':
      return { summary: t('errorInvalid'), detail: error.message || undefined };
    case 'internal':
      return { summary: t('errorInternal'), detail: error.message || undefined };
    case 'rejected':
      break;
  }
  const detail = error.message || undefined;
  if (error.status === 429) return { summary: t('errorThrottled'), detail };
  if (error.status === 401) return { summary: t('errorSignInAgain') };
  if (isRetryableError(error)) return { summary: t('errorServer'), detail };
  const reason = error.status === 413 ? t('refusedTooLarge') : error.fields?.length ? `${t('refusedFields')} ${error.fields.join(', ')}.` : undefined;
  return { summary: reason ? `${t('errorRefused')} ${reason}` : t('errorRefused'), detail };
}

/** The sentence after the error for a report kept in the outbox: when it will go out. */
export function queuedNotice(error: ReportError, t: Translate): string {
  if (error.status === 401) return ''; // the sentence itself says what to do
  return error.code === 'network' ? t('queued') : t('queuedRetry');
}
