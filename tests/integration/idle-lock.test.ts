import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerDispatcher } from '../../electron/core/api';
import { lockIfIdle } from '../../electron/core/idle';
import { hostClient } from '../../electron/host';
import { workerContract } from '../../shared/contract';
import { failure, unlockedCore, type TestCore } from '../support/vault';

/** The core's own auto-lock, on an injected clock: no waiting, no wall-clock assertion. */
let t: (TestCore & { recoveryKey: string }) | null = null;
afterEach(() => t?.cleanup());

async function atClock(minutes: number) {
  let now = new Date('2026-11-28T10:00:00Z').getTime();
  t = await unlockedCore({ now: () => new Date(now), autoLockMinutes: minutes });
  return { t, advance: (min: number) => (now += min * 60_000) };
}

describe('the core locks the vault on idle by itself', () => {
  it('locks after the auto-lock minutes without a call, closing the database and wiping its key', async () => {
    const { t, advance } = await atClock(2);
    const vault = t.core.vault!;
    const key = (vault as unknown as { dbKey: Buffer }).dbKey;
    expect(await lockIfIdle(t.core)).toBe(false);
    advance(1.5);
    await t.do.clients.list({ status: 'all' }); // the clinician at work: the idle time starts again
    advance(1.5);
    expect(await lockIfIdle(t.core)).toBe(false);
    // The window's status poll is not activity.
    await t.do.vault.status();
    await t.do.backup.status();
    advance(0.5);
    expect(await lockIfIdle(t.core)).toBe(true);
    expect(t.core.unlocked).toBe(false);
    expect(vault.isOpen).toBe(false);
    expect(key.every((b) => b === 0)).toBe(true);
    expect((await failure(t.api.clients.list({ status: 'all' }))).code).toBe('LOCKED');
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: false });
    // Locked already: nothing more to do; it opens again with the passphrase.
    expect(await lockIfIdle(t.core)).toBe(false);
    await t.do.vault.unlock({ passphrase: 'correct horse battery staple' });
    expect(t.core.unlocked).toBe(true);
  });

  it('takes the minutes from the host (1–60, no "never") through an internal channel', async () => {
    const { t, advance } = await atClock(30);
    const internal = hostClient(
      workerContract,
      createWorkerDispatcher(t.core, () => undefined),
    ).api;
    expect((await failure(internal.idle.setMinutes({ minutes: 0 }))).code).toBe('VALIDATION');
    expect((await failure(internal.idle.setMinutes({ minutes: 61 }))).code).toBe('VALIDATION');
    advance(5);
    expect(await lockIfIdle(t.core)).toBe(false);
    expect(await internal.idle.setMinutes({ minutes: 1 })).toEqual({ ok: true, value: { minutes: 1 } });
    // Setting the minutes is not activity: five minutes idle already, past the new minute.
    expect(await lockIfIdle(t.core)).toBe(true);
  });

  it('waits for a running call and does not lock when a call came meanwhile', async () => {
    const { t, advance } = await atClock(1);
    advance(2);
    // A call is queued before the idle lock; by the lock's turn it has made the core busy again.
    const listing = t.api.clients.list({ status: 'all' });
    const locking = lockIfIdle(t.core);
    expect((await listing).ok).toBe(true);
    expect(await locking).toBe(false);
    expect(t.core.unlocked).toBe(true);
  });
});
