import { mkdir, access, readdir, readFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataFolder } from './data-lock.ts';
import { StartupError } from './startup-error.ts';

/** The slice of a PostgreSQL client the server needs; PGlite and node-postgres both fit it. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(text: string): Promise<unknown>;
  transaction<T>(fn: (tx: Pick<Sql, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export { StartupError };

/**
 * `mkdir -p` one level at a time: Node's recursive mkdir never returns for a path under /proc, where every missing
 * level answers ENOENT; non-recursive mkdir fails at once with a code we can report.
 */
async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      await stat(current);
      break;
    } catch {
      missing.unshift(current);
      if (path.dirname(current) === current) break;
    }
  }
  for (const level of missing) await mkdir(level);
}

/** Opens (creating if needed) the embedded PGlite database in `dataDir`; `undefined` keeps it in memory. */
export async function openEmbeddedDatabase(dataDir: string | undefined): Promise<Sql> {
  if (dataDir) {
    try {
      await makeDirectory(dataDir);
      await access(dataDir, constants.W_OK);
    } catch (error) {
      throw new StartupError(`data folder ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  // Before the database opens anything: a second process must leave the folder untouched.
  const release = dataDir ? lockDataFolder(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = new PGlite(dataDir);
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  return {
    query: (text, params) => db.query(text, params),
    exec: (text) => db.exec(text),
    transaction: (fn) => db.transaction((tx) => fn(tx)),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  } as Sql;
}

/** A real PostgreSQL server (DATABASE_URL): the same SQL, for more than one machine's worth of reports. */
export async function openPostgres(connectionString: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StartupError(`cannot connect to PostgreSQL at ${redact(connectionString)} (${error instanceof Error ? error.message : String(error)})`);
  }
  return {
    query: async (text, params) => ({ rows: (await pool.query(text, params as unknown[])).rows }),
    exec: (text) => pool.query(text),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (text, params) => ({ rows: (await client.query(text, params as unknown[])).rows }),
          exec: (text) => client.query(text),
        } as Pick<Sql, 'query' | 'exec'>);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  } as Sql;
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** Applies every migrations/NNNN_*.sql not yet recorded, each in its own transaction, in order. */
export async function migrate(sql: Sql): Promise<string[]> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await sql.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{4}_.+\.sql$/.test(name)).sort();
  const ran: string[] = [];
  for (const file of files) {
    const version = file.slice(0, 4);
    if (applied.has(version)) continue;
    const text = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
    await sql.transaction(async (tx) => {
      await tx.exec(text);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    });
    ran.push(file);
  }
  return ran;
}
