/**
 * The order in which a core runs its calls (the way Actual's `mutator`/`sequential` do it).
 * Ordinary calls run side by side. A call that must run alone (opening, closing or re-keying the
 * database) waits until every call before it has finished, and every call after it waits for it:
 * two `vault.unlock` at once never open two databases, and a lock never closes the database under
 * a call still using it. Strictly first come, first served.
 */
export class CallQueue {
  private waiting: { alone: boolean; start: () => void }[] = [];
  private running = 0;
  private aloneRunning = false;
  private idle: (() => void)[] = [];

  /** Runs `fn` beside other ordinary calls, after any call queued to run alone before it. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.enqueue(false, fn);
  }

  /** Runs `fn` alone: after every call before it has finished, and before any call after it starts. */
  alone<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.enqueue(true, fn);
  }

  /** Resolves once every call queued so far, and any queued meanwhile, has finished. */
  flush(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** How many calls are running or waiting (for tests and diagnostics). */
  get size(): number {
    return this.running + this.waiting.length;
  }

  private enqueue<T>(alone: boolean, fn: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        alone,
        start: () => {
          new Promise<T>((r) => r(fn())).then(resolve, reject).finally(() => {
            this.running--;
            if (alone) this.aloneRunning = false;
            this.pump();
          });
        },
      });
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length > 0 && !this.aloneRunning) {
      const next = this.waiting[0]!;
      if (next.alone) {
        if (this.running > 0) return;
        this.aloneRunning = true;
      }
      this.waiting.shift();
      this.running++;
      next.start();
    }
    if (this.running === 0 && this.waiting.length === 0) {
      const idle = this.idle;
      this.idle = [];
      for (const resolve of idle) resolve();
    }
  }
}
