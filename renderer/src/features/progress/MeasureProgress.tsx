import { useMemo } from 'react';
import type { ChartEvent } from '../../../../shared/charts';
import type { StandardMeasureKey } from '../../../../shared/measures';
import { itemHeatmaps, measureCharts, ownProblemsChart } from '../../../../shared/reports/measures';
import { errorMessage } from '../../api/client';
import { useMeasureResults, useRciSettings } from '../../api/measures';
import { useLifeEvents } from '../../api/outcomes';
import { Chart } from '../../components/chart/Chart';
import { FormError } from '../../components/Field';
import { ChangePanel } from './ChangePanel';
import './outcomes.css';

export interface MeasureProgressProps {
  clientId: string;
  range: { from: string; to: string };
  /** Attended session dates in the range (marks on the time axis). */
  sessions: string[];
}

const inRange = (d: string, r: { from: string; to: string }) => d >= r.from && d <= r.to;

/**
 * The outcome measures on the Progress tab (issue 9): (1) each measure over time — severity
 * bands, the caseness line, the reliable-change band around the first score, session dates and
 * life events — then the change panel, then (5) the PHQ-9 and GAD-7 items as heat maps. The
 * same definitions (shared/reports/measures.ts) the progress report prints. This is the
 * clinician's screen: item 9 is a row of the PHQ-9 heat map here (never in the client's report).
 */
export function MeasureProgress({ clientId, range, sessions }: MeasureProgressProps) {
  const results = useMeasureResults(clientId);
  const settings = useRciSettings();
  const events = useLifeEvents(clientId, range.from, range.to);
  const inPeriod = useMemo(
    () => (results.data ?? []).filter((r) => r.measure !== 'idiographic' && inRange(r.administeredOn, range)),
    [results.data, range],
  );
  const rci = useMemo(() => {
    const out: Partial<Record<StandardMeasureKey, { sd: number; r: number }>> = {};
    for (const s of settings.data ?? []) out[s.measure] = { sd: s.sd, r: s.r };
    return out;
  }, [settings.data]);
  const charts = useMemo(() => {
    const notes: ChartEvent[] = (events.data ?? []).map((e) => ({ date: e.date, label: e.note }));
    return {
      measures: measureCharts(inPeriod, { sessions, events: notes, range, rci }),
      own: ownProblemsChart(results.data ?? [], { sessions, range }),
      heatmaps: itemHeatmaps(inPeriod, 'clinician', range),
    };
  }, [inPeriod, results.data, sessions, events.data, range, rci]);

  const error = results.error ?? settings.error ?? events.error;
  if (error) return <FormError message={errorMessage(error)} />;
  if (!results.data || !settings.data || (charts.measures.length === 0 && !charts.own)) return null;
  return (
    <>
      <section aria-labelledby="progress-measures" className="progress-section">
        <h2 id="progress-measures">Outcome measures</h2>
        {charts.measures.map((m) => (
          <Chart key={m.measure} chart={m.chart} />
        ))}
        {charts.own ? <Chart chart={charts.own} /> : null}
      </section>
      <ChangePanel results={inPeriod} settings={settings.data} />
      {charts.heatmaps.length ? (
        <section aria-labelledby="progress-items" className="progress-section">
          <h2 id="progress-items">Items, administration by administration</h2>
          {charts.heatmaps.map((h) => (
            <Chart key={h.measure} chart={h.chart} />
          ))}
        </section>
      ) : null}
    </>
  );
}
