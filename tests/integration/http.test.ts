import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/index.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/http/security-headers.js';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../electron/http/server.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let cleanup: () => void;
let backend: Backend;
let server: RunningServer;
let renderer: string;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  renderer = join(t.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(renderer, 'assets', 'a.js'), 'export {}');
  writeFileSync(join(t.dir, 'secret.txt'), 'SECRET');
  backend = createBackend({ dataDir: join(t.dir, 'store'), version: 't', kdf: FAST_KDF, log: () => {} });
  server = await startServer({ backend, rendererDir: renderer });
});
afterEach(async () => {
  await server.close();
  backend.close();
  cleanup();
});

/** A raw request, so tests can send the headers a browser would not let a page forge. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const host = () => `127.0.0.1:${server.port}`;
const auth = () => ({ Host: host(), Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

describe('browser-mode server', () => {
  it('carries the token in the URL fragment, which browsers never send to the server', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers an API call with the token', async () => {
    const r = await raw('POST', '/api/invoke/app.status', auth(), '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { store: 'none' } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await raw('POST', '/api/invoke/app.status', { Host: host(), 'Content-Type': 'application/json' }, '{}')).status).toBe(401);
    const wrong = await raw('POST', '/api/invoke/app.status', { ...auth(), Authorization: `Bearer ${'x'.repeat(43)}` }, '{}');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await raw('GET', '/api/events', { Host: host() })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const r = await raw('POST', '/api/invoke/app.status', { ...auth(), Host: `evil.example:${server.port}` }, '{}');
    expect(r.status).toBe(421);
    expect((await raw('GET', '/', { Host: 'evil.example' })).status).toBe(421);
  });

  it('refuses a foreign Origin and cross-site fetches', async () => {
    expect((await raw('POST', '/api/invoke/app.status', { ...auth(), Origin: 'http://evil.example' }, '{}')).status).toBe(403);
    expect((await raw('POST', '/api/invoke/app.status', { ...auth(), Origin: `http://127.0.0.1:${server.port + 1}` }, '{}')).status).toBe(403);
    expect((await raw('POST', '/api/invoke/app.status', { ...auth(), 'Sec-Fetch-Site': 'cross-site' }, '{}')).status).toBe(403);
    expect((await raw('POST', '/api/invoke/app.status', { ...auth(), Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' }, '{}')).status).toBe(200);
  });

  it('refuses to listen anywhere but loopback', async () => {
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) {
      await expect(startServer({ backend, rendererDir: renderer, host: h })).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('serves the renderer with the CSP and nothing outside it', async () => {
    const index = await raw('GET', '/', { Host: host() });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await raw('GET', p, { Host: host() });
      expect(r.body, p).not.toContain('SECRET');
      expect([400, 404], p).toContain(r.status);
    }
  });

  it('refuses malformed and oversized bodies without touching the store', async () => {
    const bad = await raw('POST', '/api/invoke/app.status', auth(), '{not json');
    expect(bad.status).toBe(400);
    const big = await raw('POST', '/api/invoke/clients.create', auth(), Buffer.alloc(MAX_BODY_BYTES + 10, 'a')).catch(() => ({ status: 413 }));
    expect(big.status).toBe(413);
    const wrongType = await raw('POST', '/api/invoke/app.status', { ...auth(), 'Content-Type': 'text/plain' }, '{}');
    expect(wrongType.status).toBe(415);
    expect((await raw('GET', '/api/invoke/app.status', auth())).status).toBe(405);
  });

  it('pushes backend events to the event stream', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: host(), Authorization: `Bearer ${server.token}` } }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('event: clients.changed')) {
            req.destroy();
            resolve(buf);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    await raw('POST', '/api/invoke/store.create', auth(), JSON.stringify({ organisationName: 'O', adminDisplayName: 'A', adminUsername: 'aa', adminProfession: 'nurse', password: PASSWORD }));
    await raw('POST', '/api/invoke/clients.create', auth(), JSON.stringify({ name: 'Liisa', language: 'fi' }));
    expect(await received).toContain('event: clients.changed\ndata: {}');
  });
});
