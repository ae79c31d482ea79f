import { createContext, useContext } from 'react';

/** Locks the vault and forgets every piece of client data held in memory by the renderer. */
export const LockContext = createContext<() => Promise<void>>(async () => {});
export const useLock = () => useContext(LockContext);
