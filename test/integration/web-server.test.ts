import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { contentSecurityPolicy } from '../../main/security/csp';
import { createWebServer } from '../../main/web/server';
import type { Workspace } from '../../main/workspace';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const TOKEN = 'test-token-0123456789';
let running: { server: Server; ws: Workspace } | null = null;
afterEach(async () => {
  if (!running) return;
  await new Promise((resolve) => running?.server.close(resolve));
  running.ws.db.close();
  running = null;
});

async function start() {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SchemeDesk</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for browsers');
  const ws = await workspaceIn(dir);
  const server = createWebServer({
    api: createWorkspaceApi(ws),
    token: TOKEN,
    rendererDir,
    filesRoot: ws.dataFolder,
    signedIn: () => true,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running = { server, ws };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const bearer = { Authorization: `Bearer ${TOKEN}` };

/** A raw request, so the Host header can be anything (fetch will not let us forge it). */
function rawGet(base: string, path: string, host: string): Promise<number> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host, ...bearer } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the loopback web server', () => {
  it('answers 401 to any request without this launch’s token', async () => {
    const base = await start();
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/index.html`)).status).toBe(401);
    expect((await post(`${base}/api/call/workspace.info`, { args: {} })).status).toBe(401);
    expect(
      (await post(`${base}/api/call/workspace.info`, { args: {} }, { Authorization: 'Bearer wrong' })).status,
    ).toBe(401);
    expect((await fetch(`${base}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
  });

  it('serves the API to a request carrying the token', async () => {
    const base = await start();
    const response = await post(`${base}/api/call/workspace.info`, { args: {} }, bearer);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({
      ok: true,
      value: { currency: 'INR', locale: 'en-IN', user: 'tester', empty: true },
    });
    const invalid = await post(
      `${base}/api/call/data.rows`,
      { args: { kind: 'sales', startRow: 'x', endRow: 1 } },
      bearer,
    );
    expect(await invalid.json()).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/^startRow:/) },
    });
  });

  it('turns the launch link into an HttpOnly cookie that authorizes the page and its calls', async () => {
    const base = await start();
    const launch = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(launch.status).toBe(302);
    const cookie = launch.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('<title>SchemeDesk</title>');
  });

  it('refuses other hosts (DNS rebinding), other origins and files outside the renderer', async () => {
    const base = await start();
    const port = new URL(base).port;
    expect(await rawGet(base, '/', `evil.example:${port}`)).toBe(421);
    expect(await rawGet(base, '/', `127.0.0.1:${port}`)).toBe(200);
    const crossOrigin = await post(
      `${base}/api/call/workspace.info`,
      { args: {} },
      { ...bearer, Origin: 'http://evil.example' },
    );
    expect(crossOrigin.status).toBe(403);
    const traversal = await fetch(`${base}/..%2Fsecret.txt`, { headers: bearer });
    expect(await traversal.text()).not.toContain('not for browsers');
  });

  it('takes uploads into the workspace folder and serves downloads from nowhere else', async () => {
    const base = await start();
    const upload = await fetch(`${base}/api/upload?name=${encodeURIComponent('../../sales register.csv')}`, {
      method: 'POST',
      headers: bearer,
      body: 'Invoice No,Date\nX1,2026-10-01\n',
    });
    const staged = (await upload.json()) as { ok: true; value: { path: string; name: string } };
    expect(staged.value.path.startsWith(`${running?.ws.dataFolder}/uploads/`)).toBe(true);
    expect(staged.value.path).toMatch(/sales register\.csv$/);
    const back = await fetch(`${base}/api/download?path=${encodeURIComponent(staged.value.path)}`, { headers: bearer });
    expect(back.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await back.text()).toBe('Invoice No,Date\nX1,2026-10-01\n');
    const outside = await fetch(`${base}/api/download?path=${encodeURIComponent(running?.ws.dbPath ?? '')}`, {
      headers: bearer,
    });
    expect(outside.status).toBe(404);
    const crossSite = await fetch(`${base}/api/upload?name=x.csv`, {
      method: 'POST',
      headers: { ...bearer, Origin: 'http://evil.example' },
      body: 'x',
    });
    expect(crossSite.status).toBe(403);
  });

  it('answers malformed JSON with a validation error', async () => {
    const base = await start();
    const response = await fetch(`${base}/api/call/workspace.info`, { method: 'POST', headers: bearer, body: '{nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('streams progress events of a long call to the page', async () => {
    const base = await start();
    const events = await fetch(`${base}/api/events`, { headers: bearer });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body?.getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        received.push(decoder.decode(value));
      }
    })();
    const callId = crypto.randomUUID();
    const result = await post(`${base}/api/call/demo.create`, { args: {}, callId }, bearer);
    expect(await result.json()).toMatchObject({ ok: true, value: { tables: { distributors: 50, outlets: 5000 } } });
    await reader?.cancel();
    await reading.catch(() => undefined);
    const progress = received
      .join('')
      .split('\n\n')
      .filter((chunk) => chunk.startsWith('data: '))
      .map((chunk) => JSON.parse(chunk.slice(6)) as { callId: string; progress: { phase: string } });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((p) => p.callId === callId)).toBe(true);
    expect(progress.some((p) => p.progress.phase.startsWith('Loading secondary-sales.xlsx'))).toBe(true);
  });
});
