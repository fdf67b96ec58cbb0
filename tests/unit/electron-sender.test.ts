// Only the pure helpers of electron/main are imported: importing 'electron' would try to download it.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgv } from '../../electron/main/args.js';
import { APP_INDEX_URL, isAppIndexUrl, isTrustedSenderUrl } from '../../electron/main/sender.js';
import { mimeTypeFor, resolveRendererPath } from '../../electron/main/static-files.js';

describe('isTrustedSenderUrl', () => {
  it.each([
    'app://workbench/',
    'app://workbench/index.html',
    'app://workbench/index.html#/cases/1',
    'app://workbench/index.html?lang=fi',
  ])('accepts %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
  });

  it.each([
    '',
    'app://workbench',
    'app://evil/',
    'app://workbench.evil/',
    'app://workbench.evil/index.html',
    'app://workbench@evil/',
    'app://evil@workbench/',
    'app://user:pw@workbench/',
    'app://workbench:8080/',
    'APP://WORKBENCH/',
    'app:workbench/',
    'app:///workbench/',
    'http://workbench/',
    'https://workbench/index.html',
    'http://127.0.0.1:5173/',
    'file:///index.html',
    'file://workbench/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,app://workbench/',
    'blob:app://workbench/1234',
    'javascript:alert(1)//app://workbench/',
    ' app://workbench/',
    'not a url',
  ])('rejects %j', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isTrustedSenderUrl(undefined as unknown as string)).toBe(false);
    expect(isTrustedSenderUrl(null as unknown as string)).toBe(false);
  });
});

describe('isAppIndexUrl', () => {
  it('accepts only the app index', () => {
    expect(isAppIndexUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppIndexUrl('app://workbench/')).toBe(true);
    expect(isAppIndexUrl('app://workbench/index.html#/plans')).toBe(true);
    expect(isAppIndexUrl('app://workbench/assets/index.js')).toBe(false);
    expect(isAppIndexUrl('app://workbench.evil/index.html')).toBe(false);
    expect(isAppIndexUrl('https://example.org/index.html')).toBe(false);
  });
});

describe('resolveRendererPath', () => {
  const root = resolve('/srv/renderer');

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveRendererPath(root, 'app://workbench/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://workbench/')).toBe(join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://workbench/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererPath(root, 'app://workbench/fonts/D%C3%A9jaVu.ttf')).toBe(join(root, 'fonts', 'DéjaVu.ttf'));
  });

  // The URL parser folds plain and %2e-encoded dot segments, clamping them at the root.
  it.each([
    'app://workbench/../secret.txt',
    'app://workbench/%2e%2e/secret.txt',
    'app://workbench/assets/%2e%2e/%2e%2e/secret.txt',
  ])('keeps %s inside the renderer folder', (url) => {
    expect(resolveRendererPath(root, url)).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://workbench/..%2fsecret.txt',
    'app://workbench/..%5csecret.txt',
    'app://workbench/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://workbench/a%00.html',
    'app://workbench/%E0%A4%A',
    'app://evil/index.html',
    'app://workbench.evil/index.html',
    'app://x@workbench/index.html',
    'http://workbench/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(root, url)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build produces and falls back to octet-stream', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('dataDirFromArgv', () => {
  it('reads --data DIR and --data=DIR, resolved against the working directory', () => {
    expect(dataDirFromArgv(['electron', 'main.js', '--data', 'store'], '/home/u')).toBe(resolve('/home/u', 'store'));
    expect(dataDirFromArgv(['electron', 'main.js', '--data=/tmp/s'], '/home/u')).toBe(resolve('/tmp/s'));
    expect(dataDirFromArgv(['electron', 'main.js'], '/home/u')).toBeUndefined();
    expect(dataDirFromArgv(['electron', '--data'], '/home/u')).toBeUndefined();
    expect(dataDirFromArgv(['electron', '--data', '--inspect'], '/home/u')).toBeUndefined();
  });
});
