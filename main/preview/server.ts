// The web bridge's server: the built renderer and the same dispatcher as the Electron shell,
// over HTTP on 127.0.0.1 only. Every path starts with a random per-run token, and a request with
// a foreign Host or Origin is refused, so other local pages and DNS rebinding cannot reach it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../ipc.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import type { DeckhandService } from '../open-app.ts';
import { IMPORT_LIMITS } from '../contract.ts';
import { BYTES_CONTENT_TYPE, WireError, decodeWithBytes, encodeWithBytes } from './wire.ts';

export interface PreviewOptions {
  service: DeckhandService;
  /** The built renderer: index.html and its assets. */
  rendererDir: string;
  /** The built web bridge script, served as ./web-bridge.js. */
  bridgeFile: string;
  port?: number;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = 1_000_000;
/** A folder import's notes or an article's pasted text, as JSON: up to the folder limit's worth of text. */
const MAX_TEXT_BODY = Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4 + 64 * 1024;
/** A file to import or add, as bytes (wire.ts): the largest file a reader accepts and its few arguments. */
const MAX_FILE_BODY = IMPORT_LIMITS.maxFileBytes + 64 * 1024;
const CARRIES_A_FILE = new Set(['api/importFile', 'api/importFolder', 'api/addArticle']);

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(e as Error).message}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (!hosts.has(req.headers.host ?? '') || (origin !== undefined && !origins.has(origin))) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: foreign host or origin.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const [, first = '', ...rest] = url.pathname.split('/');
    if (!sameToken(first, token)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: this preview needs the address it printed, token included.');
    const route = rest.join('/');
    if (route.startsWith('api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      const type = req.headers['content-type'] ?? '';
      // JSON, or JSON with a file's bytes after it (wire.ts): never a file as base64 text.
      const withBytes = type === BYTES_CONTENT_TYPE;
      if (!withBytes && !type.startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'Send JSON.');
      const limit = !CARRIES_A_FILE.has(route) ? MAX_BODY : withBytes ? MAX_FILE_BODY : MAX_TEXT_BODY;
      const body = await readBody(req, limit);
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large.');
      let args: unknown;
      try {
        args = withBytes ? decodeWithBytes(body) : body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (e) {
        const message = e instanceof WireError ? e.message : 'The request body is not valid JSON.';
        return json(res, { ok: false, error: { code: 'bad-request', message } });
      }
      return json(res, await dispatch(options.service, decodeURIComponent(route.slice(4)), args));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET.');
    if (route === '' || route === 'index.html') {
      const html = await readFile(path.join(options.rendererDir, 'index.html'), 'utf8');
      // The bridge defines window.deckhand before the app's own script runs, as the preload does in Electron.
      return send(res, 200, TYPES['.html']!, html.replace('<script', '<script src="./web-bridge.js"></script>\n    <script'));
    }
    if (route.startsWith('media/')) {
      // The collection's media, as app://deckhand/media/<name> serves them in Electron.
      const media = await options.service.readMedia(route.slice('media/'.length));
      return media ? send(res, 200, media.mime, Buffer.from(media.bytes)) : send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    }
    if (route === 'web-bridge.js') return send(res, 200, TYPES['.js']!, await readFile(options.bridgeFile));
    const file = path.resolve(options.rendererDir, route);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    const type = TYPES[path.extname(file)];
    if (!type) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    try {
      return send(res, 200, type, await readFile(file));
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    }
  }

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or null when it is larger than `limit` (the rest is read and dropped, so the 413 reaches the page). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An answer as JSON, or with its bytes after the JSON when it carries a file (an export). */
function json(res: ServerResponse, value: unknown): void {
  const withBytes = encodeWithBytes(value);
  if (withBytes) send(res, 200, BYTES_CONTENT_TYPE, Buffer.from(withBytes.buffer, withBytes.byteOffset, withBytes.byteLength));
  else send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}
