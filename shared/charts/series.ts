import { axisName, base, byDate, count, day, DASHES, GRID, inRange, num, sessionMarks, styleAt, TEXT, timeAxis } from './style';
import { DRAWN_POINTS, lttb } from './downsample';
import type { Chart, SeriesChartInput } from './types';

/** More points than this on a line: no marker per point. */
const DENSE = 150;

/**
 * (3) Numbers of one worksheet over time, from the worksheet's own series (SUDS before / peak /
 * after, mood, belief before and after, hours slept): one line per series, each with its own
 * colour, marker and line style.
 */
export function seriesChart(input: SeriesChartInput): Chart {
  const range = input.range;
  const lines = input.lines.map((l) => ({ ...l, points: byDate(l.points).filter((p) => inRange(p.date, range)) }));
  const all = lines.flatMap((l) => l.points);
  const unit = input.unit ? ` (${input.unit})` : '';
  const title = `${input.title}${lines.length === 1 ? `: ${lines[0]!.label}` : ''}`;
  const sessions = (input.sessions ?? []).filter((d) => inRange(d, range));

  const words: string[] = [];
  if (all.length === 0) words.push(`${title}: no entries in this period.`);
  else {
    const dates = all.map((p) => p.date).sort();
    words.push(`${title}: entries from ${day(dates[0]!)} to ${day(dates.at(-1)!)}.`);
    for (const l of lines) {
      if (!l.points.length) {
        words.push(`${l.label}: no entries.`);
        continue;
      }
      const vals = l.points.map((p) => p.value);
      const mean = vals.reduce((s, v) => s + v, 0) / vals.length;
      words.push(
        `${l.label}: ${count(vals.length, 'entry', 'entries')}, first ${num(vals[0]!)}, latest ${num(vals.at(-1)!)}${unit}, lowest ${num(Math.min(...vals))}, highest ${num(Math.max(...vals))}, mean ${num(mean)}.`,
      );
    }
  }
  // Drawn: at most DRAWN_POINTS per line (its shape, lowest and highest kept); the table keeps all.
  const drawn = lines.map((l) =>
    lttb(
      l.points,
      DRAWN_POINTS,
      (p) => Date.parse(p.date),
      (p) => p.value,
    ),
  );
  if (lines.some((l, i) => drawn[i]!.length < l.points.length)) {
    words.push(
      `A line of more than ${count(DRAWN_POINTS, 'entry', 'entries')} is drawn from ${DRAWN_POINTS} of them, chosen to keep its shape, its lowest and its highest; the table lists every entry.`,
    );
  }
  const summary = words.join(' ');
  // Dense lines are drawn as lines alone (one path each); their dash patterns and colours tell them apart.
  const dense = drawn.some((d) => d.length > DENSE);

  const option = {
    ...base(title, summary),
    grid: { left: 60, right: 24, top: 44, bottom: 54 },
    legend: { bottom: 4, left: 'center', itemWidth: 22, textStyle: { color: TEXT } },
    xAxis: timeAxis(
      range,
      all.map((p) => p.date),
    ),
    yAxis: {
      type: 'value' as const,
      ...axisName(input.unit ?? ''),
      ...(input.min != null ? { min: input.min } : {}),
      ...(input.max != null ? { max: input.max } : {}),
      axisLabel: { color: TEXT },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      ...lines.map((l, i) => {
        const s = styleAt(i);
        return {
          type: 'line' as const,
          name: l.label,
          data: drawn[i]!.map((p) => [p.date, p.value]),
          symbol: s.symbol,
          symbolSize: all.length > 400 ? 4 : 8,
          showSymbol: !dense,
          lineStyle: { color: s.color, width: 2, type: DASHES[i % DASHES.length] },
          itemStyle: { color: s.color },
        };
      }),
      ...sessionMarks(sessions, input.min ?? 0),
    ],
  };

  // One row per date (and per entry, when a date has several), one column per series.
  const rows: (string | number | null)[][] = [];
  const keyed = byDate(lines.flatMap((l, i) => l.points.map((p) => ({ ...p, i }))));
  const perDate = new Map<string, (number | null)[][]>();
  for (const p of keyed) {
    const list = perDate.get(p.date) ?? [];
    let row = list.find((r) => r[p.i] === null);
    if (!row) list.push((row = lines.map(() => null)));
    row[p.i] = p.value;
    perDate.set(p.date, list);
  }
  for (const [d, list] of perDate) for (const r of list) rows.push([day(d), ...r]);
  return {
    kind: 'series',
    title,
    option: option as Chart['option'],
    summary,
    table: { caption: title, columns: ['Date', ...lines.map((l) => `${l.label}${unit}`)], rows },
  };
}
