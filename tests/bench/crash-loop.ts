/**
 * The crash-loop proof: `npm run proof:crash [-- RUNS]` (default 200). Each run starts a child that
 * writes to one vault (creating it in the first run, then writing clients, changing the
 * passphrase and backing up) and kills it with SIGKILL at a random moment; after each kill the
 * vault must open, pass integrity_check and verify, and hold every write acknowledged before the
 * kill. Prints the figures.
 */
import path from 'node:path';
import { crashRun } from '../support/crash-loop';
import { tempDir } from '../support/vault';

const runs = Number(process.argv[2] ?? 200);
const tmp = tempDir('stepwise-crash-proof-');
const dir = path.join(tmp.dir, 'vault');
let pass = 0;
let acked = 0;
let backups = 0;
let changes = 0;
let failures = 0;
const started = Date.now();
for (let i = 0; i < runs; i++) {
  // The first runs are killed early, while the vault is being created or migrated.
  const killAfter = i < 5 ? i * 20 : Math.floor(Math.random() * 800);
  try {
    const r = await crashRun(dir, pass, killAfter);
    if (r.nextPass !== pass) changes++;
    pass = r.nextPass;
    acked += r.acked;
    backups += r.backups;
  } catch (e) {
    failures++;
    process.stdout.write(`run ${i + 1}: FAILED — ${(e as Error).message}\n`);
  }
  if ((i + 1) % 20 === 0)
    process.stdout.write(`${i + 1}/${runs} runs, ${acked} acknowledged writes checked, ${failures} failures\n`);
}
process.stdout.write(
  `\nCrash loop: ${runs} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(0)} s; ${acked} acknowledged writes all present; ` +
    `${backups} backups made; the passphrase changed ${changes} times across kills; ${failures} failures.\n`,
);
tmp.cleanup();
process.exitCode = failures ? 1 : 0;
