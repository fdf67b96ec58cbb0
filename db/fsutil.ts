import { closeSync, fsyncSync, openSync, renameSync, writeSync, existsSync, copyFileSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn one:
 * temp file, fsync, rename over, fsync the folder. With `keepPrevious`, the old file is kept
 * beside it as `<path>.bak` first.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, keepPrevious = false): void {
  const tmp = `${path}.tmp-${process.pid}`;
  let fd: number | null = openSync(tmp, 'w', 0o600);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (keepPrevious && existsSync(path)) copyFileSync(path, `${path}.bak`);
    renameSync(tmp, path);
  } catch (err) {
    // A full disk or a failed rename leaves nothing behind: no temp file, the old file as it was.
    if (fd !== null) {
      try { closeSync(fd); } catch { /* already failing; report the first error */ }
    }
    try { unlinkSync(tmp); } catch { /* the write already failed; report that */ }
    throw err;
  }
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}
