import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeasureResult, RciSetting } from '../../shared/contract';
import { MEASURES, rciCriterion, scoreAnswers, type StandardMeasureKey } from '../../shared/measures';
import { useMeasureResults, useRciSettings } from '../../renderer/src/api/measures';
import { ChangePanel } from '../../renderer/src/features/progress/ChangePanel';
import { aClient, newId } from './support/fixtures';
import { renderRoute } from './support/render';

/** The Progress tab's change panel (issue 9): first → latest, the NHS words, the RCI with its formula; SD and r edited. */
const AT = '2026-03-14T09:00:00.000Z';
const client = aClient({ name: 'Zoë Martin' });

function result(measure: 'phq9' | 'gad7', administeredOn: string, answers: number[]): MeasureResult {
  const s = scoreAnswers(measure, answers);
  return {
    id: newId(),
    clientId: client.id,
    sessionId: null,
    measure,
    administeredOn,
    answers,
    problems: null,
    total: s.total,
    complete: s.complete,
    band: s.band,
    missingItems: s.missingItems,
    item9Flag: s.item9Flag,
    item9Acknowledgement: null,
    source: 'paper',
    createdAt: AT,
    updatedAt: AT,
  };
}

// PHQ-9 18 → 8; GAD-7 14 → 6, on the same days (paired).
const RESULTS = [
  result('phq9', '2026-01-05', [3, 3, 2, 2, 2, 2, 2, 1, 1, 2]),
  result('gad7', '2026-01-05', [2, 2, 2, 2, 2, 2, 2]),
  result('phq9', '2026-02-16', [1, 1, 1, 1, 1, 1, 1, 1, 0, 0]),
  result('gad7', '2026-02-16', [1, 1, 1, 1, 1, 1, 0]),
];

function Panel() {
  const results = useMeasureResults(client.id);
  const settings = useRciSettings();
  return results.data && settings.data ? <ChangePanel results={results.data} settings={settings.data} /> : null;
}

function open() {
  const stored: Partial<Record<StandardMeasureKey, { sd: number; r: number }>> = {};
  const setting = (k: StandardMeasureKey): RciSetting => {
    const d = MEASURES[k].rci;
    const p = stored[k] ?? d;
    return {
      measure: k,
      sd: p.sd,
      r: p.r,
      defaultSd: d.sd,
      defaultR: d.r,
      custom: k in stored,
      criterion: Math.round(rciCriterion(p) * 100) / 100,
    };
  };
  return renderRoute({
    path: '/clients/:id/progress',
    url: `/clients/${client.id}/progress`,
    element: <Panel />,
    handlers: {
      measures: {
        list: () => RESULTS,
        rciSettings: () => (['phq9', 'gad7', 'pcl5'] as const).map(setting),
        setRci: ({ measure, sd, r, reset }) => {
          if (reset) delete stored[measure];
          else stored[measure] = { sd: sd ?? setting(measure).sd, r: r ?? setting(measure).r };
          return setting(measure);
        },
      },
    },
  });
}

describe('change panel', () => {
  it('shows first → latest with bands, the NHS words, the formula and the RCI with the SD and r used', async () => {
    open();
    const phq = await screen.findByRole('article', { name: 'PHQ-9' });
    expect(phq.textContent).toContain('18 (Moderately severe) on 5 Jan 2026 → 8 (Mild) on 16 Feb 2026: −10 points');
    expect(phq.textContent).toContain('Reliable improvement (NHS Talking Therapies: 6 points or more)');
    // −10 / (3.5·√2·√0.16) = −5.05
    expect(within(phq).getByTestId('rci-phq9').textContent).toBe(
      'RC = (8 − 18) / (3.5 · √2 · √(1 − 0.84)) = −5.05, reliable (reliable from 3.88 points)',
    );
    expect(phq.textContent).toContain('Kocalevent');
    expect(screen.getByText(/RC = \(x₂ − x₁\) \/ \(SD · √2 · √\(1 − r\)\)/)).toBeTruthy();
    expect(screen.getByText(/Reliable recovery/)).toBeTruthy();
  });

  it('editing SD and r changes the RCI; back to the default restores it', async () => {
    const r = open();
    const phq = await screen.findByRole('article', { name: 'PHQ-9' });
    const sd = within(phq).getByLabelText('SD (PHQ-9)');
    const rr = within(phq).getByLabelText('r (PHQ-9)');
    fireEvent.change(sd, { target: { value: '5.7' } });
    fireEvent.change(rr, { target: { value: '0,8' } });
    fireEvent.click(within(phq).getByRole('button', { name: 'Use these' }));
    // −10 / (5.7·√2·√0.2) = −2.77
    await waitFor(() =>
      expect(within(phq).getByTestId('rci-phq9').textContent).toBe(
        'RC = (8 − 18) / (5.7 · √2 · √(1 − 0.8)) = −2.77, reliable (reliable from 7.07 points)',
      ),
    );
    expect(r.core.inputs.measures.setRci.at(-1)).toEqual({
      measure: 'phq9',
      sd: 5.7,
      r: 0.8,
    });
    expect(within(phq).getByText(/Set by you \(default SD 3.5, r 0.84\)/)).toBeTruthy();
    fireEvent.click(within(phq).getByRole('button', { name: /Back to the default/ }));
    await waitFor(() => expect(within(phq).getByTestId('rci-phq9').textContent).toContain('= −5.05, reliable'));
    expect((within(phq).getByLabelText('SD (PHQ-9)') as HTMLInputElement).value).toBe('3.5');
  });
});
