/**
 * Charts: plain typed inputs in, one `Chart` out (ECharts options, a text summary and a data
 * table, all from the same data). The same definition is drawn on screen (renderer, ECharts'
 * SVG renderer) and into PDFs (electron/core/charts: ECharts server-side → SVG → svg-to-pdfkit).
 * See README.md in this folder for why ECharts.
 *
 * Dates are calendar dates, `YYYY-MM-DD`, never shifted by time zones.
 */
import type { EChartsOption } from 'echarts';

export type IsoDate = string;

/** The options handed to ECharts (`setOption`). Plain data: no functions, so they cross the worker border. */
export type ChartOption = EChartsOption;

export type ChartKind = 'measure' | 'adherence' | 'series' | 'ladder' | 'heatmap';

/** One cell of a data table: a number, words, or nothing (shown as a dash). */
export type ChartCell = string | number | null;

/** A chart's data as a table: the same numbers the chart draws, for screen readers and keyboards. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: ChartCell[][];
}

/** One chart, ready for the screen or a PDF. */
export interface Chart {
  kind: ChartKind;
  title: string;
  option: ChartOption;
  /** A few plain sentences saying what the chart shows (the accessible description). */
  summary: string;
  table: ChartTable;
}

/** An inclusive range of calendar dates; either end may be open. */
export interface DateRange {
  from?: IsoDate | null;
  to?: IsoDate | null;
}

/** Something that happened in the client's life, shown as a dated note on time charts. */
export interface ChartEvent {
  date: IsoDate;
  label: string;
}

// ------------------------------------------------------------------ (1) a measure over time

/** A severity band of a measure, inclusive on both ends ("5–9 mild"). */
export interface SeverityBand {
  from: number;
  to: number;
  label: string;
}

/** What the measure chart needs to know about a measure (mapped from shared/measures). */
export interface MeasureScale {
  /** Short name shown on the chart: "PHQ-9". */
  name: string;
  min: number;
  max: number;
  /** Ascending, covering min..max. May be empty (e.g. PCL-5 has no bands). */
  bands: SeverityBand[];
  /** A total at or above this is a case (PHQ-9: 10). Null when the measure has none. */
  caseness: number | null;
  /** The smallest change that counts as reliable, in points (PHQ-9: 6). Null when none. */
  reliableChange: number | null;
}

/** One administration: its total, or null when an item is missing (shown as incomplete). */
export interface MeasurePoint {
  date: IsoDate;
  total: number | null;
}

export interface MeasureChartInput {
  measure: MeasureScale;
  /** In any order; sorted by date. */
  points: MeasurePoint[];
  /** Dates of attended sessions, marked along the time axis. */
  sessions?: IsoDate[];
  events?: ChartEvent[];
  range?: DateRange;
}

// ------------------------------------------------------------------ (2) homework beside outcome

/** One week of homework (Monday to Sunday). */
export interface AdherenceWeek {
  /** The Monday. */
  weekStart: IsoDate;
  /** Practice records (distinct days practised) in the week, and what the frequencies asked for. */
  done: number;
  expected: number;
  /** Mean completion rated in the reviews held that week, 0–1 (null: no review that week). */
  completion: number | null;
  /** Mean quality rated in those reviews, 0–4 (null: not rated). */
  quality: number | null;
  /** How many reviews the week's completion and quality come from. */
  reviews: number;
}

/** An outcome drawn on the same time axis as the homework (a measure's totals). */
export interface OutcomeLine {
  name: string;
  min: number;
  max: number;
  points: MeasurePoint[];
}

export interface AdherenceChartInput {
  weeks: AdherenceWeek[];
  outcome?: OutcomeLine | null;
  sessions?: IsoDate[];
  range?: DateRange;
}

// ------------------------------------------------------------------ (3) a worksheet's numbers over time

export interface SeriesLine {
  /** The worksheet series key (shared/worksheet/series.ts), e.g. "practice.suds-peak". */
  key: string;
  label: string;
  points: { date: IsoDate; value: number }[];
}

export interface SeriesChartInput {
  /** The worksheet's title. */
  title: string;
  unit?: string | null;
  /** The scale's ends when the series has a scale (keeps 0–100 fixed); else from the data. */
  min?: number | null;
  max?: number | null;
  lines: SeriesLine[];
  sessions?: IsoDate[];
  range?: DateRange;
}

// ------------------------------------------------------------------ (4) the exposure ladder

export interface LadderAttempt {
  date: IsoDate;
  /** The SUDS rated for the attempt (the chosen series: peak when there is one). */
  value: number;
}

export interface LadderStep {
  step: number;
  /** The step's words from the ladder, or "Step 3". */
  label: string;
  /** Oldest first. */
  attempts: LadderAttempt[];
}

export interface LadderChartInput {
  title: string;
  /** What the values are: "SUDS peak". */
  valueLabel: string;
  min?: number | null;
  max?: number | null;
  /** Every step of the ladder, attempted or not, in order. */
  steps: LadderStep[];
  currentStep: number | null;
}

// ------------------------------------------------------------------ (5) items as a heat map

export interface HeatmapItem {
  key: string;
  /** Short label ("1 Interest", "9 Thoughts of self-harm"). */
  label: string;
}

export interface HeatmapChartInput {
  /** "PHQ-9 items". */
  title: string;
  items: HeatmapItem[];
  /** Item score range (PHQ-9: 0–3). */
  min: number;
  max: number;
  /** Oldest first; scores in the order of `items` (null: missing). */
  administrations: { date: IsoDate; scores: (number | null)[] }[];
}
