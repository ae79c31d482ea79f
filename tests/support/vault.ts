import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../electron/core/api';
import { Core, type CoreOptions } from '../../electron/core/core';

/** scrypt cost for tests: still real scrypt, cheaper so the suite stays quick. */
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export function tempDir(prefix = 'stepwise-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCore {
  core: Core;
  dispatch: Dispatch;
  /** Calls a channel and returns its value, failing the test on an error result. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
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
  return {
    core,
    dispatch,
    dir: vaultDir,
    logs,
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const r = await dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    cleanup: () => {
      core.close();
      cleanup();
    },
  };
}

/** A core with a fresh, unlocked vault. */
export async function unlockedCore(opts: Partial<CoreOptions> = {}): Promise<TestCore & { recoveryKey: string }> {
  const t = makeCore(opts);
  const { recoveryKey } = await t.call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE });
  return { ...t, recoveryKey };
}
