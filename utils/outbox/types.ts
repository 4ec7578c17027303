import type { Receipt, Report } from '../../contract/index';
import type { SignedEvidenceReceipt } from '../../contract/evidence';
import type { ReportError } from '../messaging/protocol';

export type OutboxState = 'pending' | 'sent' | 'failed';

/** Where a report's evidence files are: the report itself is sent (or not) independently of them. */
export type EvidenceState = 'uploading' | 'complete' | 'failed';

export interface EvidenceProgress {
  /** 'uploading' until the hotline countersigned every file (also while the report itself still waits) */
  state: EvidenceState;
  /** bytes the hotline confirmed it holds (its `received`), over all files */
  uploadedBytes: number;
  totalBytes: number;
  /** upload attempts (runs) so far; each failed run backs off like a report */
  attempts: number;
  /** the server's Retry-After deadline for uploads */
  notBefore?: number;
  lastError?: ReportError;
  /** files the hotline refused as not matching the signed manifest (422 hash_mismatch) */
  rejectedFiles?: string[];
  /** the hotline's countersignature, once every file arrived */
  receipt?: SignedEvidenceReceipt;
  completedAt?: number;
}

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
  /** present when the report was queued with evidence files */
  evidence?: EvidenceProgress;
  /**
   * When the evidence upload may run next: set only while the report is sent and its evidence unfinished (an
   * IndexedDB index skips entries without it, so the alarm finds unfinished uploads without scanning history).
   */
  evidenceDueAt?: number;
  /** when the kept evidence files are freed (30 days after the upload ended); unset once freed or with no files */
  filesExpireAt?: number;
}

export interface EvidenceFileRecord {
  entryId: string;
  name: string;
  bytes: Uint8Array;
}

export interface OutboxStore {
  put(entry: OutboxEntry): Promise<void>;
  /** the entry and its evidence files in one transaction: both or neither */
  add(entry: OutboxEntry, files: { name: string; bytes: Uint8Array }[]): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /** pending entries whose next attempt is due, oldest first */
  due(now: number): Promise<OutboxEntry[]>;
  /** sent entries whose evidence upload is due */
  evidenceDue(now: number): Promise<OutboxEntry[]>;
  /** newest first */
  recent(limit: number): Promise<OutboxEntry[]>;
  /** every entry about one listing, newest first (an index lookup, not a scan of the history) */
  forListing(listingKey: string): Promise<OutboxEntry[]>;
  readFile(entryId: string, name: string): Promise<Uint8Array | undefined>;
  /** frees an entry's evidence files */
  deleteFiles(entryId: string): Promise<void>;
  /** entries whose kept files expired */
  filesExpired(now: number): Promise<OutboxEntry[]>;
  /** removes an entry and its files (the user deleted the report from the history) */
  delete(id: string): Promise<void>;
}
