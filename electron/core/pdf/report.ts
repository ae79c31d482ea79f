import type { Chart } from '../../../shared/charts';
import type { ProgressReportDocument, ReportTable } from '../../../shared/reports/progressReport';
import { drawChart } from '../charts';
import { BOLD, REGULAR, textWidth, toBuffer } from './fonts';
import { Engine, type Piece, type Planner } from './layout';
import { headerPlanner, headingPiece, infoFor, styles } from './render';
import { COLOURS } from './theme';
import type { Paper } from './types';

/**
 * The progress report (issue 9) in the worksheets' look: the title block, then each section's
 * heading, paragraphs, table and charts. Charts are the shared definitions drawn as vectors
 * (electron/core/charts); tables wrap their cells and repeat their header row on a new page.
 * What the report says is decided in shared/reports/progressReport.ts; nothing here adds content.
 */
export interface ProgressReportJob {
  document: ProgressReportDocument;
  paper: Paper;
  largePrint?: boolean;
  creationDate?: Date;
}

/** A chart's height on the page: time charts a fixed height, heat maps by their rows. */
function chartHeight(chart: Chart, width: number): number {
  if (chart.kind === 'heatmap') return Math.min(420, 120 + 22 * Math.max(1, chart.table.rows.length));
  return Math.round(Math.min(260, Math.max(200, width * 0.5)));
}

/** Charts reach a little into the page margins: their own axis labels sit inside their box. */
const CHART_BLEED = 18;

/**
 * The chart for a page of this width: when its legend (at the bottom) needs more than one row,
 * the plot gives it room, so the legend never lies over the axis labels.
 */
function forPage(chart: Chart, width: number): { chart: Chart; extra: number } {
  const o = chart.option as Record<string, unknown>;
  const grid = o.grid as Record<string, unknown> | undefined;
  if (!o.legend || !grid || typeof grid.bottom !== 'number') return { chart, extra: 0 };
  const series = (Array.isArray(o.series) ? o.series : [o.series]) as ({ name?: unknown } | undefined)[];
  const names = [...new Set(series.map((x) => x?.name).filter((n): n is string => typeof n === 'string' && n !== ''))];
  // Legend items are packed into rows whole (symbol 25, gap 5, the words, 10 between items).
  let rows = 1;
  let used = 0;
  for (const n of names) {
    const item = 25 + 5 + textWidth(REGULAR, 12, n) + 10;
    if (used > 0 && used + item > width - 20) {
      rows++;
      used = 0;
    }
    used += item;
  }
  if (rows === 1) return { chart, extra: 0 };
  const extra = 24 * (rows - 1);
  return { chart: { ...chart, option: { ...o, grid: { ...grid, bottom: grid.bottom + extra } } as Chart['option'] }, extra };
}

function chartPlanner(e: Engine, source: Chart, heading: string | null): Planner {
  return (x, w) => {
    const cx = x - CHART_BLEED;
    const cw = w + 2 * CHART_BLEED;
    const { chart, extra } = forPage(source, cw);
    const h = chartHeight(chart, cw) + extra;
    return {
      head: [
        ...(heading ? [headingPiece(e, x, w, heading)] : []),
        { h: h + 10 * e.t.scale, draw: (y) => drawChart(e.doc, chart, cx, y, { width: cw, height: h }) },
      ],
      body: [],
      keepTogether: true,
    };
  };
}

/** A table: wrapped cells, a shaded header row repeated on continuation pages. */
function tablePieces(e: Engine, table: ReportTable, x: number, w: number): { header: Piece; rows: Piece[] } {
  const s = e.t.scale;
  const size = e.t.help;
  const pad = 4 * s;
  const weights = table.widths ?? table.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((k) => (k / total) * w);
  const xs = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cellStyle = { font: REGULAR, size, color: COLOURS.text } as const;
  const headStyle = { font: BOLD, size, color: COLOURS.text } as const;
  const row = (cells: string[], head: boolean): Piece => {
    const lines = cells.map((c, i) => e.wrap(c || '—', head ? BOLD : REGULAR, size, widths[i]! - 2 * pad));
    const h = Math.max(...lines.map((l) => l.length)) * e.lh(size) + 2 * pad;
    return {
      h,
      draw: (y) => {
        if (head) e.box(x, y, w, h, { fill: COLOURS.headerFill });
        lines.forEach((l, i) => e.lines(l, xs[i]! + pad, y + pad, head ? headStyle : cellStyle, widths[i]! - 2 * pad));
        e.hline(x, y + h, w, head ? COLOURS.rule : COLOURS.faint, head ? 0.75 : 0.6);
      },
    };
  };
  return { header: row(table.columns, true), rows: table.rows.map((r) => row(r, false)) };
}

export async function renderProgressReport(job: ProgressReportJob): Promise<Buffer> {
  const d = job.document;
  const e = new Engine({
    paper: job.paper,
    largePrint: job.largePrint ?? false,
    fillable: false,
    info: infoFor(d.title, `Stepwise ${d.footer}`, job.creationDate),
    lang: 'en-GB',
  });
  const st = styles(e);
  const s = e.t.scale;

  e.footerTitle = d.footer;
  e.runningHeader = '';
  e.newPage(false);
  const name = d.meta.find((m) => m.label === 'Name')?.value.trim() ?? '';
  e.runningHeader = name ? `${d.title} · ${name}` : d.title;
  e.place(
    headerPlanner(
      e,
      d.kicker,
      d.title,
      d.meta.map((m) => ({ ...m, ...(m.label === 'Name' || m.label === 'Period' ? { span: 2 } : {}) })),
    ),
  );
  e.gap(e.t.blockGap * 0.5);
  for (const p of d.intro) {
    e.place((x, w) => ({ head: [], body: e.linePieces(p, x, w, st.body, { after: 6 * s }) }));
  }
  if (d.intro.length) e.gap(e.t.blockGap * 0.5);

  for (const section of d.sections) {
    const paragraphs = section.paragraphs ?? [];
    // The heading travels with the first thing under it.
    let heading: string | null = section.heading;
    if (paragraphs.length) {
      const h = heading;
      e.place((x, w) => {
        const body: Piece[] = [];
        for (const p of paragraphs) body.push(...e.linePieces(p, x, w, st.body, { after: 5 * s }));
        return { head: [headingPiece(e, x, w, h)], body, keepTogether: true };
      });
      heading = null;
    }
    if (section.table) {
      const table = section.table;
      const h = heading;
      if (!h) e.gap(4 * s);
      e.place((x, w) => {
        const t = tablePieces(e, table, x, w);
        return { head: [...(h ? [headingPiece(e, x, w, h)] : []), t.header], body: t.rows, repeat: [t.header] };
      });
      heading = null;
    }
    for (const chart of section.charts ?? []) {
      if (!heading) e.gap(8 * s);
      e.place(chartPlanner(e, chart, heading));
      heading = null;
    }
    if (heading) {
      const h = heading;
      e.place((x, w) => ({ head: [headingPiece(e, x, w, h)], body: [] }));
    }
    if (section.notes?.length) {
      e.gap(2 * s);
      e.place((x, w) => ({ head: [], body: section.notes!.flatMap((n) => e.linePieces(n, x, w, st.muted, { after: 3 * s })) }));
    }
    e.gap(e.t.blockGap);
  }
  return toBuffer(e.finish());
}
