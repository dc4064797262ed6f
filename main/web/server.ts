import { timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Api } from '../api/dispatch';
import type { Progress } from '../api/progress';
import { contentSecurityPolicy } from '../security/csp';
import { contentTypeOf, fileInside } from '../security/static-files';

/**
 * Serves the built renderer and the API to a browser on 127.0.0.1. Every request must carry
 * this launch's token (header or the cookie set by the launch link); the Host header must name
 * the loopback address, so a web page elsewhere cannot reach us by DNS rebinding.
 */
export interface WebServerOptions {
  api: Api;
  token: string;
  rendererDir: string;
  /** The workspace's files folder: uploads land in it, downloads come only from it. */
  filesRoot: string;
  /** Whether a profile is signed in: uploads and downloads need one, as every API call does. */
  signedIn: () => boolean;
  /** The largest file a browser may upload, in bytes (default 200 MB). */
  maxUploadBytes?: number;
}

export const defaultMaxUploadBytes = 200 * 1024 * 1024;
const MAX_BODY = 1_000_000;
/** Call ids come from crypto.randomUUID in the page: random, so no one else can name a call to cancel it. */
const callIdPattern = /^[A-Za-z0-9-]{16,100}$/;

/** The session cookie's name carries the port, so two servers on one machine never share or overwrite one. */
const cookieName = (port: number) => `schemedesk_token_${port}`;

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const name = cookieName(port);
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim()) ?? [];
  return cookies.find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
}

const jsonError = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json');

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export function createWebServer(options: WebServerOptions): Server {
  const listeners = new Set<ServerResponse>();
  const broadcast = (callId: string, progress: Progress) => {
    const data = `data: ${JSON.stringify({ callId, progress })}\n\n`;
    for (const res of listeners) res.write(data);
  };

  const server = createServer(async (req, res) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Wrong host');
    const url = new URL(req.url ?? '/', `http://${host}`);

    const launchToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && launchToken !== null) {
      if (!sameSecret(launchToken, options.token)) return send(res, 401, 'This link has an old or wrong token.');
      res.writeHead(302, {
        'Set-Cookie': `${cookieName(port)}=${options.token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      return res.end();
    }
    if (!sameSecret(presentedToken(req, port), options.token)) {
      return send(
        res,
        401,
        'Unauthorized: open the address that `npm run web` printed; it carries this session’s token.',
      );
    }

    // Every request that changes something (calls, uploads) must come from our own page.
    const origin = req.headers.origin;
    if (req.method !== 'GET' && req.method !== 'HEAD' && origin && origin !== `http://${host}`) {
      return send(res, 403, 'Cross-origin requests are refused');
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname === '/api/upload' || url.pathname === '/api/download') {
      if (!options.signedIn()) return jsonError(res, 401, 'signed_out', 'Sign in first');
      if (url.pathname === '/api/download') {
        if (req.method !== 'GET') return send(res, 405, 'Use GET');
        return sendDownload(options.filesRoot, url.searchParams.get('path') ?? '', res);
      }
      if (req.method !== 'POST') return send(res, 405, 'Use POST');
      const limit = options.maxUploadBytes ?? defaultMaxUploadBytes;
      return receiveUpload(options.filesRoot, url.searchParams.get('name') ?? 'upload', limit, req, res);
    }
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST');
      let body: { args?: unknown; callId?: unknown };
      try {
        body = (await readJson(req)) as typeof body;
      } catch (error) {
        const message = `The request body is not valid JSON: ${(error as Error).message}`;
        return send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'validation', message } }),
          'application/json',
        );
      }
      const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      if (body.callId !== undefined && (typeof body.callId !== 'string' || !callIdPattern.test(body.callId))) {
        return jsonError(res, 400, 'validation', 'callId must be a random id (crypto.randomUUID)');
      }
      const callId = body.callId;
      const result = await options.api.callByName(method, body.args, {
        callId,
        onProgress: callId ? (p) => broadcast(callId, p) : undefined,
      });
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    return serveStatic(options.rendererDir, url.pathname, res);
  });
  server.on('close', () => {
    for (const res of listeners) res.end();
  });
  return server;
}

function serveStatic(root: string, pathname: string, res: ServerResponse) {
  let file = fileInside(root, pathname);
  if (!file) return send(res, 404, 'Not found');
  // Any other path is a screen of the single-page UI.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return send(res, 500, 'The renderer is not built: run `npm run build:renderer`.');
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}

class UploadTooLarge extends Error {}

/**
 * A file dropped on the page: the browser sends its bytes, the importer gets a path. A file over
 * the limit is refused as soon as it passes it, and what was written of it is removed.
 */
async function receiveUpload(root: string, name: string, limit: number, req: IncomingMessage, res: ServerResponse) {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = `The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the most this server takes (--max-upload-mb)`;
  if (declared > limit) {
    res.setHeader('Connection', 'close');
    return jsonError(res, 413, 'too_large', tooLarge);
  }
  const folder = join(root, 'uploads');
  mkdirSync(folder, { recursive: true });
  const safe =
    basename(name)
      .replace(/[^\w.\- ()]+/g, '_')
      .slice(-120) || 'upload';
  const path = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')} ${safe}`);
  let size = 0;
  try {
    await pipeline(
      req,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > limit) throw new UploadTooLarge(tooLarge);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    rmSync(path, { force: true });
    if (error instanceof UploadTooLarge) {
      res.setHeader('Connection', 'close');
      return jsonError(res, 413, 'too_large', error.message);
    }
    return jsonError(res, 500, 'internal', 'The upload did not arrive whole; nothing was kept');
  }
  return send(res, 200, JSON.stringify({ ok: true, value: { path, name: basename(name) } }), 'application/json');
}

/** A file SchemeDesk wrote (a rejected-rows workbook, an export), and nothing outside its folder. */
function sendDownload(root: string, path: string, res: ServerResponse) {
  const file = resolve(path);
  if (!file.startsWith(resolve(root) + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    return send(res, 404, 'Not found');
  }
  // A printable statement opens in the browser's own view, to print or save as PDF; it may
  // load nothing and run nothing. Everything else downloads.
  const page = extname(file).toLowerCase() === '.html';
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Disposition': `${page ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
    'Cache-Control': 'no-store',
    ...(page
      ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox allow-modals" }
      : {}),
  });
  createReadStream(file).pipe(res);
}
