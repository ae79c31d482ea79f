import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/**
 * Whether a vault exists and is unlocked: refetched after creating, unlocking or locking, and
 * every few seconds while unlocked (the main process may lock the vault on its own).
 */
export function useVaultStatus() {
  return useQuery({
    queryKey: queryKeys.vault.status(),
    queryFn: () => unwrap(api().vault.status()),
    staleTime: Infinity,
    refetchInterval: (q) => (q.state.data?.unlocked ? 5_000 : false),
  });
}

export function useVaultInfo() {
  return useQuery({ queryKey: queryKeys.vault.info(), queryFn: () => unwrap(api().vault.info()) });
}

/** After locking: forget every piece of client data the renderer held (all but the vault's status). */
export function forgetClientData(qc: QueryClient): void {
  const status = queryKeys.vault.status();
  const isStatus = (k: readonly unknown[]) => k.length === status.length && k.every((v, i) => v === status[i]);
  qc.removeQueries({ predicate: (q) => !isStatus(q.queryKey) });
  qc.getMutationCache().clear();
}

export async function refetchVaultStatus(qc: QueryClient): Promise<void> {
  await qc.refetchQueries({ queryKey: queryKeys.vault.status(), exact: true });
}
