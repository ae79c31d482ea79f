import type { Worker } from 'node:worker_threads';
import { INTERNAL_MESSAGE, type Result } from '../../shared/result';
import type { Dispatch } from './dispatch';

/**
 * The core's worker thread and its host talk in numbered requests (as Signal's SQL worker does):
 * every request carries a sequence number and its answer carries the same one. The close is a
 * request too, answered only after the calls before it have finished.
 */
export type ToWorker = { id: number; channel: string; input: unknown } | { id: number; close: true };
export type FromWorker = { id: number; result: Result<unknown> } | { id: number; closed: true };

const CLOSING: Result<never> = { ok: false, error: { code: 'LOCKED', message: 'Stepwise is closing.' } };
const INTERNAL: Result<never> = { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };

/** What the worker side needs of its port (worker_threads' parentPort). */
export interface WorkerPort {
  on(event: 'message', listener: (msg: ToWorker) => void): unknown;
  postMessage(msg: FromWorker): void;
}

/**
 * The worker's side: answers each call with its sequence number. On close it takes no more calls,
 * lets `close` finish the running and queued ones and shut the vault, then answers the close.
 */
export function serveCore(port: WorkerPort, dispatch: Dispatch, close: () => Promise<void>): void {
  let closing = false;
  port.on('message', (msg) => {
    if ('close' in msg) {
      closing = true;
      void close()
        .catch(() => {})
        .then(() => port.postMessage({ id: msg.id, closed: true }));
      return;
    }
    if (closing) {
      port.postMessage({ id: msg.id, result: CLOSING });
      return;
    }
    void dispatch(msg.channel, msg.input).then((result) => port.postMessage({ id: msg.id, result }));
  });
}

/** The host's side: the core running in a worker thread, reached through `call`. */
export class CoreWorker {
  private nextId = 1;
  private pending = new Map<number, (msg: FromWorker) => void>();
  private closing: Promise<void> | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (msg: FromWorker) => {
      const answer = this.pending.get(msg.id);
      if (!answer) return;
      this.pending.delete(msg.id);
      answer(msg);
    });
    worker.on('error', () => this.failAll());
    worker.on('exit', () => this.failAll());
  }

  /** Sends one call to the core; its answer is matched by sequence number. */
  readonly call: Dispatch = async (channel, input) => {
    if (this.closing) return CLOSING;
    const msg = await this.request({ channel, input });
    return 'result' in msg ? msg.result : INTERNAL;
  };

  /**
   * Closes the core: the worker finishes the calls already sent, locks the vault (checkpoint,
   * close) and answers this close by its number; then the thread stops. Should the worker never
   * answer (it hung), the thread is stopped after `timeoutMs`.
   */
  close(timeoutMs = 10_000): Promise<void> {
    this.closing ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([this.request({ close: true }), late]);
      clearTimeout(timer);
      await this.worker.terminate();
    })();
    return this.closing;
  }

  private request(body: { channel: string; input: unknown } | { close: true }): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, ...body } satisfies ToWorker);
    });
  }

  private failAll(): void {
    for (const [id, answer] of this.pending) answer({ id, result: INTERNAL });
    this.pending.clear();
  }
}
