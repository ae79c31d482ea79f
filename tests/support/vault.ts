import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../../electron/core/api';
import { Core, type CoreOptions } from '../../electron/core/core';
import { hostClient, type Dispatch, type HostClientOptions } from '../../electron/host';
import { coreContract, type ApiOf, type CoreContract, type DoOf } from '../../shared/contract';
import { AppError, type AppErrorData, type Result } from '../../shared/result';

/** scrypt cost for tests: still real scrypt, cheaper so the suite stays quick. */
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export function tempDir(prefix = 'stepwise-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A failed call in a test: an AppError whose message names the channel, its code and its message. */
export const testCallError: HostClientOptions['error'] = (e, channel) =>
  new AppError(e.code, `${channel} failed: ${e.code} ${e.message}`, e.fields);

/** The failure of a call that should have failed (the test fails if it succeeded). */
export async function failure(call: Promise<Result<unknown>>): Promise<AppErrorData> {
  const r = await call;
  if (r.ok) throw new Error('The call unexpectedly succeeded.');
  return r.error;
}

export interface TestCore {
  core: Core;
  /** The core's dispatcher by channel name: for the host module's own tests only. */
  dispatch: Dispatch;
  /** `t.api.clients.list(...)`: the call's Result, as the renderer gets it. */
  api: ApiOf<CoreContract>;
  /** `t.do.clients.list(...)`: the call's value; a failure throws (and fails the test). */
  do: DoOf<CoreContract>;
  dir: string;
  logs: string[];
  cleanup: () => void;
}

export function makeCore(opts: Partial<CoreOptions> = {}): TestCore {
  const { dir, cleanup } = tempDir();
  const vaultDir = opts.vaultDir ?? path.join(dir, 'vault');
  const core = new Core({ vault: { scrypt: TEST_SCRYPT }, sleep: async () => {}, ...opts, vaultDir });
  const logs: string[] = [];
  const dispatch = createDispatcher(core, (l) => logs.push(l));
  const client = hostClient(coreContract, dispatch, { error: testCallError });
  return {
    core,
    dispatch,
    api: client.api,
    do: client.do,
    dir: vaultDir,
    logs,
    cleanup: () => {
      core.close();
      cleanup();
    },
  };
}

/** A core with a fresh, unlocked vault. */
export async function unlockedCore(opts: Partial<CoreOptions> = {}): Promise<TestCore & { recoveryKey: string }> {
  const t = makeCore(opts);
  const { recoveryKey } = await t.do.vault.create({ passphrase: PASSPHRASE });
  return { ...t, recoveryKey };
}
