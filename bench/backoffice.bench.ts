// The inspectors' back office on the embedded database with 100,000 reports (50,000 cases), over real HTTP:
// inbox pages, filters, search, statistics, a 10,000-case export (time and memory), and report ingest on top of
// that data, each against GET /healthz measured in the same run. Targets: inbox pages ≤ 50 ms p95, stats ≤ 200 ms,
// the export streamed without holding the cases in memory.
import { EXAMPLE_REPORT } from '../server/src/openapi';
import { startServer } from '../server/src/server';

const REPORTS = 100_000;
const CASES = 50_000;
const ROUNDS = 60;
const ADMIN = { email: 'bench@hotline.test', password: 'bench password 2026' };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const server = await startServer(
  // the ingest part posts thousands of reports from one address: the per-address limit is lifted (it is not measured here)
  { PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024, HOTLINE_ADMIN_EMAIL: ADMIN.email, HOTLINE_ADMIN_PASSWORD: ADMIN.password, HOTLINE_RATE_PER_MINUTE: 1_000_000, HOTLINE_RATE_PER_DAY: 100_000_000 },
  { inMemory: true },
);

try {
  const seedStarted = performance.now();
  const orgIds = (await server.sql.query<{ id: string }>('SELECT id FROM orgs')).rows.map((row) => row.id);
  await server.sql.query(
    `INSERT INTO cases (listing_key, site, url, title, seller_key, seller_name, categories, risk_rank, report_count, first_reported_at,
                        last_reported_at, status, assigned_org, status_changed_at, triaged_at, closed_at)
     SELECT 'shopee.vn:' || (g % 9000) || ':' || g,
            (ARRAY['shopee.vn','lazada.vn','tiki.vn','sendo.vn','chotot.com','shop.tiktok.com','generic'])[1 + g % 7],
            'https://shopee.vn/product/' || (g % 9000) || '/' || g,
            'Sản phẩm ' || g || (ARRAY[' giày thể thao siêu cấp',' đồng hồ xách tay',' sữa bột nội địa Nhật',' thuốc giảm cân',' áo thun cotton'])[1 + g % 5],
            'shopee.vn:' || (g % 9000), 'Shop ' || (g % 9000),
            ARRAY[(ARRAY['counterfeit','smuggled','banned_goods','ip_infringement','off_platform','false_advertising'])[1 + g % 6]],
            g % 4, 2,
            now() - (g * interval '50 seconds'), now() - (g * interval '40 seconds'),
            (ARRAY['received','triaged','investigating','closed','rejected'])[1 + g % 5],
            CASE WHEN g % 5 = 0 THEN NULL ELSE ($1::uuid[])[1] END,
            now() - (g * interval '40 seconds'),
            CASE WHEN g % 5 = 0 THEN NULL ELSE now() - (g * interval '45 seconds') END,
            CASE WHEN g % 5 IN (3, 4) THEN now() - (g * interval '41 seconds') ELSE NULL END
       FROM generate_series(1, ${CASES}) AS g`,
    [orgIds],
  );
  await server.sql.query(
    `INSERT INTO reports (id, tracking_code, body_sha256, listing_key, category, reporter_role, payload, received_at, updated_at, case_id, site)
     SELECT gen_random_uuid(),
            upper(substr(md5(g::text), 1, 4) || '-' || substr(md5(g::text), 5, 4) || '-' || substr(md5(g::text), 9, 4)),
            md5(g::text), c.listing_key, c.categories[1], 'volunteer',
            jsonb_build_object('schemaVersion', 1, 'category', c.categories[1], 'reporterRole', 'volunteer',
              'capturedAt', to_char(c.first_reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              'client', jsonb_build_object('name', 'bench', 'version', '1'),
              'listing', jsonb_build_object('site', c.site, 'listingKey', c.listing_key, 'url', c.url, 'title', c.title, 'images', '[]'::jsonb, 'provenance', '{}'::jsonb)),
            c.first_reported_at + ((g / ${CASES}) * interval '1 hour'), c.first_reported_at, c.id, c.site
       FROM generate_series(1, ${REPORTS}) AS g JOIN cases c ON c.id = 1 + (g % ${CASES})`,
  );
  await server.sql.query(
    `INSERT INTO report_daily (day, site, category, reports)
     SELECT ((received_at AT TIME ZONE 'UTC') + interval '7 hours')::date, site, category, count(*) FROM reports GROUP BY 1, 2, 3`,
  );
  await server.sql.exec('ANALYZE');
  const seeded = (await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]?.n;
  console.log(`seeded ${seeded} reports in ${CASES} cases in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (embedded PGlite in memory)`);

  const login = await fetch(`${server.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };

  async function latency(label: string, path: string, target?: number) {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS + 5; round += 1) {
      const t0 = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers: auth });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
      if (round >= 5) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { label, p50: percentile(times, 50), p95: percentile(times, 95), target };
  }

  const baseline = await latency('GET /healthz (baseline)', '/healthz');
  const firstPage = (await (await fetch(`${server.url}/v1/cases`, { headers: auth })).json()) as { nextCursor: string };
  const rows = [
    baseline,
    await latency('inbox, first page (50 cases)', '/v1/cases', 50),
    await latency('inbox, second page (keyset cursor)', `/v1/cases?cursor=${firstPage.nextCursor}`, 50),
    await latency('filtered: status + category', '/v1/cases?status=received&category=counterfeit', 50),
    await latency('filtered: organisation + site, by report count', `/v1/cases?org=${orgIds[0]}&site=tiki.vn&sort=report_count`, 50),
    await latency('search: "giay sieu cap"', '/v1/cases?q=giay%20sieu%20cap', 50),
    await latency('case page (reports, seller’s cases, history)', '/v1/cases/4242', 50),
    await latency('stats, last 30 days', '/v1/stats', 200),
    await latency('stats, one year', `/v1/stats?from=${new Date(Date.now() - 360 * 86_400_000).toISOString().slice(0, 10)}`, 200),
  ];
  console.table(
    rows.map((row) => ({
      measurement: row.label,
      'p50 ms': row.p50.toFixed(2),
      'p95 ms': row.p95.toFixed(2),
      'p95 vs baseline': `${(row.p95 / baseline.p95).toFixed(1)}×`,
      target: row.target ? `≤ ${row.target} ms p95 ${row.p95 <= row.target ? 'met' : 'MISSED'}` : '',
    })),
  );

  // Export: 10,000 cases (status=received is one in five), then all 50,000. Heap is sampled while the response
  // streams (client and server share this process): if the export held its cases, the peak would grow with the file.
  async function exportRun(query: string) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 2);
    const started = performance.now();
    const response = await fetch(`${server.url}/v1/cases/export?format=csv${query}`, { headers: auth });
    const reader = response.body!.getReader();
    let bytes = 0;
    let rows = -1; // the header line
    let firstByteMs = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!bytes) firstByteMs = performance.now() - started;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) rows += 1;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    clearInterval(sampler);
    return { rows, bytes, ms: performance.now() - started, firstByteMs, heapGrowth: heapPeak - heapBefore };
  }
  const small = await exportRun('&status=received');
  const large = await exportRun('');
  console.table(
    [small, large].map((run) => ({
      export: `${run.rows} cases`,
      'CSV MB': (run.bytes / 1e6).toFixed(2),
      'total ms': run.ms.toFixed(0),
      'first byte ms': run.firstByteMs.toFixed(0),
      'peak heap growth MB': (run.heapGrowth / 1e6).toFixed(1),
    })),
  );
  console.log(
    `export: ${(large.bytes / small.bytes).toFixed(1)}× the data took ${(large.heapGrowth / small.heapGrowth).toFixed(1)}× the peak heap growth ` +
      '(pages of 500 cases are read and written one at a time, with backpressure)',
  );

  // Ingest on top of the 100,000 reports: new listings and repeats of existing ones (dedupe into cases).
  const post = (i: number) =>
    fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-ingest-${i}-${Date.now()}` },
      body: JSON.stringify({ ...EXAMPLE_REPORT, listing: { ...EXAMPLE_REPORT.listing, listingKey: i % 2 ? `shopee.vn:${i % 9000}:${1 + (i % CASES)}` : `shopee.vn:1:new-${i}` }, note: `bench ${i}` }),
    });
  async function throughput(label: string, send: (i: number) => Promise<Response>, requests = 400, concurrency = 8) {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const response = await send(next++);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
        }
      }),
    );
    return { label, perSecond: requests / ((performance.now() - started) / 1000) };
  }
  await throughput('warm-up', post, 100);
  const health = await throughput('GET /healthz (baseline)', () => fetch(`${server.url}/healthz`));
  const ingest = await throughput('POST /v1/reports on 100,000 reports (assess + dedupe into cases + store)', post);
  console.table(
    [health, ingest].map((row) => ({ measurement: row.label, 'req/s': Math.round(row.perSecond), 'cost vs baseline': `${(health.perSecond / row.perSecond).toFixed(1)}×` })),
  );
} finally {
  await server.stop();
}
