import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../security/csp';
import { contentTypeOf, fileInside } from '../security/static-files';
import { APP_HOST } from './security';

/**
 * Serves the built renderer for app://schemedesk/…, never a file outside its folder, with the
 * CSP on every response. (A custom protocol rather than file:// gives the UI a real origin that
 * the CSP and the IPC sender check can name.)
 */
export function rendererProtocolHandler(rendererDir: string) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const file = fileInside(rendererDir, url.pathname);
    if (url.host !== APP_HOST || !file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
