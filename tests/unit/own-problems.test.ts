import { describe, expect, it } from 'vitest';
import { ownProblemsChart } from '../../shared/reports/measures';
import { clientSafeData, type ProgressReportData, type ReportResult } from '../../shared/reports/progressReport';

const problems = [
  { id: 'p1', text: 'Avoiding the tram' },
  { id: 'p2', text: 'Urge to self-harm' },
];
const own = (day: string, answers: (number | null)[]): ReportResult => ({
  id: `r-${day}`,
  measure: 'idiographic',
  administeredOn: day,
  sessionId: null,
  total: null,
  complete: true,
  band: null,
  missingItems: [],
  answers,
  item9: null,
  problems,
  createdAt: `${day}T10:00:00Z`,
});

describe('the own-problems chart (idiographic measure)', () => {
  it('draws one 0–10 line per problem, named in the client’s words, and skips unrated days', () => {
    const chart = ownProblemsChart([own('2026-03-02', [8, 6]), own('2026-03-09', [6, null]), own('2026-03-16', [3, 4])]);
    expect(chart).not.toBeNull();
    expect(chart!.title).toBe('Own problems (0–10)');
    expect(chart!.table.columns.join(' ')).toContain('Avoiding the tram');
    expect(chart!.summary).toContain('Avoiding the tram');
    expect(chart!.summary).toContain('first 8, latest 3');
    expect(chart!.summary).toContain('Urge to self-harm: 2 entries');
  });

  it('is null without idiographic ratings, and leaves ratings outside the range out', () => {
    expect(ownProblemsChart([])).toBeNull();
    const chart = ownProblemsChart([own('2026-01-05', [9, 9]), own('2026-03-16', [3, 4])], { range: { from: '2026-03-01' } });
    expect(chart!.summary).not.toContain('first 9');
  });

  it('in the client’s report, a problem worded around risk is not charted', () => {
    const data = {
      results: [own('2026-03-02', [8, 6]), own('2026-03-16', [3, 4])],
      events: [],
      worksheetSeries: [],
      ladders: [],
      assignments: [],
      goals: [],
    } as unknown as ProgressReportData;
    const safe = clientSafeData(data);
    const chart = ownProblemsChart(safe.results);
    expect(chart!.summary).toContain('Avoiding the tram');
    expect(chart!.summary).not.toContain('self-harm');
  });
});
