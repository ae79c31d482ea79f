import { base, count, day, TEXT } from './style';
import type { Chart, HeatmapChartInput } from './types';

/**
 * Cell fills for item scores, lightest (0) to darkest (max): one hue (Okabe–Ito blue) in steps of
 * lightness, readable with any colour vision; every cell also prints its score.
 */
export const HEAT_COLORS = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

/**
 * (5) Items of a questionnaire as a heat map: one column per administration (oldest left), one
 * row per item (first at the top), the score written in each cell. A missing item is an empty
 * (white) cell, and a dash in the table. The caller leaves out items that must not be shown (item 9 for a client).
 */
export function heatmapChart(input: HeatmapChartInput): Chart {
  const admins = [...input.administrations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const title = input.title;
  const dates = admins.map((a) => day(a.date));
  const n = input.items.length;
  // Scores in the darker half of the fills print in white.
  const dark = (v: number) => (v - input.min) / Math.max(1, input.max - input.min) > 0.5;
  const data: { value: [number, number, number | '-']; label?: { color: string } }[] = [];
  admins.forEach((a, x) =>
    input.items.forEach((_, i) => {
      const v = a.scores[i];
      const value: [number, number, number | '-'] = [x, n - 1 - i, v === null || v === undefined ? '-' : v];
      data.push(typeof value[2] === 'number' && dark(value[2]) ? { value, label: { color: '#ffffff' } } : { value });
    }),
  );

  const words: string[] = [];
  if (admins.length === 0) words.push(`${title}: no administrations yet.`);
  else {
    words.push(`${title}: ${count(n, 'item')} over ${count(admins.length, 'administration')}, ${dates[0]} to ${dates.at(-1)}.`);
    const last = admins.at(-1)!;
    const high = input.items.filter((_, i) => last.scores[i] === input.max).map((it) => it.label);
    if (high.length) words.push(`Highest score (${input.max}) on the latest: ${high.join(', ')}.`);
    const missing = admins.reduce((s, a) => s + a.scores.filter((v) => v === null).length, 0);
    if (missing) words.push(`${count(missing, 'item score')} missing.`);
  }
  const summary = words.join(' ');

  const steps = input.max - input.min + 1;
  const pieces = Array.from({ length: steps }, (_, k) => ({
    value: input.min + k,
    label: String(input.min + k),
    color: HEAT_COLORS[Math.round((k * (HEAT_COLORS.length - 1)) / Math.max(1, steps - 1))]!,
  }));
  const option = {
    ...base(title, summary),
    grid: { left: 150, right: 24, top: 44, bottom: 64 },
    xAxis: { type: 'category' as const, data: dates, axisLabel: { color: TEXT, hideOverlap: true }, splitArea: { show: false } },
    yAxis: {
      type: 'category' as const,
      data: [...input.items].reverse().map((it) => it.label),
      axisLabel: { color: TEXT, width: 140, overflow: 'truncate' as const },
    },
    visualMap: {
      type: 'piecewise' as const,
      pieces,
      orient: 'horizontal' as const,
      left: 'center',
      bottom: 4,
      textStyle: { color: TEXT },
      outOfRange: { color: '#ffffff' },
    },
    series: [
      {
        type: 'heatmap' as const,
        name: title,
        data,
        label: { show: true, color: TEXT, fontSize: 11 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { disabled: true },
      },
    ],
  };

  return {
    kind: 'heatmap',
    title,
    option: option as Chart['option'],
    summary,
    table: {
      caption: title,
      columns: ['Item', ...dates],
      rows: input.items.map((it, i) => [it.label, ...admins.map((a) => a.scores[i] ?? null)]),
    },
  };
}
