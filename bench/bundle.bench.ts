// Size of what the browser loads into every marketplace page, from a production build made in this run.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT_SCRIPT_BUDGET = 50 * 1024;

const build = spawnSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const out = path.join(root, '.output', 'chrome-mv3');
const files = ['content-scripts/marketplace.js', 'content-scripts/response-observer.js', 'background.js', ...readdirSync(path.join(out, 'chunks')).map((f) => `chunks/${f}`)];
const rows = files.map((file) => {
  const bytes = readFileSync(path.join(out, file));
  return { file, 'raw KB': (statSync(path.join(out, file)).size / 1024).toFixed(1), 'gzip KB': (gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1) };
});
console.table(rows);
const content = gzipSync(readFileSync(path.join(out, 'content-scripts/marketplace.js')), { level: 9 }).length;
console.log(`content script (adapters + UI, no React): ${(content / 1024).toFixed(1)} KB gzip = ${((content / CONTENT_SCRIPT_BUDGET) * 100).toFixed(0)}% of the 50 KB budget`);
