import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app-context';
import { silentLogger } from '../../src/main/log/logger';
import { startWebHost, type WebHost } from '../../src/main/web-host';
import { fromWire, toWire, type Base64Codec } from '../../src/shared/wire';
import { PEOPLE, csvText, utf8Bom } from '../helpers/extract-files';
import { tempDir } from '../helpers/paths';

const codec: Base64Codec = {
  encode: (b) => Buffer.from(b).toString('base64'),
  decode: (t) => new Uint8Array(Buffer.from(t, 'base64')),
};

let host: WebHost;
let app: App;
let cleanup: () => void;

beforeEach(async () => {
  const temp = tempDir();
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(temp.dir, 'secret.txt'), 'secret');
  const created = createApp(join(temp.dir, 'db.sqlite'), '1.2.3', silentLogger);
  if (!created.ok) throw new Error(created.problem.key);
  app = created.value;
  host = await startWebHost({ app, rendererDir, port: 0 });
  cleanup = () => {
    app.close();
    temp.cleanup();
  };
});
afterEach(async () => {
  await host.close();
  cleanup();
});

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return raw(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': host.token, ...headers },
    body: toWire(body, codec),
  });
}

describe('web host', () => {
  it('prints a 127.0.0.1 URL carrying the launch token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=${host.token}$`));
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token', async () => {
    const response = await call('app-info', {});
    expect(response.status).toBe(200);
    expect(fromWire(response.body, codec)).toMatchObject({ ok: true, value: { version: '1.2.3', residentCount: 0 } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await call('app-info', {}, { 'X-Doichieu-Token': 'wrong' })).status).toBe(401);
    const none = await raw('/api/app-info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and foreign origins', async () => {
    expect((await call('app-info', {}, { Host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await call('app-info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('validates requests before any handler runs', async () => {
    const response = fromWire((await call('registry-find', { text: 42 })).body, codec);
    expect(response).toMatchObject({ ok: false, error: { type: 'user' } });
    const unknown = fromWire((await call('registry-drop-everything', {})).body, codec);
    expect(unknown).toMatchObject({ ok: false, error: { type: 'user' } });
  });

  it('carries file bytes to the import preview and back, once someone has signed in', async () => {
    const data = utf8Bom(csvText(PEOPLE));
    // Nobody signed in: main refuses, whatever the page would have shown.
    expect(fromWire((await call('registry-preview', { fileName: 'a.csv', data })).body, codec)).toMatchObject({
      ok: false,
      error: { type: 'auth' },
    });
    // The first run creates the administrator and signs them in.
    expect(
      fromWire(
        (await call('auth-setup', { username: 'quantri', displayName: 'Quản trị', password: 'mat-khau-dai' })).body,
        codec,
      ),
    ).toMatchObject({ ok: true, value: { needsSetup: false, user: { role: 'admin' } } });
    const response = fromWire((await call('registry-preview', { fileName: 'a.csv', data })).body, codec) as {
      ok: boolean;
      value: { dataRows: number; validRows: number; headerRow: number };
    };
    expect(response).toMatchObject({ ok: true, value: { dataRows: 3, validRows: 3, headerRow: 1 } });
  });

  it('serves the app with a strict CSP and nothing outside the renderer folder', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect((await raw('/../secret.txt')).body).not.toContain('secret');
    expect((await raw('/%2e%2e/secret.txt')).body).not.toContain('secret');
  });
});

describe('malformed requests (issue 19)', () => {
  it('answers a malformed % escape with 400, not an internal error', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
    expect((await raw('/assets/%')).status).toBe(400);
  });

  it('takes application/json only, not a type that merely begins with it', async () => {
    expect((await call('app-info', {}, { 'Content-Type': 'application/jsonp' })).status).toBe(415);
    expect((await call('app-info', {}, { 'Content-Type': 'application/json-patch+json' })).status).toBe(415);
    expect((await call('app-info', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});
