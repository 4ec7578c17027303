import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from './startup-error.ts';

export const LOCK_FILE = 'hotline.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data folder: the embedded database has no locking of its own, and two servers on one folder
 * corrupt it. The lock file holds the owner's pid; a lock left by a process that no longer runs (kill -9, power
 * loss) is taken over. Returns the release function.
 */
export function lockDataFolder(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new StartupError(`data folder ${dataDir} is in use by another hotline process (pid ${owner}); stop it or set HOTLINE_DATA_DIR`);
      }
      if (owner === process.pid) throw new StartupError(`data folder ${dataDir} is already open in this process`);
      unlinkSync(file); // stale: its owner is gone
    }
  }
  throw new StartupError(`cannot lock data folder ${dataDir}`);
}
