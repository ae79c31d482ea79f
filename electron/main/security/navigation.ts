import { isAppUrl } from './origin';

/**
 * The app is a single page: it never navigates its window anywhere. A navigation to the app's own
 * entry (a reload) is allowed; everything else — links, drag-and-drop of files, redirects — is not.
 */
export function isNavigationAllowed(url: string, devOrigin?: string): boolean {
  if (!isAppUrl(url, devOrigin)) return false;
  const u = new URL(url);
  return u.pathname === '/' || u.pathname === '/index.html';
}

/** New windows are never opened (window.open, target=_blank). */
export const windowOpenHandler = () => ({ action: 'deny' as const });
