import type { Receipt, Report } from '../../contract/index';
import type { ReportError } from '../messaging/protocol';

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  /** also the Idempotency-Key, so a retry after a lost answer never files the report twice */
  id: string;
  report: Report;
  createdAt: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** the server's Retry-After deadline: no attempt before it, not even when the network comes back */
  notBefore?: number;
  lastError?: ReportError;
  receipt?: Receipt;
  sentAt?: number;
}

export interface OutboxStore {
  put(entry: OutboxEntry): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /** pending entries whose next attempt is due, oldest first */
  due(now: number): Promise<OutboxEntry[]>;
  /** newest first */
  recent(limit: number): Promise<OutboxEntry[]>;
}
