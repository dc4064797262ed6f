import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createWorkspaceApi } from '../api/handlers';
import { keepSalesInBackground } from '../runs/calculator';
import { rendererDir } from '../runtime';
import { openWorkspaceSession, type Workspace } from '../workspace';
import { registerApiIpc } from './ipc';
import { menuTemplate } from './menu';
import { electronSqliteBinding } from './native';
import { pdfPrinter } from './print-pdf';
import { rendererProtocolHandler } from './protocol';
import { APP_ORIGIN, APP_SCHEME, hardenApp, hardenSession, secureWebPreferences } from './security';
import { loadWindowState, saveWindowState } from './window-state';

/** The Electron main process: one locked-down window over the workspace in the user-data folder. */
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let workspace: Workspace | null = null;

async function fatal(error: unknown) {
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'SchemeDesk cannot continue',
    message: 'SchemeDesk cannot continue',
    detail: error instanceof Error ? error.message : String(error),
    buttons: ['Copy details', 'Quit'],
    defaultId: 1,
  });
  if (response === 0) clipboard.writeText(details);
  app.exit(1);
}

function createWindow(statePath: string) {
  const state = loadWindowState(statePath);
  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'SchemeDesk',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(fileURLToPath(new URL('./preload.cjs', import.meta.url))),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () =>
    saveWindowState(statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start() {
  const userData = app.getPath('userData');
  workspace = await openWorkspaceSession(join(userData, 'workspace.sqlite'), {
    nativeBinding: electronSqliteBinding(process.resourcesPath),
    requireSignIn: true,
  });
  workspace.printPdf = pdfPrinter();
  // Lines imported by the CLI, or before lines were kept at all, are kept for the first run.
  keepSalesInBackground(workspace);
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, rendererProtocolHandler(rendererDir));
  registerApiIpc(ipcMain, createWorkspaceApi(workspace));
  const send = (command: string) => mainWindow?.webContents.send('menu', command);
  const about = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: 'About SchemeDesk',
      message: `SchemeDesk ${app.getVersion()}`,
      detail: `Exact, auditable scheme payouts. Works offline; nothing leaves this computer.\n\nWorkspace: ${workspace?.dbPath}`,
    });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ send, about, isMac: process.platform === 'darwin' })));
  mainWindow = createWindow(join(userData, 'window-state.json'));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenApp(app);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    workspace?.db.close();
    app.quit();
  });
  app.whenReady().then(start).catch(fatal);
}
