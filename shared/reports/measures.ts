/**
 * Outcome measures as charts (issue 9, charts 1 and 5), one mapping for the Progress tab and the
 * progress report: stored results (shared/measures) → the chart inputs of shared/charts.
 *
 * Client-safe by construction where it matters: `itemHeatmaps(…, 'client')` leaves PHQ-9 item 9
 * out of the rows (its label, its scores and the summary that names items).
 */
import {
  heatmapChart,
  measureChart,
  seriesChart,
  type Chart,
  type ChartEvent,
  type DateRange,
  type HeatmapChartInput,
  type MeasureScale,
} from '../charts';
import {
  MEASURES,
  PHQ9_ITEM9_NUMBER,
  rciCriterion,
  STANDARD_MEASURE_KEYS,
  type MeasureKey,
  type RciParameters,
  type StandardMeasureKey,
} from '../measures';

export type ReportAudience = 'clinician' | 'client';

/** What charts need of a stored result (the contract's MeasureResult has more). */
export interface ResultForCharts {
  measure: MeasureKey;
  administeredOn: string;
  total: number | null;
  answers: readonly (number | null)[];
}

/**
 * Short item labels for the heat map rows (the full wording is in shared/measures). Item 9 of the
 * PHQ-9 is named for the clinician only; the client's heat map has no row for it.
 */
export const ITEM_LABELS: Record<'phq9' | 'gad7', readonly string[]> = {
  phq9: [
    '1 Little interest',
    '2 Feeling down',
    '3 Sleep',
    '4 Tired, little energy',
    '5 Appetite',
    '6 Bad about self',
    '7 Concentration',
    '8 Slowed or restless',
    '9 Self-harm thoughts',
  ],
  gad7: [
    '1 Nervous, on edge',
    '2 Can’t stop worrying',
    '3 Worrying too much',
    '4 Trouble relaxing',
    '5 Restless',
    '6 Irritable',
    '7 Afraid of the worst',
  ],
};

/**
 * Where the default Jacobson–Truax SD and r come from (the same sources as the comments in
 * shared/measures/definitions.ts), for the clinician's report and the change panel.
 */
export const RCI_SOURCES: Record<StandardMeasureKey, { sd: string; r: string }> = {
  phq9: {
    sd: 'general-population norms, Kocalevent, Hinz & Brähler (2013)',
    r: '48-hour test–retest, Kroenke, Spitzer & Williams (2001)',
  },
  gad7: {
    sd: 'general-population norms, Löwe et al. (2008), pooled',
    r: 'one-week test–retest, Spitzer et al. (2006)',
  },
  pcl5: {
    sd: 'approximation from Blevins et al. (2015) and Bovin et al. (2016): check before relying on it',
    r: 'one-week test–retest, Blevins et al. (2015)',
  },
};

/**
 * A measure's scale for the chart: its bands, caseness and reliable change in points (the NHS
 * Talking Therapies rule; for the PCL-5, the smallest whole change the Jacobson–Truax index
 * counts as reliable under the parameters in use).
 */
export function measureScale(key: StandardMeasureKey, rci?: RciParameters): MeasureScale {
  const d = MEASURES[key];
  const reliable = d.reliableChangePoints ?? Math.ceil(rciCriterion(rci ?? d.rci) - 1e-9);
  return {
    name: d.name,
    min: d.minTotal,
    max: d.maxTotal,
    bands: d.bands.map((b) => ({ from: b.min, to: b.max, label: b.label })),
    caseness: d.caseness,
    reliableChange: reliable,
  };
}

const inRange = (date: string, r?: DateRange) => (!r?.from || date >= r.from) && (!r?.to || date <= r.to);

/** The standard measures that have at least one result in the range, in PHQ-9, GAD-7, PCL-5 order. */
export function measuresWithResults(results: readonly ResultForCharts[], range?: DateRange): StandardMeasureKey[] {
  return STANDARD_MEASURE_KEYS.filter((k) => results.some((r) => r.measure === k && inRange(r.administeredOn, range)));
}

