import { existsSync, readFileSync } from 'node:fs';
import { attemptsPath, removeFile, writeFileAtomic } from './files';

/**
 * After repeated wrong passphrases, each further failure is answered more slowly: the first
 * three failures answer at once, then 1 s, 2 s, 4 s … up to 30 s. A success resets the count.
 * It only slows guessing; it never locks the clinician out and never touches the vault.
 *
 * The count and the time of the last failure are kept beside the vault, in `stepwise.attempts`
 * (written atomically; no secret in it), so that restarting Stepwise or using the command line
 * does not skip the wait: the next attempt first waits out whatever is left of the delay the
 * last failure earned. Within one process, the vault service runs one attempt at a time, so
 * parallel guesses queue behind each other's delays; another process is kept out by the vault
 * lock. Someone who can write the folder can delete the file, but could as well copy the vault
 * and guess offline against scrypt: the delay is for guessing through Stepwise.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 30_000;
/** A failure count above this is treated as this (the delay is capped long before). */
const MAX_COUNT = 1_000_000;

export function failureDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(failures - FREE_ATTEMPTS - 1, 30));
}

interface FailureRecord {
  failures: number;
  /** Milliseconds since the epoch. */
  lastFailureAt: number;
}

function read(dir: string): FailureRecord | null {
  const file = attemptsPath(dir);
  if (!existsSync(file)) return null;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { failures?: unknown; lastFailureAt?: unknown };
    const failures = typeof raw.failures === 'number' && Number.isSafeInteger(raw.failures) ? raw.failures : NaN;
    const at = typeof raw.lastFailureAt === 'string' ? Date.parse(raw.lastFailureAt) : NaN;
    if (!(failures >= 0) || Number.isNaN(at)) return null;
    return { failures: Math.min(failures, MAX_COUNT), lastFailureAt: at };
  } catch {
    // Unreadable: counted as no failures (see the note above on what the file protects).
    return null;
  }
}

/**
 * Wrong-passphrase failures per vault folder (the key), persisted in the folder. The in-memory
 * copy keeps counting when the folder cannot be written (a read-only disk).
 */
export class AttemptCounter {
  private memory = new Map<string, FailureRecord>();
  /** The failure count whose delay this process has already waited after recording it. */
  private served = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  private current(dir: string): FailureRecord {
    const onDisk = read(dir);
    const inMemory = this.memory.get(dir);
    if (onDisk && inMemory) return onDisk.failures >= inMemory.failures ? onDisk : inMemory;
    return onDisk ?? inMemory ?? { failures: 0, lastFailureAt: 0 };
  }

  /** Records a failure; the caller then waits failureDelayMs(n). */
  fail(dir: string): number {
    const n = Math.min(this.current(dir).failures + 1, MAX_COUNT);
    const rec = { failures: n, lastFailureAt: this.clock() };
    this.memory.set(dir, rec);
    this.served.set(dir, n);
    try {
      writeFileAtomic(
        attemptsPath(dir),
        `${JSON.stringify({ failures: n, lastFailureAt: new Date(rec.lastFailureAt).toISOString() })}\n`,
      );
    } catch {
      // A read-only folder: the count lives on in memory for this process.
    }
    return n;
  }

  succeed(dir: string): void {
    this.memory.delete(dir);
    this.served.delete(dir);
    removeFile(attemptsPath(dir));
  }

  count(dir: string): number {
    return this.current(dir).failures;
  }

  /**
   * How long the next attempt must still wait for the last failure's delay: zero when this
   * process recorded that failure (it waited then), or when the delay has passed. After a restart,
   * or a failure recorded by another process, the rest of that delay.
   */
  pendingWaitMs(dir: string): number {
    const rec = this.current(dir);
    if (rec.failures === 0 || this.served.get(dir) === rec.failures) return 0;
    const left = rec.lastFailureAt + failureDelayMs(rec.failures) - this.clock();
    return Math.max(0, Math.min(left, MAX_DELAY_MS));
  }
}
