import { describe, expect, it } from 'vitest';
import { DRAWN_POINTS, lttb, seriesChart } from '../../shared/charts';
import { addDays } from '../../shared/dates';

type P = { x: number; y: number };
const px = (p: P) => p.x;
const py = (p: P) => p.y;
/** A wavy line with noise (deterministic), `n` points. */
const wave = (n: number): P[] => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 30) * 10 + ((i * 37) % 11) / 3 }));

describe('lttb (drawing five years of daily records)', () => {
  it('keeps exactly the number asked for, in order, from the points given', () => {
    for (const [n, target] of [
      [2000, 500],
      [2001, 500],
      [1000, 7],
      [503, 500],
      [10, 4],
    ] as const) {
      const pts = wave(n);
      const out = lttb(pts, target, px, py);
      expect(out).toHaveLength(target);
      for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
      for (const p of out) expect(pts).toContain(p);
    }
  });

  it('keeps the first, the last, the lowest and the highest', () => {
    const pts = wave(2000);
    pts[1234] = { x: 1234, y: -99 };
    pts[777] = { x: 777, y: 99 };
    // Both extremes in one bucket, next to each other.
    const close = wave(2000);
    close[1500] = { x: 1500, y: -50 };
    close[1501] = { x: 1501, y: 50 };
    for (const p of [pts, close]) {
      for (const target of [500, 20, 4]) {
        const out = lttb(p, target, px, py);
        expect(out).toHaveLength(target);
        expect(out[0]).toBe(p[0]);
        expect(out.at(-1)).toBe(p.at(-1));
        expect(Math.min(...out.map(py))).toBe(Math.min(...p.map(py)));
        expect(Math.max(...out.map(py))).toBe(Math.max(...p.map(py)));
        for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
      }
    }
  });

  it('returns every point when there are no more than asked for', () => {
    const pts = wave(300);
    expect(lttb(pts, 500, px, py)).toEqual(pts);
    expect(lttb([], 500, px, py)).toEqual([]);
  });

  it('follows the shape: a step stays a step', () => {
    const step = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i < 500 ? 0 : 10 }));
    const out = lttb(step, 50, px, py);
    // The corner points of the step are kept (the largest triangles).
    expect(out.some((p) => p.x === 499 || p.x === 500)).toBe(true);
  });
});

describe('seriesChart of five years of daily records', () => {
  const points = Array.from({ length: 2000 }, (_, i) => ({ date: addDays('2021-01-01', i), value: (i * 7) % 11 }));
  const chart = seriesChart({ title: 'Mood log', unit: null, min: 0, max: 10, lines: [{ key: 'm', label: 'Mood', points }] });
  const series = (chart.option as { series: { name?: string; data: unknown[]; showSymbol?: boolean }[] }).series.filter(
    (s) => s.name === 'Mood',
  );

  it('draws DRAWN_POINTS points as one line without a marker per point; the table keeps every entry', () => {
    expect(series).toHaveLength(1);
    expect(series[0]!.data).toHaveLength(DRAWN_POINTS);
    expect(series[0]!.showSymbol).toBe(false);
    expect(chart.table.rows).toHaveLength(2000);
  });

  it('says so in its text summary, with the figures of every entry', () => {
    expect(chart.summary).toContain('Mood: 2000 entries');
    expect(chart.summary).toContain(`drawn from ${DRAWN_POINTS} of them`);
    expect(chart.summary).toContain('the table lists every entry');
  });

  it('draws a short line whole, with its markers', () => {
    const short = seriesChart({
      title: 'Mood log',
      unit: null,
      min: 0,
      max: 10,
      lines: [{ key: 'm', label: 'Mood', points: points.slice(0, 60) }],
    });
    const s = (short.option as { series: { name?: string; data: unknown[]; showSymbol?: boolean }[] }).series.find(
      (x) => x.name === 'Mood',
    )!;
    expect(s.data).toHaveLength(60);
    expect(s.showSymbol).toBe(true);
    expect(short.summary).not.toContain('drawn from');
  });
});