/** (1) Each measure over time: bands, caseness line, reliable-change band, session dates, life events. */
export function measureCharts(
  results: readonly ResultForCharts[],
  opts: {
    sessions?: string[];
    events?: ChartEvent[];
    range?: DateRange;
    rci?: Partial<Record<StandardMeasureKey, RciParameters>>;
  } = {},
): { measure: StandardMeasureKey; chart: Chart }[] {
  return measuresWithResults(results, opts.range).map((k) => ({
    measure: k,
    chart: measureChart({
      measure: measureScale(k, opts.rci?.[k]),
      points: results
        .filter((r) => r.measure === k && inRange(r.administeredOn, opts.range))
        .map((r) => ({ date: r.administeredOn, total: r.total })),
      sessions: opts.sessions ?? [],
      events: opts.events ?? [],
      ...(opts.range ? { range: opts.range } : {}),
    }),
  }));
}

/** The heat map input of PHQ-9 or GAD-7; for the client, PHQ-9 item 9 is not a row. */
export function heatmapInput(
  key: 'phq9' | 'gad7',
  results: readonly ResultForCharts[],
  audience: ReportAudience,
  range?: DateRange,
): HeatmapChartInput {
  const labels = ITEM_LABELS[key];
  const numbers = labels
    .map((_, i) => i + 1)
    .filter((n) => !(audience === 'client' && key === 'phq9' && n === PHQ9_ITEM9_NUMBER));
  return {
    title: `${MEASURES[key].name} items`,
    items: numbers.map((n) => ({ key: String(n), label: labels[n - 1]! })),
    min: 0,
    max: 3,
    administrations: results
      .filter((r) => r.measure === key && inRange(r.administeredOn, range))
      .map((r) => ({ date: r.administeredOn, scores: numbers.map((n) => r.answers[n - 1] ?? null) })),
  };
}

/** (5) PHQ-9 and GAD-7 items as heat maps, administration by administration. */
export function itemHeatmaps(
  results: readonly ResultForCharts[],
  audience: ReportAudience,
  range?: DateRange,
): { measure: 'phq9' | 'gad7'; chart: Chart }[] {
  return (['phq9', 'gad7'] as const)
    .filter((k) => results.some((r) => r.measure === k && inRange(r.administeredOn, range)))
    .map((k) => ({ measure: k, chart: heatmapChart(heatmapInput(k, results, audience, range)) }));
}

/** What the own-problems chart needs of an idiographic result: its ratings and the problems rated. */
export interface OwnProblemsResult {
  measure: MeasureKey;
  administeredOn: string;
  answers: readonly (number | null)[];
  problems?: readonly { id: string; text: string }[] | null;
}

/**
 * (1) for the idiographic measure: each of the client's own problems, rated 0–10, over time — one
 * line per problem, named in the client's words (as last worded). Null when there is none.
 */
export function ownProblemsChart(
  results: readonly OwnProblemsResult[],
  opts: { sessions?: string[]; range?: DateRange } = {},
): Chart | null {
  const lines = new Map<string, { key: string; label: string; points: { date: string; value: number }[] }>();
  for (const r of results) {
    if (r.measure !== 'idiographic' || !r.problems || !inRange(r.administeredOn, opts.range)) continue;
    r.problems.forEach((p, i) => {
      const value = r.answers[i];
      const line = lines.get(p.id) ?? { key: p.id, label: p.text, points: [] };
      line.label = p.text;
      if (typeof value === 'number') line.points.push({ date: r.administeredOn, value });
      lines.set(p.id, line);
    });
  }
  const withPoints = [...lines.values()].filter((l) => l.points.length > 0);
  if (withPoints.length === 0) return null;
  return seriesChart({
    title: 'Own problems (0–10)',
    unit: null,
    min: 0,
    max: 10,
    lines: withPoints,
    sessions: opts.sessions ?? [],
    ...(opts.range ? { range: opts.range } : {}),
  });
}
