import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { readEnv } from '../src/env.ts';
import { startServer } from '../src/server.ts';

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
});
