import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { adherenceChart, ladderChart, seriesChart } from '../../../../shared/charts';
import type { ProgressOverview, ProgressWorksheet } from '../../../../shared/contract';
import { addDays, localIsoDate } from '../../../../shared/dates';
import { errorMessage } from '../../api/client';
import { useProgressOverview, useProgressSeries } from '../../api/progress';
import { Chart } from '../../components/chart/Chart';
import { FormError, SelectField } from '../../components/Field';
import { MeasureCharts, useOutcome } from './MeasureCharts';
import { ProgressReportButton } from './ProgressReportButton';
import './progress.css';

const PERIODS = [
  { value: 'all', label: 'Since the start' },
  { value: '4', label: 'Last 4 weeks' },
  { value: '12', label: 'Last 12 weeks' },
  { value: '26', label: 'Last 6 months' },
] as const;
type Period = (typeof PERIODS)[number]['value'];

const fromOf = (p: Period): string | null => (p === 'all' ? null : addDays(localIsoDate(new Date()), -7 * Number(p) + 1));

/**
 * The Progress tab: is the work working? Outcome measures (MeasureCharts), homework week by week
 * beside the outcome, any number of an assigned worksheet over time, and the exposure ladders.
 * Every chart comes from shared/charts, the same definitions the progress report prints.
 */
export function ClientProgress() {
  const { id = '' } = useParams();
  const [period, setPeriod] = useState<Period>('all');
  const from = fromOf(period);
  const overview = useProgressOverview(id, from, null);
  const o = overview.data;
  const outcome = useOutcome(id, o?.range ?? null);

  const homework = useMemo(
    () =>
      o && o.weeks.some((w) => w.expected > 0 || w.reviews > 0)
        ? adherenceChart({ weeks: o.weeks, sessions: o.sessions, range: o.range, outcome })
        : null,
    [o, outcome],
  );
  const ladders = useMemo(
    () =>
      o
        ? o.ladders
            .filter((l) => l.steps.some((s) => s.attempts.length > 0))
            .map((l) => ({ id: l.assignmentId, chart: ladderChart(l) }))
        : [],
    [o],
  );
  // The worksheets with numbers, the most practised first.
  const total = (w: ProgressWorksheet) => w.series.reduce((n, s) => n + s.values, 0);
  const worksheets = o ? o.worksheets.filter((w) => total(w) > 0).sort((a, b) => total(b) - total(a)) : [];
  const nothing = o && !outcome && !homework && ladders.length === 0 && worksheets.length === 0;

  return (
    <div className="progress-tab">
      <div className="progress-controls">
        <SelectField label="Period" value={period} onChange={(e) => setPeriod(e.target.value as Period)} options={PERIODS} />
        {o ? <ProgressReportButton clientId={id} range={o.range} /> : null}
      </div>
      <FormError message={overview.isError ? errorMessage(overview.error) : null} />
      {overview.isPending ? <p className="muted">Loading progress…</p> : null}
      {o ? (
        <>
          {/* (1) and (5): outcome measures and their items, from the measures service. */}
          <MeasureCharts clientId={id} range={o.range} sessions={o.sessions} />
          {homework ? (
            <section aria-labelledby="progress-homework" className="progress-section">
              <h2 id="progress-homework">Homework</h2>
              <Chart chart={homework} />
            </section>
          ) : null}
          {worksheets.length ? <WorksheetNumbers clientId={id} overview={o} worksheets={worksheets} period={period} /> : null}
          {ladders.length ? (
            <section aria-labelledby="progress-ladders" className="progress-section">
              <h2 id="progress-ladders">Exposure ladders</h2>
              {ladders.map((l) => (
                <Chart key={l.id} chart={l.chart} />
              ))}
            </section>
          ) : null}
          {nothing ? (
            <div className="empty">
              <h2>Nothing to chart yet</h2>
              <p>
                Charts appear here as homework is assigned, practised and reviewed{period === 'all' ? '' : ' in this period'}.
              </p>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** (3) Chosen numbers of one worksheet over time: the worksheet, then which of its numbers. */
function WorksheetNumbers({
  clientId,
  overview,
  worksheets,
  period,
}: {
  clientId: string;
  overview: ProgressOverview;
  worksheets: ProgressWorksheet[];
  period: Period;
}) {
  const [worksheetId, setWorksheetId] = useState(worksheets[0]!.worksheetId);
  const worksheet = worksheets.find((w) => w.worksheetId === worksheetId) ?? worksheets[0]!;
  const available = worksheet.series.filter((s) => s.values > 0);
  const [chosenBy, setChosenBy] = useState<Record<string, string[]>>({});
  // By default the rated numbers (one scale, one axis), at most three.
  const rated = available.filter((s) => s.max !== null);
  const chosen = chosenBy[worksheet.worksheetId] ?? (rated.length ? rated : available).slice(0, 3).map((s) => s.key);
  const series = useProgressSeries(clientId, worksheet.worksheetId, chosen, overview.range.from, overview.range.to);
  // Since the start, the axis spans the entries themselves (a worksheet assigned last week stays readable).
  const all = period === 'all';
  const chart = useMemo(
    () => (series.data ? seriesChart(all ? { ...series.data, range: {} } : series.data) : null),
    [series.data, all],
  );
  const toggle = (key: string, on: boolean) =>
    setChosenBy((c) => ({
      ...c,
      [worksheet.worksheetId]: on
        ? available.map((s) => s.key).filter((k) => k === key || chosen.includes(k))
        : chosen.filter((k) => k !== key),
    }));

  return (
    <section aria-labelledby="progress-worksheets" className="progress-section">
      <h2 id="progress-worksheets">Worksheet numbers over time</h2>
      <div className="progress-series-controls">
        <SelectField
          label="Worksheet"
          value={worksheet.worksheetId}
          onChange={(e) => setWorksheetId(e.target.value)}
          options={worksheets.map((w) => ({ value: w.worksheetId, label: w.title }))}
        />
        <fieldset className="progress-series-choice">
          <legend>Numbers to show</legend>
          {available.map((s) => (
            <label key={s.key}>
              <input
                type="checkbox"
                checked={chosen.includes(s.key)}
                disabled={!chosen.includes(s.key) && chosen.length >= 8}
                onChange={(e) => toggle(s.key, e.target.checked)}
              />
              <span>
                {s.label}
                {s.unit ? ` (${s.unit})` : ''}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      <FormError message={series.isError ? errorMessage(series.error) : null} />
      {chosen.length === 0 ? <p className="muted">Choose at least one number to chart.</p> : null}
      {chart && chosen.length > 0 ? <Chart chart={chart} /> : null}
    </section>
  );
}
