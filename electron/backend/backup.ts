import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { BACKUP_EXTENSION, backupStore } from '../../db/backup.js';
import { record } from './access.js';
import { requireRole, type BackendContext } from './context.js';

/** `backups/` beside the store folder: outside it, so a copy of the store folder never nests its own backups. */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join(dirname(resolve(dataDir)), 'backups', `tiimipoyta-${stamp}${BACKUP_EXTENSION}`);
}

export async function create(ctx: BackendContext, input: ParsedInput<'backup.create'>): Promise<Output<'backup.create'>> {
  const s = requireRole(ctx, 'administrator');
  const out = input.outPath ? resolve(input.outPath) : defaultBackupPath(ctx.dataDir);
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  // The log entry goes in before the snapshot, so the backup carries the record of its own making.
  record(s, { action: 'backup.create', basis: 'administration', details: { file: out } });
  const result = await backupStore({ db: s.db, key: s.key, dir: s.dir }, out, (p) => ctx.emit('backup.progress', p));
  return { file: result.file, bytes: result.bytes, counts: result.counts, ms: result.ms };
}
