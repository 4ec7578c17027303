import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { startServer, type RunningServer } from '../../server/src/server';
import { checkHotline, postReport } from '../../utils/report-client';

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
