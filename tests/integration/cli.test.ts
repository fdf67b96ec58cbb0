import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../fixtures/cli.js';
import { tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PW = { WORKBENCH_PASSWORD: 'a long enough password' };

describe('cli', () => {
  it('init creates an encrypted store, and refuses to run twice', () => {
    const data = join(dir, 'store');
    const first = runCli(['init', '--data', data, '--org', 'Etelä-Karjalan hyvinvointialue', '--user', 'aino'], PW);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Etelä-Karjalan hyvinvointialue');
    expect(readFileSync(join(data, 'tiimipoyta.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const before = readFileSync(join(data, 'tiimipoyta.db'));

    const second = runCli(['init', '--data', data], PW);
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain('[store_exists]');
    expect(readFileSync(join(data, 'tiimipoyta.db'))).toEqual(before);
  });

  it('exits non-zero with one line when no password can be read, or it is too short', () => {
    const none = runCli(['init', '--data', dir]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/WORKBENCH_PASSWORD/);
    const short = runCli(['init', '--data', dir], { WORKBENCH_PASSWORD: 'short' });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 10/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never turns an empty file into a store', () => {
    writeFileSync(join(dir, 'tiimipoyta.db'), '');
    const r = runCli(['init', '--data', dir], PW);
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'tiimipoyta.db')).length).toBe(0);
  });

  it('rejects unknown commands and bad flags', () => {
    expect(runCli(['frobnicate']).status).toBe(1);
    expect(runCli(['serve', '--port', 'abc', '--data', dir]).stderr).toMatch(/Not a port/);
    expect(runCli(['init', 'stray']).status).toBe(1);
  });

  it('audit verify, backup and restore work on a real store and fail with one line when they cannot', () => {
    const data = join(dir, 'store');
    expect(runCli(['init', '--data', data, '--user', 'aino'], PW).status).toBe(0);

    const verify = runCli(['audit', 'verify', '--data', data], PW);
    expect(verify.stdout).toMatch(/intact: \d+ events verified/);
    expect(verify.status).toBe(0);
    const wrong = runCli(['audit', 'verify', '--data', data], { WORKBENCH_PASSWORD: 'not the password' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/\[wrong_password\]/);

    const out = join(dir, 'copy.tpbackup');
    const backup = runCli(['backup', '--data', data, '--out', out, '--user', 'aino'], PW);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/Backup written and verified/);
    expect(readFileSync(out).includes(Buffer.from('Administrator'))).toBe(false);
    expect(runCli(['backup', '--data', data, '--out', out], PW).stderr).toMatch(/\[store_exists\]/);

    expect(runCli(['restore', '--data', data, '--from', out]).stderr).toMatch(/\[store_exists\]/);
    const target = join(dir, 'restored');
    const restore = runCli(['restore', '--data', target, '--from', out]);
    expect(restore.status).toBe(0);
    const again = runCli(['audit', 'verify', '--data', target, '--user', 'aino'], PW);
    expect(again.status).toBe(0);
    expect(runCli(['audit', 'frobnicate', '--data', data]).status).toBe(1);
  });

  it('serve refuses a non-loopback address', () => {
    const r = runCli(['serve', '--data', dir, '--host', '0.0.0.0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\[forbidden\]/);
  });

  it('a second serve on the same store refuses cleanly while the first runs', async () => {
    const first = await startServe(dir);
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
      const second = runCli(['serve', '--data', dir]);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/already open.*\[store_in_use\]/);
    } finally {
      await first.stop();
    }
    // The lock goes with the process: a new serve starts.
    const third = await startServe(dir);
    await third.stop();
  });
});
