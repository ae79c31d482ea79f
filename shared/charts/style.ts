import { formatDate } from '../dates';
import type { ChartOption, DateRange, IsoDate } from './types';

/**
 * Okabe & Ito's colour-blind-safe palette (Okabe M, Ito K. Color Universal Design, 2008), the
 * eight colours told apart by people with any common colour-vision deficiency. Every series also
 * differs by marker shape or line style (SYMBOLS, DASHES), and filled areas by pattern, so no chart
 * relies on colour alone.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Series colours in order of use (yellow last: it is faint on white). */
export const SERIES_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
] as const;

/** Marker shapes in the same order as the colours. */
export const SYMBOLS = ['circle', 'triangle', 'rect', 'diamond', 'emptyCircle', 'emptyTriangle', 'emptyRect'] as const;
/** Line styles in the same order. */
export const DASHES = ['solid', 'dashed', 'dotted'] as const;

export const TEXT = '#1f2933';
export const MUTED = '#52606d';
export const GRID = '#d9dee3';

/**
 * Severity band fills, lightest first: grey steps that differ in lightness (which every eye
 * sees), each band also named in words on the chart.
 */
export const BAND_FILLS = ['#ffffff', '#f1f3f5', '#e3e7eb', '#d3d9de', '#c1c9d0', '#aeb8c1'] as const;

/** The fonts charts ask for: the PDF maps every family to its embedded DejaVu faces. */
export const CHART_FONT = 'DejaVu Sans, system-ui, sans-serif';

export const styleAt = (i: number) => ({
  color: SERIES_COLORS[i % SERIES_COLORS.length]!,
  symbol: SYMBOLS[i % SYMBOLS.length]!,
  dash: DASHES[i % DASHES.length]!,
});

/** A hatch pattern for bars and areas (a pattern, not only a colour). */
export const hatch = (color: string, lines = 'rgba(0,0,0,0.45)') => ({
  color: lines,
  backgroundColor: color,
  symbol: 'rect',
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: Math.PI / 4,
});

/** Options every chart shares: no animation, readable text, the description for screen readers. */
export function base(title: string, summary: string): ChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT, color: TEXT, fontSize: 12 },
    title: { text: title, left: 8, top: 6, textStyle: { fontSize: 14, fontWeight: 'bold', color: TEXT } },
    aria: { enabled: true, label: { enabled: true, description: summary } },
    color: [...SERIES_COLORS],
  };
}

/** A time axis over the range (or the data), labelled "3 Mar", years when they change. */
export function timeAxis(range: DateRange | undefined, dates: IsoDate[]): ChartOption['xAxis'] {
  const sorted = [...dates].sort();
  const min = range?.from ?? sorted[0];
  const max = range?.to ?? sorted.at(-1);
  return {
    type: 'time',
    ...(min ? { min } : {}),
    ...(max && max !== min ? { max } : {}),
    axisLine: { lineStyle: { color: MUTED } },
    axisLabel: {
      color: TEXT,
      hideOverlap: true,
      formatter: { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}', hour: '', minute: '', second: '', millisecond: '' },
    },
    splitLine: { show: false },
  };
}

/** A date in the tables and summaries: "3 Mar 2026". */
export const day = (iso: IsoDate): string => formatDate(iso, 'en-GB', 'medium');

/** A value axis's name, written along the axis (never under the title). */
export const axisName = (name: string, gap = 36) => ({
  name,
  nameLocation: 'middle' as const,
  nameGap: gap,
  nameRotate: 90,
  nameTextStyle: { color: TEXT },
});

/** Sorted copies by date. */
export const byDate = <T extends { date: IsoDate }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** Within the range (inclusive). */
export const inRange = (d: IsoDate, r: DateRange | undefined): boolean => (!r?.from || d >= r.from) && (!r?.to || d <= r.to);

/** "1 score", "3 scores". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A number as words show it: at most one decimal. */
export const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** "80%". */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The session dates as a row of small markers along the bottom of a time chart. */
export function sessionMarks(sessions: IsoDate[] | undefined, y: number, yAxisIndex = 0) {
  if (!sessions?.length) return [];
  return [
    {
      type: 'scatter' as const,
      name: 'Sessions',
      yAxisIndex,
      data: [...sessions].sort().map((d) => [d, y]),
      symbol: 'triangle',
      symbolSize: 7,
      itemStyle: { color: MUTED },
      z: 1,
      tooltip: { show: false },
    },
  ];
}

/** Shortens a note for a label on the chart (the table has it whole). */
export const short = (s: string, n = 22): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
