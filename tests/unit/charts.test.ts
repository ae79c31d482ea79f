import { describe, expect, it } from 'vitest';
import {
  adherenceChart,
  bandOf,
  heatmapChart,
  ladderChart,
  measureChart,
  OKABE_ITO,
  seriesChart,
  type Chart,
  type MeasureScale,
} from '../../shared/charts';

/** PHQ-9 as the issue gives it (bands 0–4 … 20–27, caseness 10, reliable change 6). */
const PHQ9: MeasureScale = {
  name: 'PHQ-9',
  min: 0,
  max: 27,
  bands: [
    { from: 0, to: 4, label: 'Minimal' },
    { from: 5, to: 9, label: 'Mild' },
    { from: 10, to: 14, label: 'Moderate' },
    { from: 15, to: 19, label: 'Moderately severe' },
    { from: 20, to: 27, label: 'Severe' },
  ],
  caseness: 10,
  reliableChange: 6,
};

type AnySeries = {
  type: string;
  name: string;
  data: unknown[];
  markArea?: { data: [Record<string, unknown>, Record<string, unknown>][] };
  markLine?: { data: Record<string, unknown>[] };
  itemStyle?: Record<string, unknown>;
  symbol?: string;
  lineStyle?: Record<string, unknown>;
};
const seriesOf = (c: Chart) => (c.option as { series: AnySeries[] }).series;
const find = (c: Chart, name: string) => seriesOf(c).find((s) => s.name === name)!;

describe('chart definitions share their habits', () => {
  const charts = [
    measureChart({ measure: PHQ9, points: [{ date: '2026-01-05', total: 12 }] }),
    adherenceChart({ weeks: [{ weekStart: '2026-01-05', done: 3, expected: 5, completion: 0.5, quality: 2, reviews: 1 }] }),
    seriesChart({
      title: 'Sleep diary',
      lines: [{ key: 'sleep.hours', label: 'Hours slept', points: [{ date: '2026-01-05', value: 6 }] }],
    }),
    ladderChart({
      title: 'Fear ladder',
      valueLabel: 'SUDS peak',
      steps: [{ step: 1, label: 'Station', attempts: [] }],
      currentStep: 1,
    }),
    heatmapChart({ title: 'PHQ-9 items', items: [{ key: '1', label: '1 Interest' }], min: 0, max: 3, administrations: [] }),
  ];
  it.each(charts.map((c) => [c.kind, c]))('%s: no animation, aria description = summary, plain data (JSON-safe)', (_k, c) => {
    const o = c.option as Record<string, unknown>;
    expect(o.animation).toBe(false);
    expect((o.aria as { label: { description: string } }).label.description).toBe(c.summary);
    expect(c.summary.length).toBeGreaterThan(10);
    expect(JSON.parse(JSON.stringify(c.option))).toEqual(c.option);
    for (const r of c.table.rows) expect(r).toHaveLength(c.table.columns.length);
  });
});

