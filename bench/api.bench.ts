// Hotline API intake over real HTTP on loopback, against GET /healthz measured in the same run as the baseline.
import { EXAMPLE_REPORT } from '../server/src/openapi';
import { startServer } from '../server/src/server';

const REQUESTS = 400;
const CONCURRENCY = 8;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, send: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const t0 = performance.now();
        const response = await send(i);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, perSecond: REQUESTS / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

// The per-address report limit (30 a minute by default) would answer 429 from one address: this measures intake, not the limiter.
const server = await startServer(
  { PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024, HOTLINE_RATE_PER_MINUTE: 1_000_000, HOTLINE_RATE_PER_DAY: 100_000_000 },
  { inMemory: true },
);
try {
  const body = (i: number) => JSON.stringify({ ...EXAMPLE_REPORT, listing: { ...EXAMPLE_REPORT.listing, listingKey: `shopee.vn:1:${i % 50}` }, note: `bench ${i}` });
  const post = (i: number) =>
    fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `bench-key-${i}-${Date.now()}` }, body: body(i) });
  await measure('warm-up', post);
  const baseline = await measure('GET /healthz (baseline)', () => fetch(`${server.url}/healthz`));
  const intake = await measure('POST /v1/reports (validate + store)', post);
  const replay = await measure('POST /v1/reports replay (same Idempotency-Key)', () =>
    fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'bench-replay-key' }, body: body(0) }),
  );
  console.log(`${REQUESTS} requests, ${CONCURRENCY} in flight, embedded PGlite in memory`);
  console.table(
    [baseline, intake, replay].map((row) => ({
      measurement: row.label,
      'req/s': Math.round(row.perSecond),
      'p50 ms': row.p50.toFixed(2),
      'p95 ms': row.p95.toFixed(2),
      'cost vs baseline': `${(baseline.perSecond / row.perSecond).toFixed(1)}×`,
    })),
  );
} finally {
  await server.stop();
}
