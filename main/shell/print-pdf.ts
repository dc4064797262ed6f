import { BrowserWindow, session } from 'electron';

/**
 * Prints a statement's HTML to PDF with Chromium's print-to-PDF, in one hidden window kept for
 * the whole export. The window has its own session that loads nothing but the data: URL it is
 * given, runs no script and is sandboxed like the main window.
 */
export function pdfPrinter(): (html: string) => Promise<Buffer> {
  const printing = session.fromPartition('print-statements');
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  let window: BrowserWindow | null = null;
  return async (html) => {
    if (!window || window.isDestroyed()) {
      window = new BrowserWindow({
        show: false,
        webPreferences: {
          session: printing,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
        },
      });
    }
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return window.webContents.printToPDF({
      pageSize: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
    });
  };
}