describe('measureChart', () => {
  const chart = measureChart({
    measure: PHQ9,
    points: [
      { date: '2026-03-02', total: 8 },
      { date: '2026-01-05', total: 18 },
      { date: '2026-02-02', total: null },
      { date: '2026-01-19', total: 16 },
    ],
    sessions: ['2026-01-05', '2026-01-12', '2026-01-19'],
    events: [{ date: '2026-02-09', label: 'Lost job' }],
  });
  const line = find(chart, 'PHQ-9');

  it('draws the totals by date with a gap for the incomplete result', () => {
    expect(line.data).toEqual([
      ['2026-01-05', 18],
      ['2026-01-19', 16],
      ['2026-02-02', null],
      ['2026-03-02', 8],
    ]);
  });

  it('shades every severity band from its lower edge to the next', () => {
    const areas = line.markArea!.data.filter(([a]) => !String(a.name).startsWith('Reliable'));
    expect(areas.map(([a, b]) => [a.name, a.yAxis, b.yAxis])).toEqual([
      ['Minimal', 0, 5],
      ['Mild', 5, 10],
      ['Moderate', 10, 15],
      ['Moderately severe', 15, 20],
      ['Severe', 20, 27],
    ]);
  });

  it('has the caseness line at 10 and the reliable-change band ±6 around the first complete score', () => {
    const caseness = line.markLine!.data.find((d) => d.name === 'Caseness')!;
    expect(caseness.yAxis).toBe(10);
    const rc = line.markArea!.data.find(([a]) => String(a.name).startsWith('Reliable'))!;
    expect([rc[0].yAxis, rc[1].yAxis]).toEqual([12, 24]);
  });

  it('clips the reliable-change band to the scale', () => {
    const c = measureChart({ measure: PHQ9, points: [{ date: '2026-01-05', total: 24 }] });
    const rc = find(c, 'PHQ-9').markArea!.data.find(([a]) => String(a.name).startsWith('Reliable'))!;
    expect([rc[0].yAxis, rc[1].yAxis]).toEqual([18, 27]);
  });

  it('marks session dates and life events', () => {
    expect(find(chart, 'Sessions').data).toEqual([
      ['2026-01-05', 0],
      ['2026-01-12', 0],
      ['2026-01-19', 0],
    ]);
    const ev = line.markLine!.data.find((d) => d.xAxis === '2026-02-09')!;
    expect(ev.name).toBe('Lost job');
  });

  it('summarises in words: first, latest, reliable improvement, caseness, incomplete, notes', () => {
    expect(chart.summary).toContain('3 complete scores from 5 Jan 2026 to 2 Mar 2026');
    expect(chart.summary).toContain('First 18 (moderately severe'.replace('moderately severe', 'Moderately severe'));
    expect(chart.summary).toContain('latest 8 (Mild): 10 points lower, a reliable improvement (6 points or more)');
    expect(chart.summary).toContain('Caseness at 10: the latest score is below it.');
    expect(chart.summary).toContain('1 result incomplete');
    expect(chart.summary).toContain('9 Feb 2026 Lost job');
  });

  it('says when a change stays within the reliable-change band', () => {
    const c = measureChart({
      measure: PHQ9,
      points: [
        { date: '2026-01-05', total: 12 },
        { date: '2026-02-05', total: 15 },
      ],
    });
    expect(c.summary).toContain('3 points higher, within the reliable-change band of ±6');
    expect(c.summary).toContain('at or above it');
  });

  it('tabulates the same data, events in date order', () => {
    expect(chart.table.columns).toEqual(['Date', 'Total', 'Severity', 'Case (≥ 10)', 'Change from first', 'Note']);
    expect(chart.table.rows).toEqual([
      ['5 Jan 2026', 18, 'Moderately severe', 'yes', '0', null],
      ['19 Jan 2026', 16, 'Moderately severe', 'yes', '-2', null],
      ['2 Feb 2026', 'incomplete', null, null, null, null],
      ['9 Feb 2026', null, null, null, null, 'Lost job'],
      ['2 Mar 2026', 8, 'Mild', 'no', '-10', null],
    ]);
  });

  it('keeps to the date range', () => {
    const c = measureChart({
      measure: PHQ9,
      points: [
        { date: '2026-01-05', total: 18 },
        { date: '2026-03-02', total: 8 },
      ],
      range: { from: '2026-02-01' },
    });
    expect(find(c, 'PHQ-9').data).toEqual([['2026-03-02', 8]]);
    expect((c.option as { xAxis: { min: string } }).xAxis.min).toBe('2026-02-01');
  });

  it('bandOf finds the band at every edge', () => {
    expect([0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map((t) => bandOf(PHQ9, t))).toEqual([
      'Minimal',
      'Minimal',
      'Mild',
      'Mild',
      'Moderate',
      'Moderate',
      'Moderately severe',
      'Moderately severe',
      'Severe',
      'Severe',
    ]);
  });

  it('says so when there is no complete score', () => {
    const c = measureChart({ measure: PHQ9, points: [] });
    expect(c.summary).toBe('PHQ-9 over time: no complete PHQ-9 score yet.');
    expect(c.table.rows).toEqual([]);
  });
});

describe('adherenceChart', () => {
  const weeks = [
    { weekStart: '2026-01-12', done: 5, expected: 5, completion: 1, quality: 3, reviews: 1 },
    { weekStart: '2026-01-05', done: 1, expected: 5, completion: 0.5, quality: 2, reviews: 2 },
    { weekStart: '2026-01-19', done: 7, expected: 5, completion: null, quality: null, reviews: 0 },
  ];
  const chart = adherenceChart({ weeks });

  it('puts practice as hatched bars (capped at 100%) and completion as a line, week by week', () => {
    const bars = find(chart, 'Practice records (% of expected)');
    expect(bars.type).toBe('bar');
    expect(bars.data).toEqual([
      ['2026-01-08', 20],
      ['2026-01-15', 100],
      ['2026-01-22', 100],
    ]);
    expect(bars.itemStyle!.decal).toBeTruthy();
    expect(find(chart, 'Completion in reviews (%)').data).toEqual([
      ['2026-01-08', 50],
      ['2026-01-15', 100],
      ['2026-01-22', null],
    ]);
    expect(find(chart, 'Quality in reviews (0–4)').symbol).toBe('triangle');
  });

  it('draws the outcome on the right axis when given', () => {
    const c = adherenceChart({ weeks, outcome: { name: 'PHQ-9', min: 0, max: 27, points: [{ date: '2026-01-05', total: 15 }] } });
    expect(c.title).toBe('Homework beside PHQ-9');
    const o = find(c, 'PHQ-9') as AnySeries & { yAxisIndex: number };
    expect(o.yAxisIndex).toBe(1);
    expect(c.table.columns.at(-1)).toBe('PHQ-9');
    expect(c.table.rows.at(-1)).toEqual(['5 Jan 2026', null, null, null, null, null, null, 15]);
  });

  it('summarises and tabulates', () => {
    expect(chart.summary).toContain('3 weeks from 5 Jan 2026 to 25 Jan 2026');
    expect(chart.summary).toContain('Practice records: 11 of 15 expected practices (73%)');
    expect(chart.summary).toContain('1 week under half of what was asked');
    expect(chart.table.rows[0]).toEqual(['5 Jan 2026', 1, 5, '20%', '50%', '2', 2]);
    expect(chart.table.rows[2]).toEqual(['19 Jan 2026', 7, 5, '140%', null, null, 0]);
  });
});

describe('seriesChart', () => {
  const chart = seriesChart({
    title: 'Exposure practice log',
    unit: 'SUDS',
    min: 0,
    max: 100,
    lines: [
      {
        key: 'practice.suds-before',
        label: 'SUDS before',
        points: [
          { date: '2026-01-06', value: 60 },
          { date: '2026-01-05', value: 70 },
        ],
      },
      { key: 'practice.suds-peak', label: 'SUDS peak', points: [{ date: '2026-01-05', value: 85 }] },
    ],
  });
  it('draws one line per series, each with its own colour, marker and dash', () => {
    const s = seriesOf(chart);
    expect(s.map((x) => x.name)).toEqual(['SUDS before', 'SUDS peak']);
    expect(s[0]!.data).toEqual([
      ['2026-01-05', 70],
      ['2026-01-06', 60],
    ]);
    expect(new Set(s.map((x) => x.symbol)).size).toBe(2);
    expect(new Set(s.map((x) => x.lineStyle!.type)).size).toBe(2);
    expect(s[0]!.lineStyle!.color).toBe(OKABE_ITO.blue);
    expect((chart.option as { yAxis: { min: number; max: number } }).yAxis).toMatchObject({ min: 0, max: 100 });
  });
  it('summarises and tabulates by date', () => {
    expect(chart.summary).toContain('SUDS before: 2 entries, first 70, latest 60 (SUDS)');
    expect(chart.table.columns).toEqual(['Date', 'SUDS before (SUDS)', 'SUDS peak (SUDS)']);
    expect(chart.table.rows).toEqual([
      ['5 Jan 2026', 70, 85],
      ['6 Jan 2026', 60, null],
    ]);
  });
});

describe('ladderChart', () => {
  const chart = ladderChart({
    title: 'Fear ladder',
    valueLabel: 'SUDS peak',
    min: 0,
    max: 100,
    steps: [
      { step: 2, label: 'Platform', attempts: [{ date: '2026-01-20', value: 76 }] },
      {
        step: 1,
        label: 'Station entrance',
        attempts: [
          { date: '2026-01-05', value: 82 },
          { date: '2026-01-07', value: 61 },
        ],
      },
      { step: 3, label: 'One stop', attempts: [] },
    ],
    currentStep: 2,
  });
  it('shows every attempt, first and latest per step, and marks the current step', () => {
    expect(find(chart, 'Every attempt').data).toEqual([
      ['1', 82],
      ['1', 61],
      ['2', 76],
    ]);
    expect(find(chart, 'First attempt').data).toEqual([
      ['1', 82],
      ['2', 76],
      ['3', null],
    ]);
    expect(find(chart, 'Latest attempt').data).toEqual([
      ['1', 61],
      ['2', null],
      ['3', null],
    ]);
    const current = find(chart, 'Current step') as AnySeries & { label: { formatter: string } };
    expect(current.type).toBe('bar');
    expect(current.data).toEqual([null, 100, null]);
    expect(current.label.formatter).toBe('Platform');
    expect(current.itemStyle!.decal).toBeTruthy();
  });
  it('summarises and tabulates', () => {
    expect(chart.summary).toContain('3 attempts on 2 steps of 3');
    expect(chart.summary).toContain('Step 1: 2 attempts, SUDS peak from 82 to 61.');
    expect(chart.summary).toContain('Current step: 2, Platform.');
    expect(chart.table.rows[1]).toEqual([2, 'Platform', 1, 76, 76, '20 Jan 2026: 76', 'yes']);
  });
});

describe('heatmapChart', () => {
  const chart = heatmapChart({
    title: 'PHQ-9 items',
    items: [
      { key: '1', label: '1 Interest' },
      { key: '2', label: '2 Feeling down' },
    ],
    min: 0,
    max: 3,
    administrations: [
      { date: '2026-02-02', scores: [1, null] },
      { date: '2026-01-05', scores: [3, 2] },
    ],
  });
  it('puts administrations left to right, the first item at the top, a dash for a missing score', () => {
    const data = (seriesOf(chart)[0]!.data as { value: unknown[] }[]).map((d) => d.value);
    expect(data).toEqual([
      [0, 1, 3],
      [0, 0, 2],
      [1, 1, 1],
      [1, 0, '-'],
    ]);
    const y = (chart.option as { yAxis: { data: string[] } }).yAxis.data;
    expect(y).toEqual(['2 Feeling down', '1 Interest']);
  });
  it('prints the score in every cell, with four lightness steps for 0–3', () => {
    expect((seriesOf(chart)[0] as unknown as { label: { show: boolean } }).label.show).toBe(true);
    const vm = (chart.option as { visualMap: { pieces: { value: number; color: string }[] } }).visualMap;
    expect(vm.pieces.map((p) => p.value)).toEqual([0, 1, 2, 3]);
    expect(new Set(vm.pieces.map((p) => p.color)).size).toBe(4);
  });
  it('summarises and tabulates', () => {
    expect(chart.summary).toContain('2 items over 2 administrations, 5 Jan 2026 to 2 Feb 2026');
    expect(chart.summary).toContain('1 item score missing');
    expect(chart.table.rows).toEqual([
      ['1 Interest', 3, 1],
      ['2 Feeling down', 2, null],
    ]);
  });
});
