import { useEffect } from 'react';
import { useSettings } from '../api/settings';

/** Locks after the clinician's chosen minutes without keyboard or mouse activity. */
export function useAutoLock(lock: () => Promise<void>) {
  const settings = useSettings();
  const minutes = settings.data?.autoLockMinutes ?? 0;
  useEffect(() => {
    if (!minutes) return;
    let timer = window.setTimeout(() => void lock(), minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), minutes * 60_000);
    };
    const events = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
    events.forEach((ev) => window.addEventListener(ev, reset, { passive: true }));
    return () => {
      window.clearTimeout(timer);
      events.forEach((ev) => window.removeEventListener(ev, reset));
    };
  }, [minutes, lock]);
}
