import {
  BAND_FILLS,
  base,
  byDate,
  count,
  day,
  GRID,
  inRange,
  MUTED,
  OKABE_ITO,
  sessionMarks,
  short,
  TEXT,
  timeAxis,
} from './style';
import type { Chart, MeasureChartInput, MeasureScale } from './types';

/** The band a total falls in (null when the measure has no bands or the total is outside them). */
export function bandOf(scale: MeasureScale, total: number): string | null {
  return scale.bands.find((b) => total >= b.from && total <= b.to)?.label ?? null;
}

/**
 * (1) A measure over time: totals as a line with markers; the severity bands shaded behind (grey
 * steps, each named at the right); the caseness line; the reliable-change band around the first
 * complete score; session dates along the bottom; life events as dated vertical notes. An
 * incomplete result (a missing item) is a gap in the line and "incomplete" in the table.
 */
export function measureChart(input: MeasureChartInput): Chart {
  const { measure: m, range } = input;
  const points = byDate(input.points).filter((p) => inRange(p.date, range));
  const sessions = (input.sessions ?? []).filter((d) => inRange(d, range));
  const events = byDate(input.events ?? []).filter((e) => inRange(e.date, range));
  const complete = points.filter((p): p is { date: string; total: number } => p.total !== null);
  const first = complete[0];
  const last = complete.at(-1);
  const title = `${m.name} over time`;

  // Words first: the summary is also the chart's accessible description.
  const words: string[] = [];
  if (complete.length === 0) {
    words.push(`${title}: no complete ${m.name} score${range?.from || range?.to ? ' in this period' : ''} yet.`);
  } else {
    words.push(
      `${title}: ${count(complete.length, 'complete score')} from ${day(first!.date)} to ${day(last!.date)} (range ${m.min}–${m.max}, higher is more severe).`,
    );
    const band = (t: number) => (bandOf(m, t) ? ` (${bandOf(m, t)})` : '');
    if (complete.length === 1) words.push(`The score was ${first!.total}${band(first!.total)}.`);
    else {
      const change = last!.total - first!.total;
      const dir = change < 0 ? `${-change} points lower` : change > 0 ? `${change} points higher` : 'unchanged';
      let reliable = '';
      if (m.reliableChange !== null && change !== 0) {
        reliable =
          Math.abs(change) >= m.reliableChange
            ? `, a reliable ${change < 0 ? 'improvement' : 'deterioration'} (${m.reliableChange} points or more)`
            : `, within the reliable-change band of ±${m.reliableChange}`;
      }
      words.push(`First ${first!.total}${band(first!.total)}, latest ${last!.total}${band(last!.total)}: ${dir}${reliable}.`);
    }
    if (m.caseness !== null) {
      words.push(`Caseness at ${m.caseness}: the latest score is ${last!.total >= m.caseness ? 'at or above' : 'below'} it.`);
    }
  }
  const incomplete = points.length - complete.length;
  if (incomplete > 0) words.push(`${count(incomplete, 'result')} incomplete (an item missing), shown as a gap.`);
  if (events.length) words.push(`Notes: ${events.map((e) => `${day(e.date)} ${e.label}`).join('; ')}.`);
  const summary = words.join(' ');

  // Shaded bands: each from its lower edge up to the next band's (the last to the maximum).
  const bandAreas = m.bands.map((b, i) => [
    {
      name: b.label,
      yAxis: b.from,
      itemStyle: { color: BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)], opacity: 1 },
      label: { show: true, position: 'insideRight' as const, color: MUTED, fontSize: 10 },
    },
    { yAxis: m.bands[i + 1]?.from ?? m.max },
  ]);
  const rcArea =
    first && m.reliableChange !== null
      ? [
          [
            {
              name: `Reliable change ±${m.reliableChange}`,
              yAxis: Math.max(m.min, first.total - m.reliableChange),
              itemStyle: {
                color: 'rgba(86,180,233,0.22)',
                borderColor: OKABE_ITO.blue,
                borderWidth: 1,
                borderType: 'dashed' as const,
              },
              label: { show: true, position: 'insideTopLeft' as const, color: OKABE_ITO.blue, fontSize: 10 },
            },
            { yAxis: Math.min(m.max, first.total + m.reliableChange) },
          ],
        ]
      : [];

  const markLines: object[] = [];
  if (m.caseness !== null) {
    markLines.push({
      name: 'Caseness',
      yAxis: m.caseness,
      lineStyle: { color: OKABE_ITO.vermillion, type: 'dashed', width: 1.5 },
      label: { formatter: `Caseness ${m.caseness}`, position: 'insideStartTop', color: OKABE_ITO.vermillion, fontSize: 10 },
    });
  }
  for (const e of events) {
    markLines.push({
      name: e.label,
      xAxis: e.date,
      lineStyle: { color: MUTED, type: 'dotted', width: 1 },
      label: { formatter: short(e.label), position: 'insideEndTop', color: TEXT, fontSize: 10 },
    });
  }

  const option = {
    ...base(title, summary),
    grid: { left: 44, right: 24, top: 44, bottom: 54, containLabel: false },
    legend: { bottom: 4, left: 'center', itemWidth: 18, textStyle: { color: TEXT } },
    xAxis: timeAxis(range, [...points.map((p) => p.date), ...sessions, ...events.map((e) => e.date)]),
    yAxis: {
      type: 'value' as const,
      min: m.min,
      max: m.max,
      // 27 would crowd 25: the top is labelled only when it is a round number.
      axisLabel: { color: TEXT, showMaxLabel: m.max % 5 === 0 },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'line' as const,
        name: m.name,
        data: points.map((p) => [p.date, p.total]),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: OKABE_ITO.blue, width: 2.5 },
        itemStyle: { color: OKABE_ITO.blue },
        label: { show: points.length <= 24, position: 'top' as const, color: TEXT, fontSize: 10 },
        z: 3,
        markArea: { silent: true, data: [...bandAreas, ...rcArea] },
        markLine: { silent: true, symbol: ['none', 'none'], data: markLines },
      },
      ...sessionMarks(sessions, m.min),
    ],
  };

  const change = (t: number) => {
    if (!first || m.reliableChange === null) return null;
    const d = t - first.total;
    return d === 0 ? '0' : `${d > 0 ? '+' : ''}${d}`;
  };
  const entries = byDate([
    ...points.map((p) => ({
      date: p.date,
      cells: [
        p.total === null ? 'incomplete' : p.total,
        p.total === null ? null : bandOf(m, p.total),
        p.total === null || m.caseness === null ? null : p.total >= m.caseness ? 'yes' : 'no',
        p.total === null ? null : change(p.total),
        null,
      ],
    })),
    ...events.map((e) => ({ date: e.date, cells: [null, null, null, null, e.label] })),
  ]);
  const rows = entries.map((e) => [day(e.date), ...e.cells]);
  return {
    kind: 'measure',
    title,
    option: option as Chart['option'],
    summary,
    table: {
      caption: `${m.name} scores`,
      columns: [
        'Date',
        'Total',
        'Severity',
        m.caseness !== null ? `Case (≥ ${m.caseness})` : 'Case',
        'Change from first',
        'Note',
      ],
      rows,
    },
  };
}
