import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEmbeddedDatabase, openPostgres, type Sql } from '../src/db.ts';

// Tests run on every database users run: embedded PGlite always, a real PostgreSQL when TEST_DATABASE_URL
// names one (CI starts one; locally: TEST_DATABASE_URL=postgres://user@localhost/postgres npm test).
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  const message = 'TEST_DATABASE_URL is not set: the API tests run on embedded PGlite only, not on PostgreSQL.';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n!!! ${message}\n`);
}

/** A new, empty database on the PostgreSQL server, dropped again on close. */
async function openFreshPostgres(url: string): Promise<Sql> {
  const name = `hotline_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const sql = await openPostgres(target.href);
  return {
    ...sql,
    async close() {
      await sql.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      await dropper.end();
    },
  };
}

export const DATABASES: { name: string; open(): Promise<Sql> }[] = [
  { name: 'PGlite', open: () => openEmbeddedDatabase(undefined) },
  ...(adminUrl ? [{ name: 'PostgreSQL', open: () => openFreshPostgres(adminUrl) }] : []),
];
