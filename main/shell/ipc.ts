import type { IpcMain } from 'electron';
import type { Api } from '../api/dispatch';
import { methodNames } from '../api/methods';
import type { ApiResult } from '../api/result';
import { isTrustedSender } from './security';

/**
 * One IPC channel per API method. Each checks that the call comes from our own UI before the
 * arguments are even looked at; the API validates them.
 */
export function registerApiIpc(ipcMain: IpcMain, api: Api): void {
  for (const method of methodNames) {
    ipcMain.handle(`api:${method}`, async (event, args: unknown, callId?: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call SchemeDesk.' } };
      }
      const id = typeof callId === 'string' ? callId : undefined;
      return api.callByName(method, args, {
        callId: id,
        onProgress: id ? (progress) => event.sender.send('api:progress', { callId: id, progress }) : undefined,
      });
    });
  }
}
