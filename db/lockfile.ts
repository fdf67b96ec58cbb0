/**
 * One process at a time per store. SQLite would let two processes share the file, but two app
 * instances would each hold their own session, idle timer and key: refuse the second cleanly.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../shared/api/errors.js';

export const LOCK_FILE = 'tiimipoyta.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return Number.isSafeInteger(info.pid) && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

export interface StoreLock {
  release(): void;
}

export function acquireStoreLock(dir: string): StoreLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          const current = readLock(path);
          if (current?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      // A lock left by a crashed process on this machine is stale; one held elsewhere (a shared
      // network folder) or by a live process is not ours to break.
      if (holder && (holder.host !== hostname() || alive(holder.pid))) {
        throw new AppError('store_in_use', `The store is already open in another Tiimipöytä (process ${holder.pid} on ${holder.host}).`, { pid: holder.pid, host: holder.host });
      }
      try { unlinkSync(path); } catch { /* someone else removed it first */ }
    }
  }
  throw new AppError('store_in_use', 'The store lock could not be taken.');
}
