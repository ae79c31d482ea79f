/**
 * A second process for tests: opens the vault in argv[2] with the passphrase in
 * STEPWISE_PASSPHRASE (test scrypt cost), prints "open" (or the refusal's code), and keeps the
 * vault open until it is killed.
 */
import { createDispatcher } from '../../electron/core/api';
import { Core } from '../../electron/core/core';
import { hostClient } from '../../electron/host';
import { coreContract } from '../../shared/contract';
import { TEST_SCRYPT } from './vault';

const core = new Core({ vaultDir: process.argv[2]!, vault: { scrypt: TEST_SCRYPT } });
const { api } = hostClient(
  coreContract,
  createDispatcher(core, () => {}),
);
const r = await api.vault.unlock({ passphrase: process.env.STEPWISE_PASSPHRASE ?? '' });
process.stdout.write(r.ok ? 'open\n' : `${r.error.code}\n`);
// Keep the core reachable: a collected connection would be closed, and its lock released with it.
setInterval(() => void core.vault?.isOpen, 60_000);
