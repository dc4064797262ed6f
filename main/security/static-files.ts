import { extname, join, normalize, sep } from 'node:path';

/**
 * Shared by the two ways the built renderer is served (Electron's app:// protocol and the
 * loopback web server): which file a URL path names, never one outside the folder, and its type.
 */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file)] ?? 'application/octet-stream';
}

/** The file under `root` that a URL path names (index.html for "/"), or null if it would escape. */
export function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const base = normalize(root);
  const relative = normalize(decoded).replace(/^([/\\])+/, '') || 'index.html';
  const file = join(base, relative);
  return file.startsWith(base + sep) ? file : null;
}
