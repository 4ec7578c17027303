import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { migrate, openEmbeddedDatabase, openPostgres, StartupError, type Sql } from './db.ts';
import type { Env } from './env.ts';
import { assess, toAssessInput } from '../../utils/risk/index.ts';
import { createAccounts } from './backoffice/accounts.ts';
import { createCaseStore } from './backoffice/cases.ts';
import { createLogger } from './logger.ts';
import { openEvidence, type EvidenceEnv } from './evidence/setup.ts';
import { startEvidenceSweeper } from './evidence/sweep.ts';
import { createByteQuota, createRateLimiter } from './rate-limit.ts';
import { createReportStore } from './report-store.ts';
import { loadPublishedRulePack } from './rule-pack.ts';

export interface RunningServer {
  url: string;
  port: number;
  sql: Sql;
  /** the admin created on this start (first start with HOTLINE_ADMIN_EMAIL/PASSWORD), if any */
  bootstrapAdmin?: { email: string };
  stop(): Promise<void>;
}

/** Opens the database, migrates it and listens; used by index.ts, `npm start` and the end-to-end tests. */
export async function startServer(
  env: Pick<Env, 'PORT' | 'HOST' | 'HOTLINE_DATA_DIR' | 'HOTLINE_BODY_LIMIT'> &
    Partial<
      Pick<
        Env,
        | 'DATABASE_URL'
        | 'HOTLINE_RULE_PACK'
        | 'HOTLINE_ADMIN_EMAIL'
        | 'HOTLINE_ADMIN_PASSWORD'
        | 'HOTLINE_LOG'
        | 'HOTLINE_PUBLIC_URL'
        | 'HOTLINE_CORS_ORIGINS'
        | 'HOTLINE_RATE_PER_MINUTE'
        | 'HOTLINE_RATE_PER_DAY'
        | 'HOTLINE_TRUST_PROXY'
        | 'HOTLINE_BODY_TIMEOUT'
        | 'HOTLINE_UPLOAD_RATE_PER_MINUTE'
        | 'HOTLINE_UPLOAD_RATE_PER_DAY'
        | 'HOTLINE_UPLOAD_BYTES_PER_DAY'
        | 'HOTLINE_EVIDENCE_INCOMPLETE_DAYS'
      >
    > &
    Omit<EvidenceEnv, 'HOTLINE_DATA_DIR'>,
  options: { inMemory?: boolean; dashboardDir?: string } = {},
): Promise<RunningServer> {
  const rulePack = await loadPublishedRulePack(env.HOTLINE_RULE_PACK);
  const sql = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openEmbeddedDatabase(options.inMemory ? undefined : env.HOTLINE_DATA_DIR);
  let closeEvidence = async () => undefined as void;
  try {
    await migrate(sql);
    const accounts = createAccounts(sql);
    const bootstrapAdmin =
      env.HOTLINE_ADMIN_EMAIL && env.HOTLINE_ADMIN_PASSWORD ? await accounts.bootstrapAdmin(env.HOTLINE_ADMIN_EMAIL, env.HOTLINE_ADMIN_PASSWORD) : undefined;
    const evidence = await openEvidence(env, sql, { inMemory: options.inMemory });
    closeEvidence = evidence.close;
    const reports = createReportStore(sql, { assessListing: (listing) => assess(toAssessInput(listing), rulePack.compiled) });
    const logger = createLogger(env.HOTLINE_LOG ?? 'silent');
    const app = createApp({
      reports,
      bodyLimitBytes: env.HOTLINE_BODY_LIMIT,
      rulePack,
      sql,
      accounts,
      cases: createCaseStore(sql),
      dashboardDir: options.dashboardDir,
      logger,
      publicUrl: env.HOTLINE_PUBLIC_URL,
      corsOrigins: env.HOTLINE_CORS_ORIGINS,
      reportRateLimit: createRateLimiter({ perMinute: env.HOTLINE_RATE_PER_MINUTE ?? 30, perDay: env.HOTLINE_RATE_PER_DAY ?? 500 }),
      trustProxyHops: env.HOTLINE_TRUST_PROXY,
      evidence: evidence.service,
      uploadRateLimit: createRateLimiter({ perMinute: env.HOTLINE_UPLOAD_RATE_PER_MINUTE ?? 240, perDay: env.HOTLINE_UPLOAD_RATE_PER_DAY ?? 5000 }),
      uploadByteQuota: createByteQuota({ perDay: env.HOTLINE_UPLOAD_BYTES_PER_DAY ?? 200 * 1024 * 1024 }),
    });
    const server = await listen(app.fetch, env.PORT, env.HOST, { bodyLimitBytes: env.HOTLINE_BODY_LIMIT, bodyTimeoutMs: env.HOTLINE_BODY_TIMEOUT ?? 30_000 });
    // Uploads that never complete lose their bytes after HOTLINE_EVIDENCE_INCOMPLETE_DAYS; crash leftovers go too.
    const sweeper = startEvidenceSweeper({ sql, storage: evidence.storage, logger }, { incompleteDays: env.HOTLINE_EVIDENCE_INCOMPLETE_DAYS ?? 30 });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    return {
      url: `http://${env.HOST}:${port}`,
      port,
      sql,
      bootstrapAdmin: bootstrapAdmin && { email: bootstrapAdmin.email },
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await sweeper.stop();
        await sql.close();
        await closeEvidence();
      },
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    await closeEvidence().catch(() => undefined);
    throw error;
  }
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  port: number,
  hostname: string,
  limits: { bodyLimitBytes: number; bodyTimeoutMs: number },
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    // A request must arrive whole within the timeout: a body that trickles is cut (Node answers 408 and closes).
    // Node checks the timeouts every `connectionsCheckingInterval` ms (30 s by default), so check often enough.
    const serverOptions = {
      requestTimeout: limits.bodyTimeoutMs,
      headersTimeout: Math.min(limits.bodyTimeoutMs, 20_000),
      connectionsCheckingInterval: Math.min(1000, Math.floor(limits.bodyTimeoutMs / 2)),
    };
    const server = serve({ fetch, port, hostname, serverOptions }) as Server;
    // `Expect: 100-continue`: refuse an announced over-limit body before the client sends it.
    server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
      if (Number(request.headers['content-length'] ?? 0) > limits.bodyLimitBytes) {
        const body = JSON.stringify({ error: 'payload_too_large', message: `body exceeds ${limits.bodyLimitBytes} bytes` });
        response.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(body);
        return;
      }
      response.writeContinue();
      server.emit('request', request, response);
    });
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new StartupError(`port ${port} on ${hostname} is already in use (set PORT to use another)`) : error);
    });
  });
}

/** Fails fast, before slow start-up work, when the port is already taken. */
export function assertPortFree(port: number, hostname: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(`port ${port} on ${hostname} is already in use (set PORT to use another)`) : error),
    );
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}
