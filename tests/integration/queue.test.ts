import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { Vault } from '../../electron/core/vault/vault';
import { CoreWorker, hostClient, type FromWorker } from '../../electron/host';
import { workerContract } from '../../shared/contract';
import { PASSPHRASE, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
  t = undefined;
});

/** A vault with the demo caseload; returns Zoë's client ID (she has active homework). */
async function demoVault(): Promise<{ t: TestCore; zoeId: string }> {
  const core = await unlockedCore({ now: () => new Date('2026-03-10T10:00:00Z') });
  t = core;
  await seedDemo(core.do, core.core.now());
  const zoe = (await core.do.clients.list()).find((c) => c.name === 'Zoë Łukasiewicz')!;
  return { t: core, zoeId: zoe.id };
}

describe('the core runs calls that open or close the database alone', () => {
  it('two unlocks at once open the database once', async () => {
    t = await unlockedCore();
    await t.do.vault.lock();
    const opens = vi.spyOn(Vault, 'open');
    const [a, b] = await Promise.all([
      t.api.vault.unlock({ passphrase: PASSPHRASE }),
      t.api.vault.unlock({ passphrase: PASSPHRASE }),
    ]);
    expect(a).toEqual({ ok: true, value: { exists: true, unlocked: true } });
    expect(b).toEqual({ ok: true, value: { exists: true, unlocked: true } });
    expect(opens).toHaveBeenCalledTimes(1);
    // One database handle wrote one "unlocked" event; a second handle would have written another.
    expect((await t.do.audit.list({ limit: 500 })).filter((e) => e.action === 'unlocked')).toHaveLength(1);
  });

  it('a lock waits for the call running before it, and a call after the lock finds the vault locked', async () => {
    const { t, zoeId } = await demoVault();
    const order: string[] = [];
    const packet = t.api.print.packet({ clientId: zoeId }).then((r) => (order.push('packet'), r));
    const lock = t.api.vault.lock().then((r) => (order.push('lock'), r));
    const after = t.api.clients.list().then((r) => (order.push('after'), r));
    const [p, l, a] = await Promise.all([packet, lock, after]);
    expect(p).toMatchObject({ ok: true, value: { pages: expect.any(Number) } });
    expect(l).toEqual({ ok: true, value: { exists: true, unlocked: false } });
    expect(a).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(order).toEqual(['packet', 'lock', 'after']);
  });
});

/** The real worker file (electron/core/worker.ts), compiled on the fly by tsx, in a worker thread. */
function startWorker(vaultDir: string): Worker {
  const file = pathToFileURL(path.resolve('electron/core/worker.ts')).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file)}); });`, {
    eval: true,
    workerData: { vaultDir },
  });
}

describe('the core worker and its host', () => {
  it('answer each request by its sequence number; the close is answered last, after the calls sent before it', async () => {
    const { t, zoeId } = await demoVault();
    t.core.close();
    const worker = startWorker(t.dir);
    const seen: FromWorker[] = [];
    worker.on('message', (m: FromWorker) => seen.push(m));
    const host = new CoreWorker(worker);
    const { api } = hostClient(workerContract, host.call);

    // Three calls (numbers 1–3), then the close (number 4), all sent at once.
    const unlocked = api.vault.unlock({ passphrase: PASSPHRASE });
    const listed = api.clients.list({ status: 'all' });
    const packet = api.print.packet({ clientId: zoeId });
    // The close waits for the calls before it; on a busy machine they can take longer than the
    // app's 10 s hang guard (the real worker runs the app's scrypt cost), which is not what this tests.
    const closed = host.close(120_000);
    const [u, l, p] = await Promise.all([unlocked, listed, packet]);
    await closed;

    expect(u).toEqual({ ok: true, value: { exists: true, unlocked: true } });
    expect(l.ok && l.value.length).toBe(13);
    expect(p).toMatchObject({ ok: true, value: { pages: expect.any(Number) } });
    expect(seen.at(-1)).toEqual({ id: 4, closed: true });
    expect(
      seen
        .slice(0, -1)
        .map((m) => m.id)
        .sort(),
    ).toEqual([1, 2, 3]);
    for (const m of seen.slice(0, -1)) expect(m).toMatchObject({ result: { ok: true } });
    // After the close, calls are refused in plain words, without reaching the stopped thread.
    expect(await api.vault.status()).toEqual({ ok: false, error: { code: 'LOCKED', message: 'Stepwise is closing.' } });
  });
});
