import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The inspectors' dashboard: a static single-page app that the hotline server serves at /admin/ (same origin as the API).
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '..', '..', '.output', 'admin'),
    emptyOutDir: true,
    // CSP is default-src 'self': no inline scripts, so no inline module-preload polyfill either.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  // `npm run server` on its default port answers the API while developing with `vite --config server/dashboard/vite.config.ts`.
  server: { proxy: { '/v1': 'http://127.0.0.1:8389' } },
});
