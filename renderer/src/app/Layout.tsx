import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { UnsavedChangesProvider } from '../components/UnsavedChanges';
import { useLock } from './lock';
import { QuickSearch } from './QuickSearch';
import { useAutoLock } from './useAutoLock';
import './Layout.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const LOCK_SHORTCUT = isMac ? '⌘L' : 'Ctrl+L';

export function Layout() {
  const lock = useLock();
  useAutoLock(lock);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-label="Stepwise">
          Stepwise
        </span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Today
          </NavLink>
          <NavLink to="/clients">Clients</NavLink>
          <NavLink to="/library">Library</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <QuickSearch />
        <button type="button" className="lock-button" onClick={() => void lock()} title={`Lock Stepwise (${LOCK_SHORTCUT})`}>
          Lock <kbd>{LOCK_SHORTCUT}</kbd>
        </button>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <UnsavedChangesProvider>
          <Outlet />
        </UnsavedChangesProvider>
      </main>
    </div>
  );
}
