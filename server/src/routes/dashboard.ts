import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/** Where `npm run build:admin` writes (server/dashboard/vite.config.ts): <project>/.output/admin. */
export const DEFAULT_DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '.output', 'admin');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// The dashboard runs only its own bundled code: no inline script, no remote origin, not framable.
const DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [key, value] of readTree(full, `${prefix}${name}/`)) files.set(key, value);
    else files.set(`${prefix}${name}`, readFileSync(full));
  }
  return files;
}

/**
 * Serves the built dashboard (`npm run build:admin` → .output/admin) at /admin/. The files are read once at start:
 * only what the build produced can ever be served, whatever the request path.
 */
export function dashboardRoutes(dir = DEFAULT_DASHBOARD_DIR) {
  const app = new Hono();
  // Read once found: `npm start` builds the dashboard after the server has claimed its data folder.
  let files: Map<string, Buffer> | undefined;
  const builtFiles = () => (files ??= existsSync(path.join(dir, 'index.html')) ? readTree(dir) : undefined);
  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/*', (c) => {
    c.header('Content-Security-Policy', DASHBOARD_CSP);
    const files = builtFiles();
    if (!files) return c.text('The dashboard is not built: run `npm run build:admin` (npm start does).', 503);
    let relative: string;
    try {
      relative = decodeURIComponent(new URL(c.req.url).pathname.slice('/admin/'.length));
    } catch {
      return c.text('not found', 404);
    }
    const file = files.get(relative) ?? (path.extname(relative) ? undefined : files.get('index.html'));
    const name = files.has(relative) ? relative : 'index.html';
    if (!file) return c.text('not found', 404);
    c.header('Content-Type', TYPES[path.extname(name)] ?? 'application/octet-stream');
    // Vite names assets by content hash; index.html must be revalidated so a new build is picked up.
    c.header('Cache-Control', name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(new Uint8Array(file));
  });
  return app;
}
