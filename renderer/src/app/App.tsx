import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { api, errorMessage, unwrap } from '../api/client';
import { forgetClientData, refetchVaultStatus, useVaultStatus } from '../api/vault';
import { CreateVault } from '../features/vault/CreateVault';
import { NewPassphraseForm } from '../features/vault/NewPassphrase';
import { RecoveryKeyNotice } from '../features/vault/RecoveryKeyNotice';
import { Unlock } from '../features/vault/Unlock';
import { Layout } from './Layout';
import { LockContext } from './lock';
import { queryClient } from './queryClient';
import { featureRoutes } from './routes';

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
  useEffect(() => {
    const unlocked = !!status.data?.unlocked;
    if (wasUnlocked.current && !unlocked) {
      forgetClientData(queryClient);
      window.location.hash = '#/';
    }
    wasUnlocked.current = unlocked;
  }, [status.data?.unlocked]);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [resetWith, setResetWith] = useState<string | null>(null);

  const lock = useCallback(async () => {
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
  return (
    <LockContext.Provider value={lock}>
      <RouterProvider router={router} />
    </LockContext.Provider>
  );
}
