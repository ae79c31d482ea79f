/**
 * Answers kept for one unlocked vault session (issue 12): what a screen asks for again and again
 * (the caseload's flags on Today and the client list, the Progress tab of a client) is computed
 * once and reused until anything is written. Invalidation is exact by being total: every
 * `core.write()` (committed or rolled back) and every lock drops the whole cache of that vault,
 * so an answer is never older than the last write. Answers that depend on the day carry the day
 * in their key. Nothing here touches disk: it lives in the core's memory, with the vault.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

/** The cached answer for `key` in this vault session, computed by `make` when there is none. */
export function cached<T>(vault: object, key: string, make: () => T): T {
  let cache = caches.get(vault);
  if (!cache) caches.set(vault, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}

/** Drops every cached answer of the vault: after each write, and when it locks. */
export function clearSessionCache(vault: object | null | undefined): void {
  if (vault) caches.delete(vault);
}
