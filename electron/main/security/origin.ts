/** The app is served from its own scheme, never from http or file URLs. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stepwise';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Is this URL (a sender frame's, a navigation target's) the app itself? In development the
 * renderer comes from electron-vite's dev server on localhost: pass its origin to allow it.
 */
export function isAppUrl(url: string | undefined | null, devOrigin?: string): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password) return true;
  if (devOrigin) {
    try {
      const d = new URL(devOrigin);
      return (d.hostname === 'localhost' || d.hostname === '127.0.0.1') && u.protocol === d.protocol && u.host === d.host;
    } catch {
      return false;
    }
  }
  return false;
}
