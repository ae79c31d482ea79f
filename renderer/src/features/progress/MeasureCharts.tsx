import { useMemo } from 'react';
import type { OutcomeLine } from '../../../../shared/charts';
import { MEASURES, STANDARD_MEASURE_KEYS } from '../../../../shared/measures';
import { useMeasureResults } from '../../api/measures';
import { MeasureProgress } from './MeasureProgress';

/**
 * Where the outcome measures go on the Progress tab (issue 9, charts 1 and 5): for each measure
 * with results in the range, `measureChart` (shared/charts) — severity bands, caseness line,
 * reliable-change band, the session dates and life-event notes — and for PHQ-9 and GAD-7 the item
 * `heatmapChart`. The measures service's results map into `MeasureChartInput` and
 * `HeatmapChartInput`; `outcomeOf` gives the homework chart its outcome line (same time axis).
 *
 * Without results in the range this shows nothing (no placeholder for the clinician to read).
 * The charts and the change panel are MeasureProgress and ChangePanel (issue 9, the report's helper).
 */
export interface MeasureChartsProps {
  clientId: string;
  range: { from: string; to: string };
  /** Attended session dates in the range (for the time axis marks). */
  sessions: string[];
}

export function MeasureCharts(props: MeasureChartsProps) {
  return <MeasureProgress {...props} />;
}

/** The outcome drawn beside the homework: the first measure (PHQ-9, GAD-7, PCL-5) with results in the range. */
export function useOutcome(clientId: string, range: { from: string; to: string } | null): OutcomeLine | null {
  const results = useMeasureResults(clientId);
  return useMemo(() => {
    if (!range || !results.data) return null;
    const mine = results.data.filter((r) => r.administeredOn >= range.from && r.administeredOn <= range.to);
    const key = STANDARD_MEASURE_KEYS.find((k) => mine.some((r) => r.measure === k && r.complete));
    if (!key) return null;
    const d = MEASURES[key];
    return {
      name: d.name,
      min: d.minTotal,
      max: d.maxTotal,
      points: mine.filter((r) => r.measure === key).map((r) => ({ date: r.administeredOn, total: r.complete ? r.total : null })),
    };
  }, [results.data, range]);
}
