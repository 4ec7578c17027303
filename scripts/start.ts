// `npm start`: build the extension for Chrome and Firefox, then serve the hotline API on embedded defaults.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from '../server/src/env';
import { assertPortFree, startServer } from '../server/src/server';

/** Local-only defaults for the first admin; a deployment sets HOTLINE_ADMIN_EMAIL / HOTLINE_ADMIN_PASSWORD itself. */
const LOCAL_ADMIN = { email: 'admin@hotline389.local', password: 'hotline389-local-admin' };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wxtBin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');

function build(browser: 'chrome' | 'firefox', apiBaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(wxtBin, ['build', '-b', browser, ...(browser === 'firefox' ? ['--mv3'] : [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WXT_API_BASE_URL: apiBaseUrl },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`extension build for ${browser} failed:\n${output}`))));
  });
}

function buildDashboard(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite'), ['build', '--config', 'server/dashboard/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dashboard build failed:\n${output}`))));
  });
}

async function main() {
  const adminFromEnvironment = Boolean(process.env.HOTLINE_ADMIN_EMAIL && process.env.HOTLINE_ADMIN_PASSWORD);
  const env = readEnv(adminFromEnvironment ? process.env : { ...process.env, HOTLINE_ADMIN_EMAIL: LOCAL_ADMIN.email, HOTLINE_ADMIN_PASSWORD: LOCAL_ADMIN.password });
  const apiBaseUrl = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  const started = Date.now();
  await assertPortFree(env.PORT, env.HOST);
  // The server first: it claims the data folder and the port, so a start that cannot run fails before the build
  // points the loaded extension at this port.
  console.log('Starting the hotline API (embedded PostgreSQL: PGlite)…');
  const running = await startServer(env);
  console.log('Building the extension (Chrome MV3, Firefox MV3) and the dashboard…');
  try {
    await Promise.all([build('chrome', apiBaseUrl), build('firefox', apiBaseUrl), buildDashboard()]);
  } catch (error) {
    await running.stop();
    throw error;
  }
  const adminLine = running.bootstrapAdmin
    ? `(admin created: ${env.HOTLINE_ADMIN_EMAIL}${adminFromEnvironment ? '' : ` / ${LOCAL_ADMIN.password}`})`
    : adminFromEnvironment
      ? ''
      : `(sign in as ${LOCAL_ADMIN.email} / ${LOCAL_ADMIN.password} unless you changed it)`;
  console.log(`
Hotline 389 is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  API            ${running.url}
  OpenAPI        ${running.url}/v1/openapi.json
  Health         ${running.url}/healthz
  Dashboard      ${running.url}/admin/   ${adminLine}
  Data folder    ${env.HOTLINE_DATA_DIR}
  Chrome         ${path.join(root, '.output', 'chrome-mv3')}   (chrome://extensions → Developer mode → Load unpacked)
  Firefox        ${path.join(root, '.output', 'firefox-mv3')}   (about:debugging → This Firefox → Load Temporary Add-on → manifest.json)
Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
