/**
 * npm run bench — every benchmark, each figure beside its goal:
 * - PDF speed (tests/bench/pdf.ts): Stepwise's engine against Chromium's print-to-PDF;
 * - charts (tests/bench/charts.ts, issue 9): a 2,000-point chart into a PDF beside a 100-point one;
 * - scale (tests/bench/scale/run.ts, issue 12): every screen's data at 10k, 100k and 1,000,000
 *   practice records, encrypted against plain SQLite, unlock, backup with the main thread watched,
 *   packets, the worker's memory, and the screens in Chromium.
 *
 * `npm run bench:quick` (or `-- --quick`): the PDF section with fewer runs and the scale section at
 * 10k records only. `-- --pdf` or `-- --scale` runs one section; `-- --packets` only the packets for
 * 100 clients in the worker (at 10k records, or the largest of `--sizes`). Sizes: `-- --sizes=10000,100000`.
 * `-- --worker` runs only the scale section's worker part (backup with the main thread watched,
 * packets, memory) at the largest size, `-- --no-worker` leaves it out; `-- --old-backup` adds the
 * old in-memory backup beside it.
 */
import { benchCharts, benchChartsOnScreen } from './charts';
import { runPdfBench } from './pdf';
import { runPacketBench, runScaleBench } from './scale/run';

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const workerOnly = args.includes('--worker');
  const only = args.includes('--pdf') ? 'pdf' : args.includes('--scale') || workerOnly ? 'scale' : null;
  const sizesArg = args.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg
    ? sizesArg
        .slice('--sizes='.length)
        .split(',')
        .map((s) => Number(s))
        .filter((n) => Number.isInteger(n) && n > 0)
    : quick
      ? [10_000]
      : [10_000, 100_000, 1_000_000];
  if (quick) {
    process.env.BENCH_ENGINE_RUNS ??= '5';
    process.env.BENCH_CHROMIUM_RUNS ??= '2';
  }
  if (args.includes('--packets')) {
    // issue 12: only the packets for 100 clients, in the real worker, on the largest size asked for.
    await runPacketBench({ sizes: sizesArg ? sizes : [10_000] });
    return;
  }
  if (only !== 'scale') {
    await runPdfBench();
    // issue 9: a chart of 2,000 points into a PDF, beside a 100-point baseline.
    await benchCharts();
    // issue 12: five years of daily records on screen (ECharts' SVG renderer in Chromium).
    if (!args.includes('--no-chromium')) await benchChartsOnScreen();
  }
  if (only !== 'pdf')
    await runScaleBench({
      sizes,
      runs: quick ? 10 : 30,
      chromium: !args.includes('--no-chromium'),
      workerOnly,
      noWorker: args.includes('--no-worker'),
      oldBackup: args.includes('--old-backup'),
    });
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
