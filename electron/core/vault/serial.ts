/**
 * Runs tasks one at a time, in the order they arrive: the vault's unlock, lock, create, passphrase
 * change and rekey never overlap, so no task sees another's half-done state (a key wiped by a
 * lock while a passphrase change derives its wrapping key, two unlocks opening the database
 * twice). A task that fails does not stop the ones queued after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
