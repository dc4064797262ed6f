import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { methodNames } from '../api/methods';

/**
 * The only things the window gets: one named function per API method, and listeners for
 * progress and menu commands. ipcRenderer itself never crosses the bridge.
 */
const api = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (args: unknown, callId?: string) => ipcRenderer.invoke(`api:${method}`, args, callId),
  ]),
);

contextBridge.exposeInMainWorld('schemedesk', {
  api,
  onProgress(listener: (event: unknown) => void) {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on('api:progress', handler);
    return () => ipcRenderer.removeListener('api:progress', handler);
  },
  /** The path of a file the user dropped or picked, so the importer reads it in place. */
  pathForFile(file: File) {
    return webUtils.getPathForFile(file);
  },
  onMenu(listener: (command: string) => void) {
    const handler = (_event: unknown, command: string) => listener(command);
    ipcRenderer.on('menu', handler);
    return () => ipcRenderer.removeListener('menu', handler);
  },
});
