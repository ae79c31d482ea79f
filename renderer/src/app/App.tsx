import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { api, errorMessage, unwrap } from '../api/client';
import { forgetClientData, refetchVaultStatus, useVaultStatus } from '../api/vault';
import {
  ClientModeContext,
  clientModeMarker,
  ClientModeScreen,
  type ClientModeOutcome,
  type ClientModeRequest,
} from '../features/measures';
import { CreateVault } from '../features/vault/CreateVault';
import { NewPassphraseForm } from '../features/vault/NewPassphrase';
import { RecoveryKeyNotice } from '../features/vault/RecoveryKeyNotice';
import { Unlock } from '../features/vault/Unlock';
import { flushDrafts } from '../components/useDraft';
import { Layout } from './Layout';
import { LockContext } from './lock';
import { queryClient } from './queryClient';
import { featureRoutes } from './routes';
import { useAutoLock } from './useAutoLock';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <VaultGate />
    </QueryClientProvider>
  );
}

/** Decides what the clinician sees: create a vault, unlock it, or the app. */
function VaultGate() {
  // While unlocked, the status is looked at every few seconds (useVaultStatus): the main process
  // locks the vault on its own (idle computer, screen lock, suspend), and the window must then
  // forget what it held.
  const status = useVaultStatus();
  const wasUnlocked = useRef(false);
  // Client mode (issue 9): while on, only the questionnaire shows (the router is not mounted).
  // A window reloaded in client mode comes back to its hand-back screen (`held`).
  const [clientMode, setClientMode] = useState<ClientModeRequest | 'held' | null>(() =>
    clientModeMarker.isSet() ? 'held' : null,
  );
  const [clientModeOutcome, setClientModeOutcome] = useState<ClientModeOutcome | null>(null);
  const endClientMode = useCallback((returnTo: string | null) => {
    clientModeMarker.clear();
    setClientMode(null);
    if (returnTo !== null) window.location.hash = returnTo;
  }, []);
  const clientModeControl = useMemo(
    () => ({
      start: (request: Omit<ClientModeRequest, 'returnTo'>) => {
        clientModeMarker.set();
        setClientModeOutcome(null);
        setClientMode({ ...request, returnTo: window.location.hash || '#/' });
      },
      outcome: clientModeOutcome,
    }),
    [clientModeOutcome],
  );
  useEffect(() => {
    const unlocked = !!status.data?.unlocked;
    if (wasUnlocked.current && !unlocked) {
      forgetClientData(queryClient);
      window.location.hash = '#/';
    }
    wasUnlocked.current = unlocked;
  }, [status.data?.unlocked]);
  // Locked (by hand, auto-lock, or before the window was reloaded): client mode is over; the lock
  // screen needs the passphrase anyway. (State adjusted while rendering, as React advises.)
  if (status.data && !status.data.unlocked && clientMode !== null) {
    clientModeMarker.clear();
    setClientMode(null);
  }
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [resetWith, setResetWith] = useState<string | null>(null);

  const lock = useCallback(async () => {
    // What was typed in the last moment before locking is kept with the rest of the form's draft.
    await flushDrafts();
    await unwrap(api().vault.lock()).catch(() => undefined);
    setRecoveryKey(null);
    setResetWith(null);
    // Forget every piece of client data the renderer held, then show the unlock screen.
    forgetClientData(queryClient);
    window.location.hash = '#/';
    await refetchVaultStatus(queryClient);
  }, []);

  const router = useMemo(() => createHashRouter([{ path: '/', element: <Layout />, children: featureRoutes }]), []);

  if (status.isPending) return <p className="loading">Opening Stepwise…</p>;
  if (status.isError) {
    return (
      <main className="gate">
        <div className="card gate-card" role="alert">
          <h1>Stepwise could not start</h1>
          <p>{errorMessage(status.error)}</p>
        </div>
      </main>
    );
  }
  const refresh = () => void status.refetch();
  if (!status.data.exists && !recoveryKey)
    return (
      <CreateVault
        onCreated={(k) => {
          setRecoveryKey(k);
          refresh();
        }}
      />
    );
  if (recoveryKey)
    return (
      <RecoveryKeyNotice
        recoveryKey={recoveryKey}
        onDone={() => {
          setRecoveryKey(null);
          refresh();
        }}
      />
    );
  if (!status.data.unlocked) {
    return (
      <Unlock
        onUnlocked={(via, secret) => {
          if (via === 'recovery' && secret) setResetWith(secret);
          refresh();
        }}
      />
    );
  }
  if (resetWith) {
    return (
      <main className="gate">
        <section className="card gate-card" aria-labelledby="reset-title">
          <h1 id="reset-title">Choose a new passphrase</h1>
          <p className="lead">Your recovery key opened the vault. Choose a new passphrase to use from now on.</p>
          <NewPassphraseForm recoveryKey={resetWith} onDone={() => setResetWith(null)} />
        </section>
      </main>
    );
  }
  if (clientMode) {
    return (
      <ClientModeHost
        request={clientMode === 'held' ? null : clientMode}
        lock={lock}
        onReturn={(outcome) => {
          setClientModeOutcome(outcome);
          endClientMode(clientMode === 'held' ? null : clientMode.returnTo);
        }}
      />
    );
  }
  return (
    <LockContext.Provider value={lock}>
      <ClientModeContext.Provider value={clientModeControl}>
        <RouterProvider router={router} />
      </ClientModeContext.Provider>
    </LockContext.Provider>
  );
}

/** Client mode in place of the app; the clinician's auto-lock keeps running. */
function ClientModeHost({
  request,
  lock,
  onReturn,
}: {
  request: ClientModeRequest | null;
  lock: () => Promise<void>;
  onReturn: (outcome: ClientModeOutcome | null) => void;
}) {
  useAutoLock(lock);
  return <ClientModeScreen request={request} onReturn={onReturn} />;
}
