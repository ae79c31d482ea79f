import { describe, expect, it } from 'vitest';
import { CallQueue } from '../../electron/host';

/** A promise settled from outside, to hold a call open for as long as a test needs. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** Lets every queued promise reaction run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('the call queue', () => {
  it('runs ordinary calls side by side', async () => {
    const q = new CallQueue();
    const g = gate();
    const started: string[] = [];
    const a = q.run(async () => {
      started.push('a');
      await g.opened;
    });
    const b = q.run(async () => {
      started.push('b');
      await g.opened;
    });
    await settle();
    expect(started).toEqual(['a', 'b']);
    g.open();
    await Promise.all([a, b]);
  });

  it('starts a call that runs alone only when every call before it has finished, and holds the ones after it', async () => {
    const q = new CallQueue();
    const first = gate();
    const alone = gate();
    const log: string[] = [];
    const a = q.run(async () => {
      log.push('a starts');
      await first.opened;
      log.push('a ends');
    });
    const b = q.alone(async () => {
      log.push('alone starts');
      await alone.opened;
      log.push('alone ends');
    });
    const c = q.run(() => {
      log.push('c runs');
    });
    await settle();
    expect(log).toEqual(['a starts']);
    first.open();
    await settle();
    expect(log).toEqual(['a starts', 'a ends', 'alone starts']);
    alone.open();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['a starts', 'a ends', 'alone starts', 'alone ends', 'c runs']);
  });

  it('runs two calls that must run alone one after the other', async () => {
    const q = new CallQueue();
    let inside = 0;
    let most = 0;
    const job = () =>
      q.alone(async () => {
        inside++;
        most = Math.max(most, inside);
        await settle();
        inside--;
      });
    await Promise.all([job(), job(), job()]);
    expect(most).toBe(1);
  });

  it('flush waits for the running and the queued calls; a failing call does not stop the queue', async () => {
    const q = new CallQueue();
    const g = gate();
    const done: string[] = [];
    const a = q.run(async () => {
      await g.opened;
      done.push('a');
    });
    const bad = q.alone(() => {
      throw new Error('boom');
    });
    const c = q.run(() => {
      done.push('c');
    });
    let flushed = false;
    const f = q.flush().then(() => (flushed = true));
    await settle();
    expect(flushed).toBe(false);
    expect(q.size).toBe(3);
    g.open();
    await expect(bad).rejects.toThrow('boom');
    await Promise.all([a, c, f]);
    expect(done).toEqual(['a', 'c']);
    expect(flushed).toBe(true);
    expect(q.size).toBe(0);
    await q.flush();
  });
});
