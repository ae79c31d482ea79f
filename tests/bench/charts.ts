/**
 * Charts in PDFs, side by side in one run: a worksheet series of 100 points (the baseline), of
 * 2,000 points (three lines), and five years of daily records of one number (2,000 points; issue
 * 12: ≤ 300 ms in the progress report), drawn by ECharts server-side to SVG and then by svg-to-pdfkit into a one-page
 * PDF. Part of `npm run bench`; also runs alone: `npx tsx --tsconfig tsconfig.test.json tests/bench/charts.ts`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { chartToSvg, drawChart } from '../../electron/core/charts';
import { createDocument, toBuffer } from '../../electron/core/pdf/fonts';
import { seriesChart, type Chart } from '../../shared/charts';
import { addDays } from '../../shared/dates';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';

const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 7);
const SIZE = { width: 523, height: 260 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** SUDS before, peak and after, spread over days: n points in all. */
function chartOf(n: number): Chart {
  const per = Math.ceil(n / 3);
  const line = (key: string, off: number) => ({
    key,
    label: key,
    points: Array.from({ length: per }, (_, i) => ({
      date: addDays('2024-01-01', Math.floor(i / 2)),
      value: (i * 7 + off) % 101,
    })),
  });
  return seriesChart({
    title: 'Exposure practice log',
    unit: 'SUDS',
    min: 0,
    max: 100,
    lines: [line('SUDS before', 10), line('SUDS peak', 40), line('SUDS after', 70)],
  });
}

/** Five and a half years of daily records of one number (mood 0–10): `n` points on one line. */
function dailyOf(n: number): Chart {
  return seriesChart({
    title: 'Daily mood log',
    unit: null,
    min: 0,
    max: 10,
    lines: [
      {
        key: 'mood',
        label: 'Mood',
        points: Array.from({ length: n }, (_, i) => ({
          date: addDays('2021-01-01', i),
          value: Math.round(5 + 3 * Math.sin(i / 40) + ((i * 7) % 5) - 2),
        })),
      },
    ],
  });
}

/** Issue 12's goal for a chart of five years of daily records in the progress report. */
export const REPORT_CHART_GOAL_MS = 300;

async function time(chart: Chart): Promise<{ svg: number; pdf: number }> {
  const svg: number[] = [];
  const pdf: number[] = [];
  const once = async () => {
    const t0 = performance.now();
    chartToSvg(chart, SIZE);
    const t1 = performance.now();
    const doc = createDocument({ size: 'A4', margin: 36 });
    drawChart(doc, chart, 36, 36, SIZE);
    await toBuffer(doc);
    return [t1 - t0, performance.now() - t1] as const;
  };
  await once();
  await once();
  for (let i = 0; i < RUNS; i++) {
    const [s, p] = await once();
    svg.push(s);
    pdf.push(p);
  }
  return { svg: median(svg), pdf: median(pdf) };
}

export async function benchCharts(): Promise<void> {
  console.log(`\nCharts into PDF — ECharts SSR (SVG) + svg-to-pdfkit, one A4 page, ×${RUNS} (medians)\n`);
  console.log(`${'points'.padStart(8)} ${'SSR ms'.padStart(9)} ${'SSR+PDF ms'.padStart(11)} ${'vs 100'.padStart(8)}`);
  let base = 0;
  const rows: [string, Chart][] = [
    ['100', chartOf(100)],
    ['2000', chartOf(2000)],
    ['2000 *', dailyOf(2000)],
  ];
  for (const [label, chart] of rows) {
    const t = await time(chart);
    // SSR + PDF: the SVG is rendered again inside drawChart, so the total is the PDF step's time.
    const total = t.pdf;
    if (label === '100') base = total;
    const goal =
      label === '100' ? '' : `  goal ≤ ${REPORT_CHART_GOAL_MS} ms: ${total <= REPORT_CHART_GOAL_MS ? 'met' : 'MISSED'}`;
    console.log(
      `${label.padStart(8)} ${t.svg.toFixed(1).padStart(9)} ${total.toFixed(1).padStart(11)} ${`${(total / base).toFixed(1)}×`.padStart(8)}${goal}`,
    );
  }
  console.log('(* five and a half years of daily records of one number: one line of 2,000 points)');
}

/** Issue 12's goal for a chart of five years of daily records on screen. */
export const SCREEN_CHART_GOAL_MS = 100;

/**
 * The same chart on screen: ECharts' SVG renderer in Chromium (its full build, loaded once), a
 * 900×320 chart as on the Progress tab at 1920 wide, from init to the frame that shows it. Side
 * by side: 100 points, and five years of daily records drawn as before issue 12 (every point, a
 * marker each) and as now (thinned for drawing, one path).
 */
export async function benchChartsOnScreen(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.setContent('<!doctype html><div id="c" style="width:900px;height:320px"></div>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js') });
    const draw = (option: unknown) =>
      page.evaluate(async (o) => {
        const e = (
          globalThis as unknown as {
            echarts: { init: (el: Element, t: null, o: object) => { setOption: (o: unknown) => void; dispose: () => void } };
          }
        ).echarts;
        const el = document.getElementById('c')!;
        const t0 = performance.now();
        const chart = e.init(el, null, { renderer: 'svg' });
        chart.setOption(o);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const ms = performance.now() - t0;
        const nodes = el.querySelectorAll('svg *').length;
        chart.dispose();
        return { ms, nodes };
      }, option);
    const daily = dailyOf(2000);
    type Opt = { series: { name?: string; data: unknown[]; showSymbol?: boolean }[] };
    const every = structuredClone(daily.option) as unknown as Opt;
    const line = every.series.find((x) => x.name === 'Mood')!;
    line.showSymbol = true;
    // Every point (the table's dates are words; the drawn data wants ISO dates).
    line.data = Array.from({ length: 2000 }, (_, i) => [addDays('2021-01-01', i), (daily.table.rows[i]![1] as number) ?? 0]);
    const rows: [string, unknown][] = [
      ['100', chartOf(100).option],
      ['2000 * all', every],
      ['2000 * now', daily.option],
    ];
    console.log(
      `\nCharts on screen — ECharts SVG renderer in Chromium, 900×320, ×${RUNS} (medians; goal ≤ ${SCREEN_CHART_GOAL_MS} ms)\n`,
    );
    console.log(`${'points'.padStart(12)} ${'draw ms'.padStart(9)} ${'SVG nodes'.padStart(10)}`);
    for (const [label, option] of rows) {
      await draw(option);
      const xs: number[] = [];
      let nodes = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await draw(option);
        xs.push(r.ms);
        nodes = r.nodes;
      }
      const m = median(xs);
      const goal = label.startsWith('2000') ? `  ${m <= SCREEN_CHART_GOAL_MS ? 'met' : 'MISSED'}` : '';
      console.log(`${label.padStart(12)} ${m.toFixed(1).padStart(9)} ${String(nodes).padStart(10)}${goal}`);
    }
    console.log(
      '(* five and a half years of daily records of one number; "all": every point with its marker, as before issue 12)',
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCharts()
    .then(() => (process.argv.includes('--screen') ? benchChartsOnScreen() : undefined))
    .catch((e: unknown) => {
      console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
