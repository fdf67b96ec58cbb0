/**
 * Browser mode: the same backend behind a loopback HTTP server, for machines without the Electron
 * binary and for end-to-end tests. Defences: bound to loopback only; a random per-launch token that
 * every API call presents (the URL fragment carries it once, so it never reaches a log); Host
 * checked against DNS rebinding; Origin and Sec-Fetch-Site checked against other sites' pages.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Backend } from '../backend/index.js';
import { AppError, type AppErrorShape } from '../../shared/api/errors.js';
import { SECURITY_HEADERS } from './security-headers.js';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface ServerOptions {
  backend: Backend;
  rendererDir: string;
  host?: string;
  port?: number;
}

export interface RunningServer {
  /** The address to open once: it carries the token in its fragment. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function assertLoopback(host: string): void {
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new AppError('forbidden', `Browser mode listens on this computer only (127.0.0.1, ::1 or localhost), not on ${host}.`);
  }
}

function send(res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, error: AppErrorShape): void {
  send(res, status, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('invalid_input', 'The request is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const rendererDir = resolve(options.rendererDir);
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const unsubscribe = options.backend.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, { code: 'invalid_input', message: 'Method not allowed' });
    let rel: string;
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return sendError(res, 400, { code: 'invalid_input', message: 'Bad path' });
    }
    const file = resolve(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return sendError(res, 404, { code: 'not_found', message: 'Not found' });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, { code: 'invalid_input', message: 'Use POST' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, { code: 'invalid_input', message: 'Send JSON' });
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (err) {
      const tooLarge = err instanceof AppError;
      return sendError(res, tooLarge ? 413 : 400, { code: 'invalid_input', message: tooLarge ? err.message : 'The request is not valid JSON.' });
    }
    const result = await options.backend.invoke(channel, input);
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
  }

  function handleEvents(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    res.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
    });
  }

  const server = createServer((req, res) => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host.
    if (!allowedHosts.has(req.headers.host ?? '')) return sendError(res, 421, { code: 'forbidden', message: 'Unknown host' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return sendError(res, 403, { code: 'forbidden', message: 'Foreign origin' });
    const site = req.headers['sec-fetch-site'];
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname.startsWith('/api/')) {
      if (site !== undefined && site !== 'same-origin') return sendError(res, 403, { code: 'forbidden', message: 'Cross-site request' });
      if (!authorised(req)) return sendError(res, 401, { code: 'unauthorized', message: 'Missing or wrong token' });
      if (url.pathname === '/api/events') return handleEvents(res);
      const m = /^\/api\/invoke\/([a-zA-Z]+\.[a-zA-Z]+)$/.exec(url.pathname);
      if (!m) return sendError(res, 404, { code: 'not_found', message: 'No such API' });
      handleInvoke(req, res, m[1]!).catch(() => {
        if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Unexpected error' });
      });
      return;
    }
    serveStatic(req, res, url.pathname);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const hostForUrl = host === '::1' ? '[::1]' : host;
  const origin = `http://${hostForUrl}:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
