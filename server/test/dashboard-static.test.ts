import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DASHBOARD_DIR, dashboardRoutes } from '../src/routes/dashboard.ts';

describe('dashboard files at /admin/', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-dashboard-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Hotline 389</title>');
    await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the built page with a strict CSP, hashed assets as immutable, and index.html for app routes', async () => {
    const app = dashboardRoutes(dir);
    expect((await app.request('/admin')).status).toBe(301);
    const page = await app.request('/admin/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = await app.request('/admin/assets/index-abc123.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toMatch(/immutable/);
    expect(await (await app.request('/admin/cases')).text()).toContain('Hotline 389');
  });

  it('serves nothing outside the build, whatever the path', async () => {
    const app = dashboardRoutes(dir);
    for (const probe of ['/admin/%2e%2e/package.json', '/admin/..%2f..%2fpackage.json', '/admin/assets/missing.js', '/admin/%E0%A4%A.js', '/admin/%E0%A4%A', '/admin/%2e%2e%2f%2e%2e%2fserver%2fsrc%2fenv.ts']) {
      const response = await app.request(probe);
      expect(response.status, probe).toBe(404);
    }
  });

  it('looks by default where the dashboard build writes it (npm start serves it without any option)', async () => {
    const viteConfig = (await import('../dashboard/vite.config.ts')).default as { build?: { outDir?: string } };
    expect(DEFAULT_DASHBOARD_DIR).toBe(viteConfig.build?.outDir);
    expect(DEFAULT_DASHBOARD_DIR).toBe(path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '.output', 'admin'));
  });

  it('says how to build it when it is missing, and serves it once built (npm start builds after the server starts)', async () => {
    const later = path.join(dir, 'built-later');
    const app = dashboardRoutes(later);
    const response = await app.request('/admin/');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:admin/);
    await mkdir(later);
    await writeFile(path.join(later, 'index.html'), '<!doctype html><title>built later</title>');
    expect(await (await app.request('/admin/')).text()).toContain('built later');
  });
});
