import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/result';
import { INTERNAL_MESSAGE } from '../../shared/result';

/** Runs the core in a worker thread and forwards calls to it. */
export class CoreHost {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, (r: Result<unknown>) => void>();

  constructor(workerFile: string, init: { vaultDir: string; nativeBinding?: string }) {
    this.worker = new Worker(workerFile, { workerData: init });
    this.worker.on('message', (msg: { id?: number; result?: Result<unknown> }) => {
      if (msg.id === undefined || !msg.result) return;
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.result);
    });
    this.worker.on('error', () => this.failAll());
    this.worker.on('exit', () => this.failAll());
  }

  call(channel: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, channel, input });
    });
  }

  /** Locks the vault (checkpoint, close) and stops the worker. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      this.worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.postMessage({ close: true });
    });
    await this.worker.terminate();
  }

  private failAll(): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    this.pending.clear();
  }
}
