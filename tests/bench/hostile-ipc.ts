/**
 * The hostile-IPC proof: `npm run proof:ipc [-- CALLS [SEED]]` (default 10,000 calls). Generated
 * calls across every channel of the core's contract — wrong types, 10 MB strings, million-element
 * arrays, deep nesting, `__proto__`/`constructor` keys, NaN and Infinity, bursts of 100 concurrent
 * calls, calls racing `vault.lock` — through the worker's own door on a real vault. Prints the
 * figures; exits non-zero on any problem or any hostile call answered slower than 5 s.
 */
import { availableParallelism, loadavg } from 'node:os';
import { hostileRun } from '../support/hostile';

const calls = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Date.now() % 1e9);
const out = (s: string) => process.stdout.write(`${s}\n`);
out(`Hostile IPC: ${calls} calls, seed ${seed}`);
const f = await hostileRun({ calls, seed, huge: true, progress: out });
const codes = Object.entries(f.byCode)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
const kinds = Object.entries(f.byKind)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
out('');
out(`${f.calls} calls across ${f.channels} channels (each at least ${f.fewestPerChannel}) in ${f.seconds.toFixed(0)} s`);
out(`kinds: ${kinds}`);
out(`refused ${f.refused} (${codes}); accepted ${f.accepted}`);
out(
  `other refusals: ${Object.entries(f.otherRefusals)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
out(
  `${f.bursts} bursts of 100 concurrent calls, ${f.lockRaces} racing vault.lock; ${f.passphraseChangesWon} passphrase changes won a race`,
);
out(
  `slowest answer to a hostile call ${Math.round(f.slowestRefusedMs)} ms (${f.slowestRefusedChannel}); hostile calls over 5 s: ${f.refusedOver5s}`,
);
out(
  `slowest answer of all ${Math.round(f.slowestMs)} ms (${f.slowestChannel}); over 5 s: ${f.slowOver5s} ` +
    '(valid passphrase changes and locks run one at a time, so in a burst they wait their turn)',
);
out(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${availableParallelism()} cores`,
);
const m = f.memory;
out(
  `memory: RSS ${m.before.rssMB} MB before, ${m.peak.rssMB} MB peak, ${m.after.rssMB} MB after; heap ${m.before.heapMB} / ${m.peak.heapMB} / ${m.after.heapMB} MB`,
);
out(f.violations.length ? `PROBLEMS (${f.violations.length}):\n  ${f.violations.join('\n  ')}` : 'problems: none');
process.exitCode = f.violations.length || f.refusedOver5s ? 1 : 0;
