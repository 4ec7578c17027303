import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('npm start', () => {
  it('stops at once with one clear line and a non-zero code when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        cwd: root,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(`npm start: port ${port} on 127.0.0.1 is already in use (set PORT to use another)`);
      expect(run.stdout).not.toContain('Building');
    } finally {
      blocker.close();
    }
  });

  it('checks the data folder before it builds anything, so a failed start never repoints the loaded extension', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-start-'));
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    try {
      for (const dataDir of [path.join(file, 'data'), ...(existsSync('/proc/self') ? ['/proc/hotline-start-test'] : [])]) {
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
          cwd: root,
          env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir },
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(run.status, dataDir).toBe(1);
        expect(run.stderr.trim()).toMatch(new RegExp(`^npm start: data folder ${dataDir.replace(/[/\\.]/g, '\\$&')} is not writable \\(\\w+\\)$`));
        expect(run.stdout).not.toContain('Building');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
