/**
 * After repeated wrong passphrases, each further failure is answered more slowly: the first
 * three failures answer at once, then 1 s, 2 s, 4 s … up to 30 s. A success resets the count.
 * It only slows guessing; it never locks the clinician out and never touches the vault.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 30_000;

export function failureDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS - 1));
}

export class AttemptCounter {
  private failures = new Map<string, number>();
  fail(key: string): number {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    return n;
  }
  succeed(key: string): void {
    this.failures.delete(key);
  }
  count(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
