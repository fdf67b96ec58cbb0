import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { backupStore, readBackupHeader } from '../../db/backup.js';
import { createStore } from '../../db/store.js';
import { ADMIN, FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';
it('scratch', async () => {
  const { dir, cleanup } = tempDir();
  let t = performance.now();
  const s = await createStore(join(dir, 's'), { organisationName: 'x', admin: ADMIN, password: PASSWORD }, FAST_KDF);
  console.log('create', performance.now() - t); t = performance.now();
  mkdirSync(join(dir, 'o'));
  const r = await backupStore({ db: s.db, key: s.key, dir: join(dir, 's') }, join(dir, 'o', 'b.tpbackup'));
  console.log('backup', performance.now() - t, r);
  const b = readFileSync(r.file);
  console.log(b.subarray(0, 24), b.readUInt32BE(20));
  for (const [n, buf] of [['trunc', b.subarray(0, b.length - 4096)], ['cut', b.subarray(0, 100)], ['flipdb', (() => { const c = Buffer.from(b); c[c.length-100]^=1; return c; })()], ['fliphdr', (() => { const c = Buffer.from(b); c[60]^=1; return c; })()], ['plain', Buffer.concat([b.subarray(0, b.length - r.bytes + b.length - b.length)])]] as const) {
    writeFileSync(join(dir, 'bad'), buf);
    try { await readBackupHeader(join(dir, 'bad')); console.log(n, 'OK?'); } catch (e) { console.log(n, (e as Error & {code: string}).code, (e as Error).message); }
  }
  s.db.close(); cleanup();
});
