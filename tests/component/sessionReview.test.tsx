import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewItem, SessionDetail } from '../../shared/contract';
import type { Review } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { SessionMode } from '../../renderer/src/features/sessions/SessionMode';
import { renderRoute } from './support/render';
import { aClient, anAssignment, aWorksheet, builtIn, newId } from './support/fixtures';

const AT = '2026-03-14T09:00:00.000Z';
const client = aClient({ name: 'Zoë Martin', preferredName: 'Zo' });
const ladderWs = aWorksheet(builtIn('exposure-hierarchy'));
const logWs = aWorksheet(builtIn('exposure-practice-log'));
const ladder = anAssignment(client, ladderWs, {
  step: { current: 2, total: 8 },
  frequency: { kind: 'weekly', times: 3 },
  personalInstructions: 'The corner shop.',
});
const log = anAssignment(client, logWs);

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
  stage: 'review',
  finishedAt: null,
  reviewCount: 0,
  createdAt: AT,
  updatedAt: AT,
  clientName: client.name,
  clientPreferredName: 'Zo',
  previousDate: '2026-03-07',
};

const item = (a: typeof ladder, def: typeof ladderWs, over: Partial<ReviewItem> = {}): ReviewItem => ({
  assignment: a,
  definition: def.version.definition,
  review: null,
  proposal: { from: '2026-03-07', to: '2026-03-14', done: 2, expected: 3, records: 2 },
  ...over,
});

const saved = (i: { sessionId: string; assignmentId: string }): Review => ({
  id: newId(),
  sessionId: i.sessionId,
  assignmentId: i.assignmentId,
  completion: null,
  amountDone: null,
  amountExpected: null,
  quality: null,
  understood: null,
  rationaleBelief: null,
  obstacles: [],
  obstacleOther: null,
  learning: null,
  plan: null,
  planNote: null,
  nextAssignmentId: null,
  createdAt: AT,
  updatedAt: AT,
});

function open(items: ReviewItem[], plan?: () => never) {
  return renderRoute({
    path: '/clients/:id/sessions/:sid',
    url: `/clients/${client.id}/sessions/${session.id}`,
    element: <SessionMode />,
    handlers: {
      sessions: { get: () => session, update: (i) => ({ ...session, stage: i.stage ?? session.stage }) },
      reviews: {
        items: () => items,
        save: (i) => saved(i),
        plan: plan ?? ((i) => ({ review: { ...saved(i), plan: i.plan }, nextAssignment: null })),
      },
      library: { list: () => [] },
    },
  });
}

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('session mode: homework review', () => {
  it('digits choose inside a group, the suggestion is prefilled, Enter saves and goes to the next homework', async () => {
    const r = open([
      item(ladder, ladderWs),
      item(log, logWs, { proposal: { from: '2026-03-07', to: '2026-03-14', done: 0, expected: 7, records: 0 } }),
    ]);
    await screen.findByText('Homework 1 of 2');
    expect((screen.getByLabelText('Done') as HTMLInputElement).value).toBe('2');
    expect((screen.getByLabelText('Asked (times)') as HTMLInputElement).value).toBe('3');
    expect(screen.getByText(/Suggested from 2 practice records/)).toBeTruthy();

    // Number keys in the completion group pick by position; in the quality group, by value.
    fireEvent.keyDown(radio('Done fully'), { key: '2' });
    expect(radio('Done partly').checked).toBe(true);
    expect(document.activeElement).toBe(radio('Done partly'));
    fireEvent.keyDown(radio('No engagement'), { key: '3' });
    expect(radio('Good').checked).toBe(true);
    fireEvent.keyDown(radio('Continue as it is'), { key: '2' });
    // Modify: the next step prefilled one up, with the instructions.
    expect((screen.getByLabelText('Step') as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('Instructions for the next step') as HTMLInputElement).value).toBe('The corner shop.');

    fireEvent.keyDown(radio('Modify (step, frequency or instructions)'), { key: 'Enter' });
    await screen.findByText('Homework 2 of 2');
    expect(r.core.inputs.reviews.save[0]).toMatchObject({
      assignmentId: ladder.id,
      review: { completion: 'partial', quality: 3, amountDone: 2, amountExpected: 3 },
    });
    expect(r.core.inputs.reviews.plan[0]).toMatchObject({
      assignmentId: ladder.id,
      plan: 'modify',
      next: { step: { current: 3, total: 8 }, personalInstructions: 'The corner shop.' },
    });
    // No records: nothing done is guessed, the asked amount is.
    expect((screen.getByLabelText('Done') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Asked (days)') as HTMLInputElement).value).toBe('7');
    expect(r.core.problems).toEqual([]);
  });

  it('resumes at the first homework not reviewed yet', async () => {
    open([item(ladder, ladderWs, { review: saved({ sessionId: session.id, assignmentId: ladder.id }) }), item(log, logWs)]);
    expect(await screen.findByText('Homework 2 of 2')).toBeTruthy();
  });

  it('asks why before discontinuing, and shows the core’s message at its field', async () => {
    const r = open([item(ladder, ladderWs)], () => {
      throw new AppError('VALIDATION', 'That worksheet is archived.', {
        'next.dueDate': 'The due date is before the start date.',
      });
    });
    await screen.findByText('Homework 1 of 1');
    await r.user.click(radio('Discontinue'));
    await r.user.click(screen.getByRole('button', { name: 'Save and go to measures' }));
    expect(await screen.findByText('Please say why this homework is discontinued (a few words are enough).')).toBeTruthy();
    expect(r.core.inputs.reviews.save).toHaveLength(0);

    await r.user.click(radio('Continue as it is'));
    await r.user.type(screen.getByLabelText('New due date (optional)'), '2026-03-01');
    await r.user.click(screen.getByRole('button', { name: 'Save and go to measures' }));
    expect(await screen.findByText('The due date is before the start date.')).toBeTruthy();
    expect(screen.getByText('Homework 1 of 1')).toBeTruthy();
  });

  it('asks before another stage leaves a review with unsaved input (issue 11)', async () => {
    const r = open([item(ladder, ladderWs)]);
    await screen.findByText('Homework 1 of 1');
    const stages = screen.getByRole('navigation', { name: 'Session stages' });
    await r.user.type(screen.getByLabelText('What the client learned (their words)'), 'The fear passes.');
    await r.user.click(within(stages).getByRole('button', { name: /Notes/ }));
    const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await r.user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect((screen.getByLabelText('What the client learned (their words)') as HTMLTextAreaElement).value).toBe(
      'The fear passes.',
    );
    await r.user.click(within(stages).getByRole('button', { name: /Notes/ }));
    await r.user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByLabelText('Your notes (private)')).toBeTruthy();
    expect(r.core.inputs.reviews.save).toHaveLength(0);
  });
});
