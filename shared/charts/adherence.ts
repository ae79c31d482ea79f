import { addDays } from '../dates';
import {
  axisName,
  base,
  byDate,
  count,
  day,
  GRID,
  hatch,
  inRange,
  num,
  OKABE_ITO,
  pct,
  sessionMarks,
  TEXT,
  timeAxis,
} from './style';
import type { AdherenceChartInput, Chart } from './types';

/** Practice done against expected, 0–1 and above (null when nothing was expected). */
export const practiceRatio = (w: { done: number; expected: number }): number | null =>
  w.expected > 0 ? w.done / w.expected : null;

/**
 * (2) Homework beside outcome, week by week on a time axis (the same axis as the measure charts):
 * hatched bars for practice done against what the frequencies asked for (capped at 100% on the
 * chart, the table has the counts), a line with round markers for completion rated in the
 * reviews; on the right axis the outcome measure when given, else review quality (0–4).
 */
export function adherenceChart(input: AdherenceChartInput): Chart {
  const range = input.range;
  const weeks = byDate(input.weeks.map((w) => ({ ...w, date: w.weekStart }))).filter(
    (w) => inRange(w.weekStart, range) || inRange(addDays(w.weekStart, 6), range),
  );
  const outcome = input.outcome ?? null;
  const outcomePoints = outcome ? byDate(outcome.points).filter((p) => inRange(p.date, range)) : [];
  const sessions = (input.sessions ?? []).filter((d) => inRange(d, range));
  const title = outcome ? `Homework beside ${outcome.name}` : 'Homework week by week';
  // A week's bar sits in its middle (Thursday).
  const mid = (w: string) => addDays(w, 3);

  const withExpected = weeks.filter((w) => w.expected > 0);
  const done = withExpected.reduce((s, w) => s + Math.min(w.done, w.expected), 0);
  const expected = withExpected.reduce((s, w) => s + w.expected, 0);
  const reviewed = weeks.filter((w) => w.completion !== null);
  const words: string[] = [];
  if (weeks.length === 0) words.push(`${title}: no homework in this period.`);
  else {
    words.push(
      `${title}: ${count(weeks.length, 'week')} from ${day(weeks[0]!.weekStart)} to ${day(addDays(weeks.at(-1)!.weekStart, 6))}.`,
    );
    if (expected > 0) words.push(`Practice records: ${done} of ${expected} expected practices (${pct(done / expected)}).`);
    const under = withExpected.filter((w) => w.done / w.expected < 0.5).length;
    if (under > 0) words.push(`${count(under, 'week')} under half of what was asked.`);
    if (reviewed.length) {
      const mean = reviewed.reduce((s, w) => s + w.completion!, 0) / reviewed.length;
      words.push(`Completion rated in ${count(reviewed.length, 'week')} of reviews: ${pct(mean)} on average.`);
    }
    const rated = weeks.filter((w) => w.quality !== null);
    if (rated.length) words.push(`Quality ${num(rated.reduce((s, w) => s + w.quality!, 0) / rated.length)} of 4 on average.`);
  }
  if (outcome) {
    const c = outcomePoints.filter((p) => p.total !== null);
    words.push(
      c.length
        ? `${outcome.name}: ${c[0]!.total} on ${day(c[0]!.date)}${c.length > 1 ? `, ${c.at(-1)!.total} on ${day(c.at(-1)!.date)}` : ''}.`
        : `${outcome.name}: no complete score in this period.`,
    );
  }
  const summary = words.join(' ');

  const rightAxis = outcome
    ? { type: 'value' as const, ...axisName(outcome.name, 30), min: outcome.min, max: outcome.max, position: 'right' as const }
    : { type: 'value' as const, ...axisName('Quality (0–4)', 30), min: 0, max: 4, interval: 1, position: 'right' as const };
  const roundTop = !outcome || outcome.max % 5 === 0;
  const option = {
    ...base(title, summary),
    grid: { left: 60, right: 56, top: 44, bottom: 54 },
    legend: { bottom: 4, left: 'center', itemWidth: 18, textStyle: { color: TEXT } },
    xAxis: timeAxis(range, [
      ...weeks.flatMap((w) => [w.weekStart, addDays(w.weekStart, 6)]),
      ...outcomePoints.map((p) => p.date),
    ]),
    yAxis: [
      {
        type: 'value' as const,
        ...axisName('% done', 44),
        min: 0,
        max: 100,
        axisLabel: { color: TEXT, formatter: '{value}%' },
        splitLine: { lineStyle: { color: GRID } },
      },
      { ...rightAxis, axisLabel: { color: TEXT, showMaxLabel: roundTop }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar' as const,
        name: 'Practice records (% of expected)',
        barMaxWidth: 26,
        data: weeks.map((w) => [
          mid(w.weekStart),
          practiceRatio(w) === null ? null : Math.round(Math.min(1, practiceRatio(w)!) * 100),
        ]),
        itemStyle: { color: OKABE_ITO.skyBlue, decal: hatch(OKABE_ITO.skyBlue), borderColor: OKABE_ITO.blue, borderWidth: 1 },
      },
      {
        type: 'line' as const,
        name: 'Completion in reviews (%)',
        data: weeks.map((w) => [mid(w.weekStart), w.completion === null ? null : Math.round(w.completion * 100)]),
        connectNulls: true,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: OKABE_ITO.bluishGreen, width: 2 },
        itemStyle: { color: OKABE_ITO.bluishGreen },
      },
      outcome
        ? {
            type: 'line' as const,
            name: outcome.name,
            yAxisIndex: 1,
            data: outcomePoints.map((p) => [p.date, p.total]),
            connectNulls: false,
            symbol: 'diamond',
            symbolSize: 10,
            lineStyle: { color: OKABE_ITO.vermillion, width: 2, type: 'dashed' as const },
            itemStyle: { color: OKABE_ITO.vermillion },
          }
        : {
            type: 'line' as const,
            name: 'Quality in reviews (0–4)',
            yAxisIndex: 1,
            data: weeks.map((w) => [mid(w.weekStart), w.quality]),
            connectNulls: true,
            symbol: 'triangle',
            symbolSize: 9,
            lineStyle: { color: OKABE_ITO.reddishPurple, width: 2, type: 'dashed' as const },
            itemStyle: { color: OKABE_ITO.reddishPurple },
          },
      ...sessionMarks(sessions, 0),
    ],
  };

  const rows = weeks.map((w) => [
    day(w.weekStart),
    w.done,
    w.expected,
    practiceRatio(w) === null ? null : pct(practiceRatio(w)!),
    w.completion === null ? null : pct(w.completion),
    w.quality === null ? null : num(w.quality),
    w.reviews,
  ]);
  const table = {
    caption: 'Homework by week',
    columns: ['Week of', 'Practised', 'Expected', 'Practice %', 'Completion (reviews)', 'Quality (0–4)', 'Reviews'],
    rows,
  };
  if (outcome) {
    table.columns.push(outcome.name);
    for (const r of rows) r.push(null);
    for (const p of outcomePoints) rows.push([day(p.date), null, null, null, null, null, null, p.total ?? 'incomplete']);
  }
  return { kind: 'adherence', title, option: option as Chart['option'], summary, table };
}
