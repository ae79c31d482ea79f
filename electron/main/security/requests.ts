import { APP_SCHEME } from './origin';

/**
 * Stepwise makes no network request at all. The only loads a window may make are the app's own
 * files, in-memory data/blob URLs and the developer tools; in development, the local dev server.
 */
export function isRequestAllowed(url: string, devOrigin?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:` || u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:')
    return true;
  if (devOrigin) {
    const d = new URL(devOrigin);
    const local = d.hostname === 'localhost' || d.hostname === '127.0.0.1';
    if (local && (u.protocol === 'http:' || u.protocol === 'ws:') && u.host === d.host) return true;
  }
  return false;
}
