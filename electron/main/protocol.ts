/**
 * The app:// protocol that serves the built renderer. A privileged standard scheme gives the
 * renderer a real origin (`app://workbench`) for CSP 'self' and same-origin rules, which file://
 * cannot: every local file would share one origin.
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { APP_SCHEME } from './sender.js';
import { mimeTypeFor, resolveRendererPath } from './static-files.js';

/** Must run before the app is ready: Chromium reads scheme privileges at startup. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Serves files of `rendererDir` read-only; anything outside it, or not a file, is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const filePath = resolveRendererPath(rendererDir, request.url);
    if (filePath === null || !(await isFile(filePath))) return plain(404, 'Not found');

    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(filePath), 'Cache-Control': 'no-cache' };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = new Uint8Array(await readFile(filePath));
    return new Response(body, { status: 200, headers });
  });
}
