/**
 * The Content Security Policy of every page SchemeDesk shows, in Electron and in the browser:
 * only our own scripts, no eval, no plugins, no framing, no requests to anywhere but ourselves.
 * Inline styles stay allowed because ag-grid writes its theme as <style> elements.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
].join('; ');
