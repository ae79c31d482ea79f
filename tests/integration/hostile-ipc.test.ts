import { describe, expect, it } from 'vitest';
import { channelNames, coreContract } from '../../shared/contract';
import { hostileRun } from '../support/hostile';

/**
 * A seeded, smaller version of the hostile-IPC proof (`npm run proof:ipc` runs the big one):
 * generated calls across every channel of the core's contract, through the worker's own door, on
 * a real vault. Not timed: the figures are printed by the proof, not asserted here.
 */
describe('hostile IPC, seeded', () => {
  it('1,000 generated calls across every channel: no crash, typed refusals, nothing changed by a refusal', async () => {
    const f = await hostileRun({ calls: 1000, seed: 20261128, huge: false, burstEvery: 300 });
    expect(f.violations).toEqual([]);
    expect(f.channels).toBe(channelNames(coreContract).length);
    expect(f.fewestPerChannel).toBeGreaterThanOrEqual(5);
    expect(f.calls).toBeGreaterThanOrEqual(1000);
    expect(f.bursts).toBeGreaterThanOrEqual(2);
    expect(f.refused).toBeGreaterThan(f.accepted);
    expect(f.byCode.VALIDATION).toBeGreaterThan(500);
    // Memory comes back: the heap after the run is not hundreds of megabytes above where it began.
    expect(f.memory.after.heapMB - f.memory.before.heapMB).toBeLessThan(300);
  });
});
