/**
 * The web host (DESIGN.md §2): the same API over HTTP, on 127.0.0.1 only, guarded by a token made
 * for this launch and a Host header check (against DNS rebinding). Serves the built renderer too.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { MAX_FILE_BYTES } from '../shared/limits';
import { fromWire, toWire, type Base64Codec } from '../shared/wire';
import type { ApiHost } from './app-context';

export const TOKEN_HEADER = 'x-doichieu-token';
/** A request carries at most one file, base64-encoded (4/3 of its size) plus a little JSON. */
const MAX_BODY_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design injects its CSS-in-JS as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

const nodeBase64: Base64Codec = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64')),
};

export interface WebHostOptions {
  readonly app: ApiHost;
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token?: string;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a Content-Type is JSON: exactly `application/json`, with parameters at most (not `application/jsonp`). */
export function isJsonType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Starts the web host on 127.0.0.1 and resolves once it listens. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererRoot = normalize(options.rendererDir + sep);
  let allowedHosts = new Set<string>();

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    // A malformed escape ("%E0%A4%A") is a bad request, not an internal error.
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    const relative = decoded.replace(/^\/+/, '') || 'index.html';
    const file = normalize(join(rendererRoot, relative));
    if (!file.startsWith(rendererRoot)) return send(res, 403, 'Forbidden');
    try {
      const body = await readFile(file);
      send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream');
    } catch {
      if (extname(relative) !== '') return send(res, 404, 'Not found');
      // Client-side routes fall back to the app shell.
      const index = await readFile(join(rendererRoot, 'index.html'));
      send(res, 200, index, MIME['.html']);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'Bad request');
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, 'Unauthorized');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Forbidden');
      if (!isJsonType(req.headers['content-type'])) return send(res, 415, 'Unsupported media type');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'Payload too large');
      let request: unknown;
      try {
        request = fromWire(body.toString('utf8'), nodeBase64);
      } catch {
        return send(res, 400, 'Bad request');
      }
      const response = await options.app.dispatch(url.pathname.slice('/api/'.length), request);
      return send(res, 200, toWire(response, nodeBase64), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.app.logger.error('web-host', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
