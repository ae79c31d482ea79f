import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Item9Open, MeasureResult, SessionDetail } from '../../shared/contract';
import { scoreAnswers } from '../../shared/measures';
import { SessionMode } from '../../renderer/src/features/sessions/SessionMode';
import { aClient, newId } from './support/fixtures';
import { renderRoute } from './support/render';

const AT = '2026-03-14T09:00:00.000Z';
const client = aClient({ name: 'Zoë Martin', preferredName: 'Zo' });
const session: SessionDetail = {
  id: newId(),
  clientId: client.id,
  number: 4,
  date: '2026-03-14',
  time: '10:00',
  durationMinutes: null,
  attendance: 'attended',
  modality: 'in-person',
  notes: null,
  takeaways: null,
  stage: 'measures',
  finishedAt: null,
  reviewCount: 0,
  createdAt: AT,
  updatedAt: AT,
  clientName: client.name,
  clientPreferredName: 'Zo',
  previousDate: '2026-03-07',
};

function resultOf(i: {
  measure: MeasureResult['measure'];
  answers: (number | null)[];
  sessionId?: string | null;
}): MeasureResult {
  const s = scoreAnswers(i.measure, i.answers);
  return {
    id: newId(),
    clientId: client.id,
    sessionId: i.sessionId ?? null,
    measure: i.measure,
    administeredOn: session.date,
    answers: i.answers,
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

function open() {
  const stored: MeasureResult[] = [];
  let flags: Item9Open[] = [];
  const r = renderRoute({
    path: '/clients/:id/sessions/:sid',
    url: `/clients/${client.id}/sessions/${session.id}`,
    element: <SessionMode />,
    handlers: {
      sessions: { get: () => session, update: (i) => ({ ...session, stage: i.stage ?? session.stage }) },
      measures: {
        list: () => stored,
        item9Open: () => flags,
        record: (i) => {
          const x = resultOf(i);
          stored.push(x);
          if (x.item9Flag) {
            flags = [
              {
                resultId: x.id,
                clientId: client.id,
                clientName: client.name,
                clientPreferredName: 'Zo',
                administeredOn: x.administeredOn,
                answer: x.answers[8]!,
                answerLabel: 'Several days',
              },
            ];
          }
          return x;
        },
        acknowledgeItem9: ({ id, note }) => {
          flags = [];
          const x = stored.find((s) => s.id === id)!;
          return { ...x, item9Acknowledgement: { note, at: AT } };
        },
      },
    },
  });
  return r;
}

const question = (n: number) => screen.getByLabelText(new RegExp(`^${n}\\. `)) as HTMLInputElement;

describe('session mode: measures typed from paper', () => {
  it('digits answer one question after another; Backspace goes back; total and band once complete', async () => {
    const r = open();
    await screen.findByText('Patient Health Questionnaire (PHQ-9)');
    expect(
      screen.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?'),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(question(1)));
    expect(screen.getByText(/Incomplete: 0 of 9 questions answered so far/)).toBeTruthy();

    fireEvent.keyDown(question(1), { key: '2' });
    expect(question(1).value).toBe('2');
    expect(document.activeElement).toBe(question(2));
    // Out of range: refused with a message, nothing moves.
    fireEvent.keyDown(question(2), { key: '7' });
    expect(screen.getByText('Question 2 takes an answer from 0 to 3.')).toBeTruthy();
    expect(document.activeElement).toBe(question(2));
    // A letter is not an answer.
    fireEvent.keyDown(question(2), { key: 'x' });
    expect(question(2).value).toBe('');
    // Backspace on a blank question goes back and clears the one before.
    fireEvent.keyDown(question(2), { key: 'Backspace' });
    expect(document.activeElement).toBe(question(1));
    expect(question(1).value).toBe('');

    for (const [n, d] of [1, 2, 1, 2, 1, 1, 1, 2, 0].entries()) fireEvent.keyDown(question(n + 1), { key: String(d) });
    expect(screen.getByText('Total 11 · Moderate')).toBeTruthy();
    // The difficulty question comes next: optional, not scored.
    expect(document.activeElement).toBe(question(10));
    fireEvent.keyDown(question(10), { key: '1' });
    expect(screen.getByText('Total 11 · Moderate')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save PHQ-9' }));

    // A blank scored question makes it incomplete again.
    fireEvent.keyDown(question(4), { key: 'Backspace' });
    expect(screen.getByText(/Incomplete: 8 of 9 questions answered/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save PHQ-9 as incomplete' })).toBeTruthy();
    fireEvent.keyDown(question(4), { key: '2' });

    await r.user.click(screen.getByRole('button', { name: 'Save PHQ-9' }));
    expect(await screen.findByText('PHQ-9 saved: 11 · Moderate.')).toBeTruthy();
    expect(r.core.inputs.measures.record[0]).toMatchObject({
      clientId: client.id,
      sessionId: session.id,
      measure: 'phq9',
      administeredOn: '2026-03-14',
      answers: [1, 2, 1, 2, 1, 1, 1, 2, 0, 1],
      source: 'paper',
    });
    // Listed under "Given in this session"; the form starts afresh.
    await screen.findByText('Given in this session');
    expect(document.querySelector('.measure-saved')!.textContent).toBe('PHQ-9: 11 · Moderate');
    await waitFor(() => expect(question(1).value).toBe(''));
    expect(r.core.problems).toEqual([]);
  });

  it('switches questionnaire: GAD-7 and PCL-5 with their own stems and options', async () => {
    const r = open();
    await screen.findByText('Patient Health Questionnaire (PHQ-9)');
    await r.user.click(screen.getByRole('radio', { name: 'PCL-5 (post-traumatic stress)' }));
    expect(screen.getByText('In the past month, how much were you bothered by:')).toBeTruthy();
    expect(screen.getByText('0 Not at all · 1 A little bit · 2 Moderately · 3 Quite a bit · 4 Extremely')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(question(1)));
    fireEvent.keyDown(question(1), { key: '4' });
    expect(question(1).value).toBe('4');
    await r.user.click(screen.getByRole('radio', { name: 'GAD-7 (anxiety)' }));
    expect(screen.getByText('Over the last 2 weeks, how often have you been bothered by the following problems?')).toBeTruthy();
    expect(screen.getAllByRole('textbox')).toHaveLength(7);
  });

  it('item 9 above 0: a calm notice with a form; acknowledged with a note', async () => {
    const r = open();
    await screen.findByText('Patient Health Questionnaire (PHQ-9)');
    await waitFor(() => expect(document.activeElement).toBe(question(1)));
    for (const [n, d] of [0, 0, 1, 0, 0, 0, 0, 0, 1].entries()) fireEvent.keyDown(question(n + 1), { key: String(d) });
    expect(screen.getByText(/Item 9 is answered above 0/)).toBeTruthy();
    await r.user.click(screen.getByRole('button', { name: 'Save PHQ-9' }));
    const notice = await screen.findByRole('region', { name: /PHQ-9 item 9: please acknowledge/ });
    expect(notice.textContent).toContain('Zo answered “Several days” to item 9');

    // A note is needed.
    await r.user.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('Please enter a note (what you did or decided).')).toBeTruthy();
    expect(r.core.inputs.measures.acknowledgeItem9).toEqual([]);

    await r.user.type(screen.getByLabelText('Your note'), 'Asked directly; no plan. Safety plan reviewed.');
    await r.user.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /item 9/ })).toBeNull());
    expect(r.core.inputs.measures.acknowledgeItem9[0]).toMatchObject({ note: 'Asked directly; no plan. Safety plan reviewed.' });
  });
});
