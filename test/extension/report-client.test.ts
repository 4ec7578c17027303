import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { startServer, type RunningServer } from '../../server/src/server';
import { checkHotline, MAX_RETRY_AFTER_SECONDS, parseRetryAfter, postReport } from '../../utils/report-client';

const report = ReportSchema.parse(EXAMPLE_REPORT);
let hotline: RunningServer;

beforeAll(async () => {
  hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024 }, { inMemory: true });
});
afterAll(async () => {
  await hotline.stop();
});

async function withServer(handler: Parameters<typeof createServer>[1], run: (url: string) => Promise<void>) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  } finally {
    server.close();
  }
}

describe('postReport over real HTTP', () => {
  it('returns the receipt, and the same receipt on a retry with the same key', async () => {
    const first = await postReport(report, { apiBaseUrl: hotline.url, idempotencyKey: 'client-test-key-1' });
    const retry = await postReport(report, { apiBaseUrl: hotline.url, idempotencyKey: 'client-test-key-1' });
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
  });

  it('reports a dead server as a network error', async () => {
    const result = await postReport(report, { apiBaseUrl: 'http://127.0.0.1:9', idempotencyKey: 'client-test-key-2' });
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('passes the server’s field paths through on a 400', async () => {
    const broken = { ...report, listing: { ...report.listing, url: 'ftp://x' } } as typeof report;
    const result = await postReport(broken, { apiBaseUrl: hotline.url, idempotencyKey: 'client-test-key-3' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', status: 400 } });
    expect(!result.ok && result.error.message).toContain('listing.url');
    expect(!result.ok && result.error.fields).toEqual(['listing.url']);
  });

  it('reads Retry-After from a 429 over real HTTP', async () => {
    await withServer(
      (_req, res) =>
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' }).end('{"error":"rate_limited","message":"too many reports from this address"}'),
      async (url) => {
        const result = await postReport(report, { apiBaseUrl: url, idempotencyKey: 'client-test-key-6' });
        expect(result).toEqual({
          ok: false,
          error: { code: 'rejected', status: 429, retryAfterSeconds: 42, message: 'too many reports from this address', reason: 'rate_limited' },
        });
      },
    );
  });

  it('does not trust a 200 without a valid receipt', async () => {
    await withServer(
      (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"trackingCode":"<img src=x>"}'),
      async (url) => {
        const result = await postReport(report, { apiBaseUrl: url, idempotencyKey: 'client-test-key-4' });
        expect(result).toMatchObject({ ok: false, error: { code: 'rejected' } });
      },
    );
  });

  it('times out a server that never answers', async () => {
    await withServer(
      () => undefined,
      async (url) => {
        const result = await postReport(report, { apiBaseUrl: url, idempotencyKey: 'client-test-key-5', timeoutMs: 300 });
        expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
      },
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T08:00:00.000Z');

  it('reads delta-seconds and the HTTP date, measured from now', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 29 Nov 2026 08:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Sun, 29 Nov 2026 08:00:00 GMT', now + 400)).toBe(0);
    expect(parseRetryAfter('Sun, 29 Nov 2026 07:00:00 GMT', now)).toBe(0); // in the past: no wait
  });

  it('caps at a day and ignores anything else', () => {
    expect(parseRetryAfter('86401', now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('Tue, 01 Dec 2099 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_SECONDS);
    for (const nonsense of [null, undefined, '', 'soon', '-1', '1.5', '1e3', '0x10', '2026-11-29T08:05:00Z', 'Sun, 29 Nov 2026 08:05:00', '120 seconds']) {
      expect(parseRetryAfter(nonsense, now), String(nonsense)).toBeUndefined();
    }
  });
});

describe('checkHotline', () => {
  it('recognises a hotline API, and tells apart a dead address and a server that is not one', async () => {
    expect(await checkHotline(hotline.url)).toMatchObject({ ok: true });
    expect(await checkHotline('http://127.0.0.1:9')).toMatchObject({ ok: false });
    await withServer(
      (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>router login</h1>'),
      async (url) => expect(await checkHotline(url)).toEqual({ ok: false, message: 'HTTP 200, not a hotline API' }),
    );
  });
});
