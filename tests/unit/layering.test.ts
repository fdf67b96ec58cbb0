import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayering, importsOf } from '../tools/layering.js';

const repo = join(import.meta.dirname, '..', '..');

describe('layering (ARCHITECTURE.md table)', () => {
  it('the repository keeps the table', () => {
    expect(checkLayering(repo)).toEqual([]);
  });

  const tmp = mkdtempSync(join(tmpdir(), 'layering-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(join(tmp, rel, '..'), { recursive: true });
    writeFileSync(join(tmp, rel), text);
  };

  it('fails when electron/backend imports electron', () => {
    write('electron/backend/bad.ts', "import { app } from 'electron';\nexport const x = app;\n");
    const v = checkLayering(tmp);
    expect(v).toEqual([expect.objectContaining({ file: join('electron', 'backend', 'bad.ts'), specifier: 'electron' })]);
  });

  it('fails when the renderer reaches into db/ or node:, or shared/ into node:', () => {
    write('renderer/x.tsx', "import { openEncrypted } from '../db/connection';\nimport fs from 'node:fs';\nexport { openEncrypted, fs };\n");
    write('shared/y.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n");
    write('db/z.ts', "import { app } from 'electron';\nexport const z = app;\n");
    const files = checkLayering(tmp).map((v) => `${v.file.split('\\').join('/')} ${v.specifier}`);
    expect(files).toEqual(
      expect.arrayContaining(['renderer/x.tsx ../db/connection', 'renderer/x.tsx node:fs', 'shared/y.ts node:fs', 'db/z.ts electron']),
    );
  });

  it('allows electron in electron/main and shared/ from everywhere', () => {
    const clean = mkdtempSync(join(tmpdir(), 'layering-ok-'));
    try {
      mkdirSync(join(clean, 'electron', 'main'), { recursive: true });
      mkdirSync(join(clean, 'shared'), { recursive: true });
      writeFileSync(join(clean, 'shared', 'a.ts'), 'export const a = 1;\n');
      writeFileSync(join(clean, 'electron', 'main', 'm.ts'), "import { app } from 'electron';\nimport { a } from '../../shared/a.js';\nexport { app, a };\n");
      expect(checkLayering(clean)).toEqual([]);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('finds static, type-only, dynamic and require imports but not commented ones', () => {
    const src = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export * from './c.js';",
      "const d = await import('d');",
      "const e = require('e');",
      "import './side-effect.css';",
      "// import x from 'commented';",
      "/* import y from 'block'; */",
    ].join('\n');
    expect(importsOf(src).sort()).toEqual(['./c.js', './side-effect.css', 'a', 'b', 'd', 'e']);
  });
});
