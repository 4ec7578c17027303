import { readEnv } from './env.ts';
import { startServer } from './server.ts';

// Serves the API only; all wiring lives in server.ts / app.ts.
try {
  const env = readEnv();
  const running = await startServer(env);
  console.log(`hotline API on ${running.url} (${env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${env.HOTLINE_DATA_DIR}`})`);
  const shutdown = () => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(`hotline: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
