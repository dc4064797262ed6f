import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../main/api/methods';
import { contentSecurityPolicy } from '../../main/security/csp';
import { rendererProtocolHandler } from '../../main/shell/protocol';
import { loadWindowState } from '../../main/shell/window-state';
import { createFakeElectron, FakeContents } from '../support/fake-electron';

/** The real Electron entry (main/shell/main.ts), started against a stand-in `electron`. */
const holder = vi.hoisted(() => ({ fake: null as unknown }));
vi.mock('electron', () => holder.fake as object);

const userData = mkdtempSync(join(tmpdir(), 'schemedesk-shell-'));
const fake = createFakeElectron(userData);
const { recorded } = fake;

beforeAll(async () => {
  holder.fake = fake.electron;
  await import('../../main/shell/main');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 });
});
afterAll(() => {
  recorded.appHandlers.get('window-all-closed')?.();
  rmSync(userData, { recursive: true, force: true });
});

const window = () => {
  const w = recorded.windows[0];
  if (!w) throw new Error('no window');
  return w;
};
const ipc = (channel: string) => {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler ${channel}`);
  return handler as (event: unknown, ...args: unknown[]) => Promise<unknown>;
};

describe('the Electron shell', () => {
  it('takes the single-instance lock and opens the workspace in the user-data folder', () => {
    expect(recorded.singleInstanceAsked()).toBe(true);
    expect(existsSync(join(userData, 'workspace.sqlite'))).toBe(true);
  });

  it('opens a window isolated from Node, sandboxed, with no webviews, loading the UI from app://', () => {
    const prefs = window().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(window().loadedUrl).toBe('app://schemedesk/index.html');
    expect(recorded.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });

  it('denies navigation, redirects, new windows and webviews in every web contents', () => {
    const contents = new FakeContents();
    recorded.appHandlers.get('web-contents-created')?.({} as never, contents as never);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.handlers.get(event)?.({ preventDefault } as never, 'https://example.com' as never);
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission and every request that leaves the app', () => {
    const { permissionRequest, permissionCheck, beforeRequest } = recorded.sessionHandlers;
    const granted = vi.fn();
    permissionRequest?.({} as never, 'media' as never, granted as never);
    expect(granted).toHaveBeenCalledWith(false);
    expect(permissionCheck?.()).toBe(false);
    const decide = (url: string) => {
      const callback = vi.fn();
      beforeRequest?.({ url } as never, callback as never);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('https://example.com/telemetry')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('app://schemedesk/assets/index.js')).toEqual({ cancel: false });
  });

  it('registers one IPC handler per API method, answering only our own UI', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(methodNames.map((m) => `api:${m}`).sort());
    const sender = new FakeContents();
    const fromApp = await ipc('api:workspace.info')(
      { senderFrame: { url: 'app://schemedesk/index.html' }, sender },
      {},
    );
    expect(fromApp).toMatchObject({ ok: true, value: { dbPath: join(userData, 'workspace.sqlite') } });
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'app://other/index.html' }, null]) {
      const refused = await ipc('api:workspace.info')({ senderFrame, sender }, {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Before anyone signs in, a call is refused before its arguments are even read.
    const signedOut = await ipc('api:data.rows')({ senderFrame: { url: 'app://schemedesk/' }, sender }, { kind: 'x' });
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    const signIn = await ipc('api:session.signIn')(
      { senderFrame: { url: 'app://schemedesk/' }, sender },
      { name: 'x' },
    );
    expect(signIn).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('prints statements to PDF in a hidden window that runs no script and loads nothing but the page it is given', async () => {
    const { pdfPrinter } = await import('../../main/shell/print-pdf');
    const print = pdfPrinter();
    const printing = recorded.partitions.get('print-statements');
    if (!printing) throw new Error('no print session');
    const decide = (url: string) => {
      const callback = vi.fn();
      printing.handlers.beforeRequest?.({ url } as never, callback as never);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('data:text/html;charset=utf-8,%3Cp%3E')).toEqual({ cancel: false });
    expect(decide('https://example.com/font.woff')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    const granted = vi.fn();
    printing.handlers.permissionRequest?.({} as never, 'media' as never, granted as never);
    expect(granted).toHaveBeenCalledWith(false);

    const pdf = await print('<p>Statement & total</p>');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const printer = recorded.windows.at(-1);
    expect(printer?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(printer?.loadedUrl).toBe(`data:text/html;charset=utf-8,${encodeURIComponent('<p>Statement & total</p>')}`);
    expect(printer?.webContents.printed).toEqual([
      { pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true },
    ]);
    await print('<p>second</p>');
    expect(recorded.windows.at(-1)).toBe(printer);
  });

  it('remembers the window’s size and place', () => {
    window().handlers.get('close')?.();
    expect(loadWindowState(join(userData, 'window-state.json'))).toEqual({
      x: 40,
      y: 30,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('has File (Import…, Export…, Quit), Edit, View and Help → About menus', () => {
    const menu = recorded.menus[0] as {
      label?: string;
      role?: string;
      submenu?: { label?: string; role?: string }[];
    }[];
    const file = menu.find((m) => m.label === 'File');
    expect(file?.submenu?.map((i) => i.label ?? i.role)).toEqual(['Import…', 'Export…', undefined, 'quit']);
    expect(menu.some((m) => m.role === 'editMenu')).toBe(true);
    expect(menu.some((m) => m.label === 'View')).toBe(true);
    expect(menu.find((m) => m.label === 'Help')?.submenu?.[0]?.label).toBe('About SchemeDesk');
  });
});

describe('the app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schemedesk-protocol-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>UI</title>');
  writeFileSync(join(dir, 'workspace.sqlite'), 'private');
  const serve = rendererProtocolHandler(renderer);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the renderer with the strict CSP', async () => {
    const response = await serve(new Request('app://schemedesk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('never serves a file outside the renderer folder, nor another host', async () => {
    expect((await serve(new Request('app://schemedesk/..%2Fworkspace.sqlite'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://schemedesk/missing.js'))).status).toBe(404);
  });
});
