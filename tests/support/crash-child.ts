/**
 * The child of the crash loop (tests/integration/crash-loop.test.ts, tests/bench/crash-loop.ts):
 * opens the vault in argv[2] (creating it if there is none), then writes until it is killed —
 * clients, and now and then a passphrase change or a backup — and prints each write on stdout only
 * after it returned (so it is acknowledged, on disk with synchronous = FULL).
 */
import path from 'node:path';
import { createDispatcher } from '../../electron/core/api';
import { Core } from '../../electron/core/core';
import { hostClient } from '../../electron/host';
import { coreContract } from '../../shared/contract';
import { PASSPHRASES } from './crash-pass';
import { TEST_SCRYPT } from './vault';

async function main() {
  const [dir, passIndexArg] = process.argv.slice(2);
  let pass = Number(passIndexArg ?? 0);
  const core = new Core({ vaultDir: dir!, vault: { scrypt: TEST_SCRYPT }, sleep: async () => {} });
  const { do: c } = hostClient(
    coreContract,
    createDispatcher(core, () => {}),
  );
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (!(await c.vault.status()).exists) {
    await c.vault.create({ passphrase: PASSPHRASES[pass]! });
    say('created');
  } else {
    await c.vault.unlock({ passphrase: PASSPHRASES[pass]! });
  }
  say('open');
  for (let i = 0; ; i++) {
    const r = Math.random();
    if (r < 0.05) {
      const next = 1 - pass;
      await c.vault.changePassphrase({ current: { passphrase: PASSPHRASES[pass]! }, next: PASSPHRASES[next]! });
      pass = next;
      say(`pass ${pass}`);
    } else if (r < 0.1) {
      const b = await c.backup.create({ folder: path.join(path.dirname(dir!), 'backups'), kind: 'auto' });
      say(`backup ${b.file}`);
    } else {
      const client = await c.clients.create({ name: `Crash ${i}`, startDate: '2026-01-01' });
      say(`ack ${client.id}`);
    }
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`child failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
