/**
 * Downsampling for drawing (issue 12: five years of daily records on screen ≤ 100 ms, in the
 * progress report ≤ 300 ms). A chart draws at most DRAWN_POINTS points per line: more than a
 * line's width in pixels on the widest screen, more than a printed chart's width in points. The
 * chart's data table keeps every point, and its text summary says that the line is thinned.
 *
 * Largest-Triangle-Three-Buckets (Sveinn Steinarsson, "Downsampling Time Series for Visual
 * Representation", University of Iceland, 2013): the first and last points are kept; the points
 * between are split into equal buckets and each bucket keeps the point that makes the largest
 * triangle with the point kept before it and the mean of the next bucket — the shape of the line
 * as the eye sees it. Then the lowest and highest values are put back where LTTB dropped them
 * (each replaces the point kept in its own bucket), so a chart never hides a peak or a low.
 */

/** Points per line a chart draws (the table keeps all of them). */
export const DRAWN_POINTS = 500;

/**
 * Exactly `target` of the points (all of them when there are no more than that; at least 4 are
 * kept when thinning), in their order: the first, the last, the lowest and the highest among them.
 * `x` and `y` read a point's position (x ascending, as on a time axis).
 */
export function lttb<P>(points: readonly P[], target: number, x: (p: P) => number, y: (p: P) => number): P[] {
  const n = points.length;
  const keep = Math.max(4, Math.floor(target));
  if (n <= keep) return [...points];
  const chosen: number[] = [0];
  const every = (n - 2) / (keep - 2);
  let a = 0;
  for (let i = 0; i < keep - 2; i++) {
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    // The mean of the next bucket (the last point, for the last bucket).
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let mx = 0;
    let my = 0;
    for (let j = end; j < nextEnd; j++) {
      mx += x(points[j]!);
      my += y(points[j]!);
    }
    mx /= nextEnd - end;
    my /= nextEnd - end;
    const ax = x(points[a]!);
    const ay = y(points[a]!);
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - mx) * (y(points[j]!) - ay) - (ax - x(points[j]!)) * (my - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    chosen.push(best);
    a = best;
  }
  chosen.push(n - 1);

  // The extremes, where LTTB left them out: each takes the place of the nearest point kept
  // (never the first, the last or the other extreme), so the count stays exact.
  let lo = 0;
  let hi = 0;
  for (let j = 1; j < n; j++) {
    if (y(points[j]!) < y(points[lo]!)) lo = j;
    if (y(points[j]!) > y(points[hi]!)) hi = j;
  }
  for (const e of [lo, hi]) {
    if (chosen.includes(e)) continue;
    let slot = -1;
    for (let k = 1; k < chosen.length - 1; k++) {
      const c = chosen[k]!;
      if (c === lo || c === hi) continue;
      if (slot < 0 || Math.abs(c - e) < Math.abs(chosen[slot]! - e)) slot = k;
    }
    chosen[slot] = e;
    chosen.sort((p, q) => p - q);
  }
  return chosen.map((i) => points[i]!);
}
