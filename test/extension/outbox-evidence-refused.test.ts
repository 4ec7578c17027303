import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../contract/index';
import { migrate, openEmbeddedDatabase, type Sql } from '../../server/src/db';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { generateSigner, createUploadTokens } from '../../server/src/evidence/keys';
import { createEvidenceService } from '../../server/src/evidence/service';
import { createFilesystemStorage } from '../../server/src/evidence/storage';
import { buildTestApp } from '../../server/test/test-app';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox } from '../../utils/outbox/outbox';
import { postReport } from '../../utils/report-client';
import { randomFile, signedEvidence } from './evidence-fixture';

// A hotline that cannot take evidence (no evidence store configured: 503 evidence_unavailable) or refuses the signed
// manifest (400 invalid_evidence) stores nothing: the report itself must still reach it, once, without the evidence.
describe('outbox: evidence the hotline cannot take', () => {
  let sql: Sql;
  let folder: string;
  let app: Awaited<ReturnType<typeof buildTestApp>>['app'];
  beforeAll(async () => {
    sql = await openEmbeddedDatabase(undefined);
    await migrate(sql);
    folder = await mkdtemp(path.join(os.tmpdir(), 'outbox-refused-'));
  });
  afterAll(async () => {
    await sql.close();
    await rm(folder, { recursive: true, force: true });
  });

  let counter = 0;
  const outboxFor = () => {
    counter += 1;
    const posts: { evidence: boolean; status: number }[] = [];
    const outbox = createOutbox({
      store: createIdbOutboxStore(openHotlineDb(`refused-${counter}`)),
      apiBaseUrl: async () => 'http://hotline.test',
      post: (report, options) =>
        postReport(report, {
          ...options,
          fetchImpl: async (url, init) => {
            const response = await app.request(String(url), init as RequestInit);
            posts.push({ evidence: !!report.evidence, status: response.status });
            return response;
          },
        }),
    });
    return { outbox, posts };
  };
  const freshReport = (): Report => {
    const base = ReportSchema.parse(EXAMPLE_REPORT);
    return { ...base, listing: { ...base.listing, listingKey: `${base.listing.listingKey}-refused${counter}` } };
  };

  it('sends the report without evidence when the hotline has no evidence store, and marks only the evidence failed', async () => {
    ({ app } = await buildTestApp(sql)); // built without an evidence service
    const { outbox, posts } = outboxFor();
    const report = freshReport();
    const entry = await outbox.submit(report, await signedEvidence(report, [randomFile('listing.json', 2_000)]));
    expect(posts).toEqual([
      { evidence: true, status: 503 },
      { evidence: false, status: 201 },
    ]);
    expect(entry.state).toBe('sent');
    expect(entry.receipt?.trackingCode).toMatch(/^[A-Z0-9]{4}-/);
    expect(entry.report.evidence).toBeUndefined();
    expect(entry.evidence).toMatchObject({ state: 'failed', lastError: { status: 503, reason: 'evidence_unavailable' } });
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE tracking_code = $1', [entry.receipt!.trackingCode]);
    expect(rows[0]!.n).toBe(1);
    // nothing left to retry
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 0, failed: 0, pending: 0 });
  });

  it('sends the report without evidence whose manifest the hotline refuses', async () => {
    const evidence = createEvidenceService({ sql, storage: createFilesystemStorage(folder), signer: (await generateSigner()).signer, tokens: createUploadTokens(new Uint8Array(32).fill(7)) });
    ({ app } = await buildTestApp(sql, { overrides: { evidence } }));
    const { outbox, posts } = outboxFor();
    const report = freshReport();
    const captured = await signedEvidence(report, [randomFile('listing.json', 100)]);
    // signed for another listing than the report's: refused (invalid_evidence) before anything is stored
    const other = await signedEvidence({ ...report, listing: { ...report.listing, listingKey: 'shopee.vn:1:other' } }, captured.files);
    const entry = await outbox.submit({ ...report, evidence: other.claim }, captured);
    expect(posts).toEqual([
      { evidence: true, status: 400 },
      { evidence: false, status: 201 },
    ]);
    expect(entry.state).toBe('sent');
    expect(entry.evidence).toMatchObject({ state: 'failed', lastError: { status: 400, reason: 'invalid_evidence' } });
  });

  it('still refuses for good a report that is itself invalid', async () => {
    const { outbox, posts } = outboxFor();
    const report = freshReport();
    const bad = { ...report, listing: { ...report.listing, url: 'javascript:alert(1)' } } as Report;
    const entry = await outbox.submit(bad, await signedEvidence(report, [randomFile('listing.json', 100)]));
    expect(posts.map((post) => post.status)).toEqual([400]);
    expect(entry.state).toBe('failed');
  });
});
