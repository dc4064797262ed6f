/**
 * A stand-in for the `electron` module, which cannot run on our build machines: it records
 * what the shell asks of Electron so a test can check the security settings it applies.
 */
type Handler = (...args: never[]) => unknown;

export class FakeContents {
  readonly handlers = new Map<string, Handler>();
  windowOpenHandler: Handler | null = null;
  readonly sent: unknown[][] = [];
  on(event: string, handler: Handler) {
    this.handlers.set(event, handler);
    return this;
  }
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  readonly printed: unknown[] = [];
  printToPDF(options: unknown) {
    this.printed.push(options);
    return Promise.resolve(Buffer.from('%PDF-1.7 stand-in'));
  }
}

/** A session's security handlers as the shell set them. */
function fakeSession(handlers: Record<string, Handler>) {
  return {
    setPermissionRequestHandler: (h: Handler) => {
      handlers.permissionRequest = h;
    },
    setPermissionCheckHandler: (h: Handler) => {
      handlers.permissionCheck = h;
    },
    webRequest: {
      onBeforeRequest: (h: Handler) => {
        handlers.beforeRequest = h;
      },
    },
  };
}

export function createFakeElectron(userData: string) {
  const appHandlers = new Map<string, Handler>();
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, Handler>();
  const privileged: unknown[] = [];
  const sessionHandlers: Record<string, Handler> = {};
  const partitions = new Map<string, { handlers: Record<string, Handler>; session: ReturnType<typeof fakeSession> }>();
  const menus: unknown[] = [];
  let singleInstanceAsked = false;

  class FakeWindow {
    readonly options: Record<string, unknown>;
    readonly handlers = new Map<string, Handler>();
    readonly webContents = new FakeContents();
    loadedUrl: string | null = null;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    on(event: string, handler: Handler) {
      this.handlers.set(event, handler);
    }
    once(event: string, handler: Handler) {
      this.handlers.set(event, handler);
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1200, height: 800 };
    }
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    maximize() {}
    show() {}
    focus() {}
    restore() {}
  }

  const electron = {
    app: {
      requestSingleInstanceLock: () => {
        singleInstanceAsked = true;
        return true;
      },
      quit: () => undefined,
      exit: () => undefined,
      on: (event: string, handler: Handler) => appHandlers.set(event, handler),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => (name === 'userData' ? userData : `/nonexistent/${name}`),
      getVersion: () => '0.0.0-test',
    },
    BrowserWindow: FakeWindow,
    clipboard: { writeText: () => undefined },
    dialog: { showMessageBox: () => Promise.resolve({ response: 1 }) },
    ipcMain: { handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
      handle: (scheme: string, handler: Handler) => protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: fakeSession(sessionHandlers),
      fromPartition: (name: string) => {
        let partition = partitions.get(name);
        if (!partition) {
          const handlers: Record<string, Handler> = {};
          partition = { handlers, session: fakeSession(handlers) };
          partitions.set(name, partition);
        }
        return partition.session;
      },
    },
  };

  return {
    electron,
    recorded: {
      appHandlers,
      windows,
      ipcHandlers,
      protocolHandlers,
      privileged,
      sessionHandlers,
      partitions,
      menus,
      singleInstanceAsked: () => singleInstanceAsked,
    },
  };
}
