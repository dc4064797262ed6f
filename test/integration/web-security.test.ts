import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { createWebServer } from '../../main/web/server';
import { openWorkspaceSession, type Workspace } from '../../main/workspace';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

/**
 * The loopback server as `npm run web` starts it (sign-in required, paths confined), attacked
 * as a page on another tab or a script on the machine without a profile would.
 */
const tempDir = tempDirPerTest();
const TOKEN = 'web-security-token-0123456789';
const servers: { server: Server; ws: Workspace }[] = [];
afterEach(async () => {
  for (const { server, ws } of servers.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
    ws.db.close();
  }
});

async function start(options: { maxUploadBytes?: number } = {}) {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SchemeDesk</title>');
  const demo = await workspaceIn(dir, { demo: true });
  demo.db.close();
  const ws = await openWorkspaceSession(demo.dbPath, { requireSignIn: true, confinePaths: true });
  const server = createWebServer({
    api: createWorkspaceApi(ws),
    token: TOKEN,
    rendererDir,
    filesRoot: ws.dataFolder,
    signedIn: () => ws.role !== null,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ server, ws });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const call = async (method: string, args: unknown = {}, callId?: string) =>
    (await (
      await fetch(`${base}/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify({ args, callId }) })
    ).json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  return { base, ws, dir, call, headers };
}

describe('sign-in that cannot be walked around', () => {
  it('counts wrong PINs per user: signing in as oneself between guesses resets nothing, and the pause grows', async () => {
    const { call, ws } = await start();
    // The alternating-guess attack: priya guesses arjun's PIN, signing in as herself in between.
    const guesses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const guess = await call('session.signIn', { name: 'arjun', pin: `00${10 + i}` });
      guesses.push(guess.error?.message ?? 'signed in');
      expect((await call('session.signIn', { name: 'priya', pin: '1111' })).ok).toBe(true);
    }
    expect(guesses.slice(0, 3)).toEqual(Array(3).fill('That user name and PIN do not match'));
    expect(guesses[3]).toMatch(/After 4 wrong PINs sign-in for arjun is paused for 30 s/);
    expect(guesses[4]).toMatch(/^Sign-in for arjun is paused after 4 wrong PINs; try again in \d+ s$/);
    // Even the right PIN waits out the pause; priya's own sign-in was never locked.
    expect((await call('session.signIn', { name: 'arjun', pin: '2222' })).error?.message).toMatch(/is paused/);
    expect((await call('session.signIn', { name: 'priya', pin: '1111' })).ok).toBe(true);
    // The pause grows: 30 s after the 4th wrong PIN, 1 min after the 5th, 5 min after the 6th.
    const row = () =>
      ws.db
        .prepare(
          "SELECT failures, paused_until FROM sign_in_failures f JOIN users u ON u.id = f.user_id WHERE u.name = 'arjun'",
        )
        .get() as { failures: number; paused_until: string };
    ws.db.prepare("UPDATE sign_in_failures SET paused_until = '2000-01-01T00:00:00Z'").run();
    const fifth = await call('session.signIn', { name: 'arjun', pin: '0099' });
    expect(fifth.error?.message).toMatch(/After 5 wrong PINs sign-in for arjun is paused for 60 s/);
    ws.db.prepare("UPDATE sign_in_failures SET paused_until = '2000-01-01T00:00:00Z'").run();
    await call('session.signIn', { name: 'arjun', pin: '0098' });
    expect(row().failures).toBe(6);
    expect(Date.parse(row().paused_until) - Date.now()).toBeGreaterThan(290_000);
    // The right PIN after the pause signs in and clears the count.
    ws.db.prepare("UPDATE sign_in_failures SET paused_until = '2000-01-01T00:00:00Z'").run();
    expect((await call('session.signIn', { name: 'arjun', pin: '2222' })).ok).toBe(true);
    expect(row()).toBeUndefined();
    const trail = ws.db
      .prepare(
        "SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'session.%' GROUP BY action ORDER BY action",
      )
      .all();
    expect(trail).toEqual([
      { action: 'session.failed', n: 6 },
      { action: 'session.locked', n: 3 },
      { action: 'session.signIn', n: 8 },
    ]);
  });

  it('takes a passphrase as a PIN, and answers an unknown name exactly as a wrong PIN', async () => {
    const { call } = await start();
    expect((await call('session.signIn', { name: 'admin', pin: '0000' })).ok).toBe(true);
    const phrase = 'correct horse battery staple';
    expect((await call('users.update', { name: 'priya', pin: phrase })).ok).toBe(true);
    expect((await call('session.signIn', { name: 'priya', pin: phrase })).ok).toBe(true);
    // The answer does not tell whether the name exists (and both cost one scrypt hash: users/profiles.ts).
    const unknown = await call('session.signIn', { name: 'nobody-at-all', pin: 'wrong pin' });
    const wrong = await call('session.signIn', { name: 'arjun', pin: 'wrong pin' });
    expect(unknown.error).toEqual(wrong.error);
    expect(unknown.error?.message).toBe('That user name and PIN do not match');
  });
});

describe('the loopback server gives nothing to a page that is not signed in', () => {
  it('refuses uploads, downloads and cancels before sign-in', async () => {
    const { base, headers, call } = await start();
    const upload = await fetch(`${base}/api/upload?name=x.csv`, { method: 'POST', headers, body: 'a,b\n1,2\n' });
    expect(upload.status).toBe(401);
    const download = await fetch(`${base}/api/download?path=x`, { headers });
    expect(download.status).toBe(401);
    expect(await call('calls.cancel', { callId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
  });

  it('refuses an upload over the limit and keeps nothing of it', async () => {
    const { base, headers, call, ws } = await start({ maxUploadBytes: 1024 });
    await call('session.signIn', { name: 'priya', pin: '1111' });
    const big = await fetch(`${base}/api/upload?name=big.csv`, { method: 'POST', headers, body: 'x'.repeat(4096) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'too_large' } });
    const small = await fetch(`${base}/api/upload?name=small.csv`, { method: 'POST', headers, body: 'a,b\n' });
    expect(small.status).toBe(200);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(ws.dataFolder, 'uploads')).filter((f) => f.includes('big'))).toEqual([]);
  });

  it('ties the session cookie to its own server, and wants random call ids', async () => {
    const one = await start();
    const two = await start();
    const cookieOf = async (base: string) =>
      (await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' })).headers.get('set-cookie') ?? '';
    const cookie = await cookieOf(one.base);
    expect(cookie).toMatch(new RegExp(`^schemedesk_token_${new URL(one.base).port}=`));
    expect((await cookieOf(two.base)).split('=')[0]).not.toBe(cookie.split('=')[0]);
    const guessable = await fetch(`${one.base}/api/call/workspace.info`, {
      method: 'POST',
      headers: one.headers,
      body: JSON.stringify({ args: {}, callId: 'run-1' }),
    });
    expect(guessable.status).toBe(400);
  });

  it("confines the browser's file paths to the workspace's files folder", async () => {
    const { call, dir, ws } = await start();
    await call('session.signIn', { name: 'priya', pin: '1111' });
    const outside = join(dir, 'elsewhere.csv');
    writeFileSync(outside, 'Code,Name\nD1,One\n');
    expect(await call('import.inspect', { path: outside, kind: 'distributors' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/inside the workspace's files folder/) },
    });
    expect(await call('import.inspect', { path: '/etc/passwd', kind: 'distributors' })).toMatchObject({
      error: { code: 'forbidden' },
    });
    mkdirSync(join(ws.dataFolder, 'uploads'), { recursive: true });
    const inside = join(ws.dataFolder, 'uploads', 'distributors.csv');
    writeFileSync(inside, 'Code,Name\nD1,One\n');
    expect((await call('import.inspect', { path: inside, kind: 'distributors' })).ok).toBe(true);
    expect(
      await call('exports.run', { run: 1, format: 'csv', profile: 'Default', draft: true, out: join(dir, 'out') }),
    ).toMatchObject({ error: { code: 'forbidden' } });
  });
});
