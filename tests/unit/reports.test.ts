import { describe, expect, it } from 'vitest';
import { heatmapInput, itemHeatmaps, measureCharts, measureScale } from '../../shared/reports/measures';
import { clientSafeData, progressReportDocument, RISK_WORDS, type ProgressReportData } from '../../shared/reports/progressReport';

/** The progress report's pure parts (issue 9): the client-safe view, item 9 out of the client's heat map, the words. */
const phq = (date: string, answers: (number | null)[], total: number | null) => ({
  measure: 'phq9' as const,
  administeredOn: date,
  total,
  answers,
});

const DATA: ProgressReportData = {
  audience: 'clinician',
  clientLabel: 'Zoë Martin',
  range: { from: '2026-01-01', to: '2026-03-31' },
  preparedOn: '2026-03-31',
  sessions: ['2026-01-05', '2026-02-16'],
  results: [
    {
      id: 'a',
      measure: 'phq9',
      administeredOn: '2026-01-05',
      sessionId: null,
      total: 18,
      complete: true,
      band: 'Moderately severe',
      missingItems: [],
      answers: [3, 3, 2, 2, 2, 2, 2, 1, 1, 2],
      item9: { answer: 1, acknowledged: false },
      createdAt: '2026-01-05T10:00:00Z',
    },
    {
      id: 'b',
      measure: 'phq9',
      administeredOn: '2026-02-16',
      sessionId: null,
      total: 25,
      complete: true,
      band: 'Severe',
      missingItems: [],
      answers: [3, 3, 3, 3, 3, 3, 3, 2, 2, 2],
      item9: { answer: 2, acknowledged: true },
      createdAt: '2026-02-16T10:00:00Z',
    },
  ],
  rci: {
    phq9: { sd: 3.5, r: 0.84, custom: false },
    gad7: { sd: 3.4, r: 0.83, custom: false },
    pcl5: { sd: 14, r: 0.82, custom: false },
  },
  events: [{ date: '2026-01-20', label: 'Lost job' }],
  weeks: [],
  worksheetSeries: [
    {
      title: 'Diary card',
      unit: null,
      min: 0,
      max: 5,
      lines: [
        { key: 'card.suicidal', label: 'Suicidal thoughts', points: [{ date: '2026-01-06', value: 2 }] },
        { key: 'card.sadness', label: 'Sadness', points: [{ date: '2026-01-06', value: 3 }] },
      ],
      sessions: [],
      range: { from: '2026-01-01', to: '2026-03-31' },
    },
  ],
  ladders: [],
  assignments: [{ title: 'Urges to self-harm: surfing log', frequency: 'Daily', status: 'Active', step: null }],
  goals: [{ title: 'Back to work', status: 'Active', targetDate: null, description: 'Private reasons' }],
};

describe('progress report, pure parts', () => {
  it('the client-safe view blanks item 9, drops notes, goal descriptions and risk ratings', () => {
    const safe = clientSafeData(DATA);
    expect(safe.results.every((r) => r.item9 === null && r.answers[8] === null)).toBe(true);
    expect(safe.results[0]!.answers.slice(0, 8)).toEqual([3, 3, 2, 2, 2, 2, 2, 1]);
    expect(safe.events).toEqual([]);
    expect(safe.goals[0]!.description).toBeNull();
    expect(safe.worksheetSeries[0]!.lines.map((l) => l.label)).toEqual(['Sadness']);
    expect(safe.assignments).toEqual([]);
    for (const w of ['Suicidal thoughts', 'urge to self-harm', 'Self harm', 'better off dead'])
      expect(RISK_WORDS.test(w), w).toBe(true);
    for (const w of ['Sadness', 'Hours slept', 'SUDS peak']) expect(RISK_WORDS.test(w), w).toBe(false);
  });

  it('the client heat map has no item 9 row; the clinician one has', () => {
    const results = DATA.results;
    const client = heatmapInput('phq9', results, 'client');
    expect(client.items.map((i) => i.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(client.administrations[1]!.scores).toEqual([3, 3, 3, 3, 3, 3, 3, 2]);
    expect(JSON.stringify(itemHeatmaps(results, 'client'))).not.toMatch(/self-harm/i);
    expect(heatmapInput('phq9', results, 'clinician').items.at(-1)!.label).toBe('9 Self-harm thoughts');
  });

  it('the chart scale: NHS points for PHQ-9, the smallest reliable whole change for the PCL-5', () => {
    expect(measureScale('phq9')).toMatchObject({ caseness: 10, reliableChange: 6, max: 27 });
    // 1.96 · 14 · √2 · √0.18 = 16.46 → 17 points.
    expect(measureScale('pcl5').reliableChange).toBe(17);
    expect(measureScale('pcl5', { sd: 10, r: 0.9 }).reliableChange).toBe(9);
    expect(
      measureCharts([phq('2026-01-05', [], 18), phq('2026-04-05', [], 8)], {
        range: { from: '2026-01-01', to: '2026-03-31' },
      })[0]!.chart.table.rows,
    ).toHaveLength(1);
  });

  it('words: the clinician reads categories and the RCI; the client reads plain, kind words', () => {
    const clinician = JSON.stringify(progressReportDocument(DATA));
    expect(clinician).toContain('Reliable deterioration');
    expect(clinician).toContain('item 9 answered 2, acknowledged');
    // (25 − 18) / (3.5·√2·√0.16) = 3.54
    expect(clinician).toContain('3.54 (reliable)');
    const client = JSON.stringify(progressReportDocument({ ...DATA, audience: 'client' }));
    expect(client).toContain('from 18 to 25');
    expect(client).toContain('Things have been harder lately');
    expect(client).not.toMatch(/item 9|self-harm|suicid|Lost job|Private reasons/i);
  });
});
