import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { readEnv } from '../src/env.ts';
import { startServer } from '../src/server.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tempDirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-test-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(async () => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const baseEnv = { PORT: 0, HOST: '127.0.0.1', HOTLINE_BODY_LIMIT: 1024 * 1024 };

describe('environment', () => {
  it('defaults to port 8389 on loopback', () => {
    const env = readEnv({});
    expect(env.PORT).toBe(8389);
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.HOTLINE_DATA_DIR).toMatch(/\.data[\\/]hotline$/);
  });

  it('names the bad variable', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('server start-up', () => {
  it('keeps its data across restarts over real HTTP', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ ...baseEnv, HOTLINE_DATA_DIR: dataDir });
    const posted = await fetch(`${first.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EXAMPLE_REPORT),
    });
    expect(posted.status).toBe(201);
    const { trackingCode } = (await posted.json()) as { trackingCode: string };
    await first.stop();

    const second = await startServer({ ...baseEnv, HOTLINE_DATA_DIR: dataDir });
    try {
      const status = await fetch(`${second.url}/v1/reports/${trackingCode}/status`);
      expect(status.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('creates the configured admin on first start only, who can then sign in over real HTTP', async () => {
    const dataDir = await tempDir();
    const admin = { HOTLINE_ADMIN_EMAIL: 'chief@hotline.test', HOTLINE_ADMIN_PASSWORD: 'a long first password' };
    const first = await startServer({ ...baseEnv, ...admin, HOTLINE_DATA_DIR: dataDir });
    try {
      expect(first.bootstrapAdmin).toEqual({ email: 'chief@hotline.test' });
      const login = await fetch(`${first.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: admin.HOTLINE_ADMIN_EMAIL, password: admin.HOTLINE_ADMIN_PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { role: string; orgName: string } }).user).toMatchObject({ role: 'admin', orgName: 'BCĐ 389' });
    } finally {
      await first.stop();
    }
    const second = await startServer({ ...baseEnv, HOTLINE_ADMIN_EMAIL: 'other@hotline.test', HOTLINE_ADMIN_PASSWORD: 'another long password', HOTLINE_DATA_DIR: dataDir });
    expect(second.bootstrapAdmin).toBeUndefined();
    await second.stop();
  });

  it('fails with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startServer({ ...baseEnv, PORT: port, HOTLINE_DATA_DIR: await tempDir() })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('fails with a clear message when the data folder cannot be written', async () => {
    const file = path.join(await tempDir(), 'not-a-folder');
    await writeFile(file, 'x');
    await expect(startServer({ ...baseEnv, HOTLINE_DATA_DIR: path.join(file, 'data') })).rejects.toThrow(/data folder .* is not writable/);
  });

  it.runIf(existsSync('/proc/self'))('fails at once, not hanging, for a data folder under /proc', async () => {
    const started = Date.now();
    await expect(startServer({ ...baseEnv, HOTLINE_DATA_DIR: '/proc/hotline-data/nested' })).rejects.toThrow(/data folder \/proc\/hotline-data\/nested is not writable/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses to publish a rule pack the extension would refuse, naming the rule', async () => {
    const dir = await tempDir();
    const { DEFAULT_PACK_JSON } = await import('../../utils/risk/index.ts');
    const pack = structuredClone(DEFAULT_PACK_JSON) as { rules: { id: string; category: string }[] };
    pack.rules[0]!.category = 'not-a-category';
    const file = path.join(dir, 'pack.json');
    await writeFile(file, JSON.stringify(pack));
    await expect(startServer({ ...baseEnv, HOTLINE_DATA_DIR: dir, HOTLINE_RULE_PACK: file }, { inMemory: true })).rejects.toThrow(
      new RegExp(`rule pack .* refused: ${pack.rules[0]!.id.replace(/\./g, '\\.')}`),
    );
    await writeFile(file, '{ not json');
    await expect(startServer({ ...baseEnv, HOTLINE_DATA_DIR: dir, HOTLINE_RULE_PACK: file }, { inMemory: true })).rejects.toThrow(/cannot be read as JSON/);
  });

  it('lets one process at a time use a data folder: a second exits with one clear line and touches nothing', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ ...baseEnv, HOTLINE_DATA_DIR: dataDir });
    try {
      const posted = await fetch(`${first.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EXAMPLE_REPORT) });
      expect(posted.status).toBe(201);
      const before = await snapshot(dataDir);
      await expect(startServer({ ...baseEnv, HOTLINE_DATA_DIR: dataDir })).rejects.toThrow(
        new RegExp(`data folder .* is in use by another hotline process \\(pid ${process.pid}\\)|already open in this process`),
      );
      expect(await snapshot(dataDir)).toEqual(before);
      // The real case is another process: `npm run server` on the same folder exits 1 with one line.
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        cwd: projectRoot,
        env: { ...process.env, PORT: '0', HOTLINE_DATA_DIR: dataDir, HOTLINE_LOG: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr.trim()).toBe(`hotline: cannot start: data folder ${dataDir} is in use by another hotline process (pid ${process.pid}); stop it or set HOTLINE_DATA_DIR`);
      expect(await snapshot(dataDir)).toEqual(before);
      expect((await fetch(`${first.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EXAMPLE_REPORT) })).status).toBe(201);
    } finally {
      await first.stop();
    }
    // Released on stop; a lock left by a process that died is taken over.
    await writeFile(path.join(dataDir, 'hotline.lock'), String(await deadPid()));
    const third = await startServer({ ...baseEnv, HOTLINE_DATA_DIR: dataDir });
    await third.stop();
  }, 120_000);

  it('keeps every acknowledged report when the server is killed with SIGKILL during ingest', async () => {
    const dataDir = await tempDir();
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const server = await spawnServer(dataDir);
      let stop = false;
      const workers = Array.from({ length: 6 }, async (_, worker) => {
        for (let i = 0; !stop; i += 1) {
          try {
            const response = await fetch(`${server.url}/v1/reports`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': `chaos-${round}-${worker}-${i}` },
              body: JSON.stringify({ ...EXAMPLE_REPORT, listing: { ...EXAMPLE_REPORT.listing, listingKey: `shopee.vn:1:${(worker * 7 + i) % 13}` } }),
            });
            if (response.status === 201) acknowledged.push(((await response.json()) as { trackingCode: string }).trackingCode);
          } catch {
            return; // the server is gone
          }
        }
      });
      while (acknowledged.length < (round + 1) * 30) await new Promise((resolve) => setTimeout(resolve, 5));
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all([exited, ...workers]);
    }
    const restarted = await startServer({ ...baseEnv, HOTLINE_DATA_DIR: dataDir });
    try {
      const missing: string[] = [];
      for (const code of acknowledged) if ((await fetch(`${restarted.url}/v1/reports/${code}/status`)).status !== 200) missing.push(code);
      expect(missing).toEqual([]);
      const counts = await restarted.sql.query<{ reports: number; counted: number }>(
        'SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT sum(report_count)::int FROM cases) AS counted',
      );
      expect(acknowledged.length).toBeGreaterThanOrEqual(90);
      expect(counts.rows[0]!.counted).toBe(counts.rows[0]!.reports); // no case counts a report that was not stored
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});

/** Every file of a folder with its size and modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const info = await stat(full);
    entries[path.relative(dir, full)] = `${info.size}@${info.mtimeMs}`;
  }
  return entries;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

/** `npm run server` as a child process on a free port. */
async function spawnServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOTLINE_DATA_DIR: dataDir, HOTLINE_LOG: 'silent', HOTLINE_RATE_PER_MINUTE: '100000', HOTLINE_RATE_PER_DAY: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /hotline API on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, child };
}
