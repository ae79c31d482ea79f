import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRun } from '../support/crash-loop';
import { tempDir } from '../support/vault';

const tmp = tempDir('stepwise-crash-');
afterAll(() => tmp.cleanup());

/**
 * The quick version of the crash-loop proof (the full one, 200 runs with figures, is
 * `npm run proof:crash`): a child writing to a vault — creating it, writing clients, changing the
 * passphrase, backing up — killed with SIGKILL at a random moment; after each kill the vault opens,
 * passes integrity_check and holds every acknowledged write.
 */
describe('crash loop (quick)', () => {
  it('survives 8 kills at random moments', async () => {
    const dir = path.join(tmp.dir, 'vault');
    let pass = 0;
    let acked = 0;
    for (let i = 0; i < 8; i++) {
      const r = await crashRun(dir, pass, i === 0 ? 0 : Math.floor(Math.random() * 600));
      pass = r.nextPass;
      acked += r.acked;
    }
    expect(acked).toBeGreaterThan(0);
  }, 240_000);
});
