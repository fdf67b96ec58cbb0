/**
 * The layering rule of ARCHITECTURE.md as code: which folder may import what. Used by
 * tests/unit/layering.test.ts over the real tree and over a deliberately broken one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

type Layer = 'shared' | 'db' | 'backend' | 'host' | 'renderer';

interface Rule {
  /** Layers whose files a relative import may reach. */
  layers: Layer[];
  /** Whether node:* (and bare Node built-ins) may be imported. */
  node: boolean;
  /** Bare package names (or prefixes ending in '/') that may be imported. */
  packages: string[];
  /** Bare packages that are never allowed, whatever else is. */
  deny: string[];
}

const BROWSER_DENY = ['electron', 'better-sqlite3-multiple-ciphers'];

export const RULES: Record<Layer, Rule> = {
  shared: { layers: ['shared'], node: false, packages: ['zod'], deny: ['electron', 'react'] },
  db: { layers: ['shared', 'db'], node: true, packages: ['better-sqlite3-multiple-ciphers'], deny: ['electron'] },
  // pdfkit lays out the plan as a PDF (issue 7); @signpdf and node-forge seal it. Plain Node, no Electron, no native code.
  backend: { layers: ['shared', 'db', 'backend'], node: true, packages: ['pdfkit', '@signpdf/', 'node-forge'], deny: ['electron'] },
  host: { layers: ['shared', 'db', 'backend', 'host'], node: true, packages: ['electron'], deny: [] },
  renderer: {
    layers: ['shared', 'renderer'],
    node: false,
    packages: ['react', 'react-dom', 'react-dom/', 'react/', '@mantine/', '@tanstack/react-query', 'i18next', 'react-i18next', 'dayjs', 'dayjs/'],
    deny: BROWSER_DENY,
  },
};

export function layerOf(relPath: string): Layer | undefined {
  const p = relPath.split(sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('db/')) return 'db';
  if (p.startsWith('electron/backend/') || p.startsWith('electron/http/') || /^electron\/cli(-[\w-]+)?\.ts$/.test(p)) return 'backend';
  if (p.startsWith('electron/main/') || p.startsWith('electron/preload/')) return 'host';
  if (p.startsWith('renderer/')) return 'renderer';
  return undefined;
}

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'util', 'events', 'readline', 'worker_threads', 'zlib', 'buffer', 'process', 'fs/promises']);

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

function packageAllowed(spec: string, rule: Rule): boolean {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  if (rule.deny.some((d) => name === d)) return false;
  return rule.packages.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || name === p));
}

export function checkFile(root: string, file: string, source: string): Violation[] {
  const rel = relative(root, file);
  const layer = layerOf(rel);
  if (!layer) return [];
  const rule = RULES[layer];
  const violations: Violation[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(dirname(file), spec));
      const targetLayer = layerOf(target.endsWith('.js') ? target.replace(/\.js$/, '.ts') : target) ?? layerOf(`${target}/`);
      if (target.startsWith('..')) violations.push({ file: rel, specifier: spec, reason: 'imports from outside the repository' });
      else if (!targetLayer || !rule.layers.includes(targetLayer)) {
        violations.push({ file: rel, specifier: spec, reason: `${layer} may not import ${targetLayer ?? target}` });
      }
    } else if (spec.startsWith('node:') || NODE_BUILTINS.has(spec)) {
      if (!rule.node) violations.push({ file: rel, specifier: spec, reason: `${layer} may not import Node built-ins` });
    } else if (!packageAllowed(spec, rule)) {
      violations.push({ file: rel, specifier: spec, reason: `${layer} may not import the package ${spec}` });
    }
  }
  return violations;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(p);
  }
}

export function checkLayering(root: string): Violation[] {
  const files: string[] = [];
  for (const top of ['shared', 'db', 'electron', 'renderer']) {
    try {
      walk(join(root, top), files);
    } catch {
      /* a folder that does not exist has nothing to break */
    }
  }
  return files.flatMap((f) => checkFile(root, f, readFileSync(f, 'utf8')));
}
