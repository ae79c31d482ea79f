/**
 * The Content-Security-Policy of every app page: own scripts and styles only, no eval, no inline
 * script, no remote origin, no plugins, no framing. The same text is in renderer/index.html's
 * meta tag (a test keeps the two equal) and is also sent as a header by the app protocol.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
