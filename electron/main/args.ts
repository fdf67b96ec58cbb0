import { resolve } from 'node:path';

/**
 * The store folder named on the command line (`--data DIR` or `--data=DIR`), resolved against the
 * working directory, or undefined. Pure so it is testable; Chromium ignores the unknown switch.
 */
export function dataDirFromArgv(argv: readonly string[], cwd: string = process.cwd()): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data') {
      const next = argv[i + 1];
      return next !== undefined && next !== '' && !next.startsWith('--') ? resolve(cwd, next) : undefined;
    }
    if (arg?.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      return value !== '' ? resolve(cwd, value) : undefined;
    }
  }
  return undefined;
}
