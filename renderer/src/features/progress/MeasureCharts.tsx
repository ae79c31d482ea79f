import type { OutcomeLine } from '../../../../shared/charts';

/**
 * Where the outcome measures go on the Progress tab (issue 9, charts 1 and 5): for each measure
 * with results in the range, `measureChart` (shared/charts) — severity bands, caseness line,
 * reliable-change band, the session dates and life-event notes — and for PHQ-9 and GAD-7 the item
 * `heatmapChart`. The measures service's results map into `MeasureChartInput` and
 * `HeatmapChartInput`; `outcomeOf` gives the homework chart its outcome line (same time axis).
 *
 * Until measures exist this shows nothing (no placeholder for the clinician to read).
 */
export interface MeasureChartsProps {
  clientId: string;
  range: { from: string; to: string };
  /** Attended session dates in the range (for the time axis marks). */
  sessions: string[];
}

export function MeasureCharts(_props: MeasureChartsProps) {
  return null;
}

/** The outcome drawn beside the homework (the first measure with results); none yet. */
export function useOutcome(_clientId: string, _range: { from: string; to: string } | null): OutcomeLine | null {
  return null;
}
