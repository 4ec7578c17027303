import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/server';

/** A real hotline (in-memory database, a free port) for the tests of this file; read `.server` inside tests. */
export function useHotline(): { readonly server: RunningServer } {
  const holder = {} as { server: RunningServer };
  beforeAll(async () => {
    holder.server = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024 }, { inMemory: true });
  });
  afterAll(() => holder.server.stop());
  return holder;
}
