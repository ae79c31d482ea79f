import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../shared/dates';
import type { AssignmentDetail, PracticeRecord } from '../../shared/domain';
import { worksheetDefinitionSchema, type WorksheetDefinitionInput } from '../../shared/worksheet';
import { ClientPractice } from '../../renderer/src/features/practice/ClientPractice';
import { AppError } from '../../shared/result';
import { renderRoute } from './support/render';
import { aClient, anAssignment, aWorksheet } from './support/fixtures';

/** A worksheet with every block type: the entry form is generated from it, never written for it. */
const EVERY: WorksheetDefinitionInput = {
  title: 'Every kind of part',
  summary: 'All block types.',
  category: 'self-monitoring',
  approach: 'cbt',
  phases: ['baseline'],
  rationale: 'Writing it down shows patterns.',
  instructions: ['Fill it in each evening.'],
  suggestedFrequency: { kind: 'daily' },
  blocks: [
    { type: 'prompt', id: 'intro', text: 'Notice how you are before you start.' },
    { type: 'shortText', id: 'where', label: 'Where were you?' },
    { type: 'longText', id: 'noticed', label: 'What did you notice?', lines: 4 },
    { type: 'number', id: 'sleep', label: 'Hours of sleep', unit: 'hours', min: 0, max: 24 },
    { type: 'duration', id: 'spent', label: 'Time practising' },
    { type: 'date', id: 'when', label: 'Date of the practice' },
    { type: 'time', id: 'at', label: 'Time you started' },
    {
      type: 'rating',
      id: 'mood',
      label: 'Mood today',
      scale: {
        min: 0,
        max: 10,
        step: 1,
        anchors: [
          { value: 0, label: 'very low' },
          { value: 10, label: 'very good' },
        ],
      },
    },
    { type: 'checklist', id: 'used', label: 'Strategies used', options: ['Slow breathing', 'Grounding', 'A walk'] },
    { type: 'choice', id: 'overall', label: 'Overall it was', options: ['Easier', 'As expected', 'Harder'] },
    {
      type: 'table',
      id: 'thoughts',
      label: 'Thought record',
      rows: 3,
      columns: [
        { id: 'thought', label: 'Automatic thought', kind: 'text' },
        { id: 'feeling', label: 'Feeling', kind: 'rating', scale: { min: 0, max: 100, step: 10 } },
      ],
    },
    {
      type: 'dailyGrid',
      id: 'week',
      label: 'This week',
      days: 7,
      items: [
        { id: 'walked', label: 'Went for a walk', kind: 'check' },
        { id: 'steps', label: 'Steps walked', kind: 'number', unit: 'thousand' },
      ],
    },
    { type: 'hierarchy', id: 'ladder', label: 'My ladder', steps: 4, scale: { min: 0, max: 100, step: 10 } },
  ],
};

describe('the generated practice form', () => {
  it('has a control for every block type, refuses at the field, and sends answers shaped by the definition', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const ws = aWorksheet(worksheetDefinitionSchema.parse(EVERY));
    const a = anAssignment(client, ws, { startDate: '2026-03-02' });
    const detail: AssignmentDetail = { ...a, definition: ws.version.definition, clientName: client.name };
    const { user, core } = renderRoute({
      path: '/clients/:id/practice',
      url: `/clients/${client.id}/practice`,
      element: <ClientPractice />,
      handlers: {
        clients: { get: () => client },
        assignments: { list: () => [a], get: () => detail },
        practice: {
          list: () => [],
          create: (i): PracticeRecord => ({
            ...i,
            id: a.id,
            clientId: client.id,
            worksheetVersionId: a.worksheetVersionId,
            title: a.title,
            createdAt: '2026-03-10T10:00:00.000Z',
            updatedAt: '2026-03-10T10:00:00.000Z',
          }),
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add practice for Every kind of part' }));
    await screen.findByRole('heading', { name: 'Add practice: Every kind of part' });
    const field = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;

    // Every block type, in the worksheet's own words, with its limits, units, ranges and anchors.
    expect(screen.getByText('Notice how you are before you start.')).toBeTruthy();
    expect(screen.getByText('At most 500 characters.')).toBeTruthy();
    expect(screen.getByText('At most 20,000 characters.')).toBeTruthy();
    expect(screen.getByText('hours, 0–24')).toBeTruthy();
    expect(screen.getByText('0–10: 0 = very low · 10 = very good')).toBeTruthy();
    expect(field('Day of the practice').value).toBe(localIsoDate(new Date()));
    await user.type(field('Where were you?'), 'At the bus stop');
    await user.type(field('What did you notice?'), 'Heart racing');
    await user.type(field('Hours of sleep'), '6,5');
    await user.type(field('Time practising (minutes)'), '25');
    await user.type(field('Date of the practice'), '2026-03-09');
    await user.type(field('Time you started'), '07:30');
    await user.type(field('Mood today'), '11');
    await user.click(screen.getByRole('checkbox', { name: 'Slow breathing' }));
    await user.click(screen.getByRole('checkbox', { name: 'A walk' }));
    await user.click(screen.getByRole('radio', { name: 'Harder' }));
    await user.type(field('Thought record, row 1, Automatic thought'), 'I will faint');
    await user.type(field('Thought record, row 1, Feeling (0–100)'), '80');
    await user.click(screen.getByRole('checkbox', { name: 'Went for a walk' }));
    await user.type(field('Steps walked'), '6');
    await user.type(field('My ladder, step 1'), 'Stand at the stop');
    await user.type(field('My ladder, step 1, rating (0–100)'), '30');
    await user.selectOptions(screen.getByLabelText('Ladder step practised'), '1');
    await user.type(field('Time spent (minutes, optional)'), '25');

    // A rating outside its scale: refused at the field by the worksheet's own schema, nothing sent.
    await user.click(screen.getByRole('button', { name: 'Save practice' }));
    expect(await screen.findByText('Mood today: the highest value is 10.')).toBeTruthy();
    expect(document.activeElement).toBe(field('Mood today'));
    expect(core.inputs.practice.create).toHaveLength(0);

    await user.clear(field('Mood today'));
    await user.type(field('Mood today'), '4');
    await user.click(screen.getByRole('button', { name: 'Save practice' }));
    await screen.findByText(/^Practice on .* saved\.$/);
    expect(core.inputs.practice.create[0]).toMatchObject({
      assignmentId: a.id,
      source: 'paper',
      durationMinutes: 25,
      ladderStep: 1,
      answers: {
        where: 'At the bus stop',
        noticed: 'Heart racing',
        sleep: 6.5,
        spent: 25,
        when: '2026-03-09',
        at: '07:30',
        mood: 4,
        used: ['Slow breathing', 'A walk'],
        overall: 'Harder',
        thoughts: [{ thought: 'I will faint', feeling: 80 }],
        week: [{ walked: true, steps: 6 }],
        ladder: [{ step: 'Stand at the stop', rating: 30 }],
      },
    });
    expect(core.problems).toEqual([]);
  });

  it('shows the core’s refusal at the field (a day before the assignment began)', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const ws = aWorksheet(worksheetDefinitionSchema.parse(EVERY));
    const a = anAssignment(client, ws, { startDate: '2026-03-02' });
    const detail: AssignmentDetail = { ...a, definition: ws.version.definition, clientName: client.name };
    const message = 'This day is before the assignment began (2 Mar 2026). Please check the date.';
    const { user } = renderRoute({
      path: '/clients/:id/practice',
      url: `/clients/${client.id}/practice`,
      element: <ClientPractice />,
      handlers: {
        clients: { get: () => client },
        assignments: { list: () => [a], get: () => detail },
        practice: {
          list: () => [],
          create: () => {
            throw new AppError('VALIDATION', message, { practicedOn: message });
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add practice for Every kind of part' }));
    const day = (await screen.findByLabelText('Day of the practice')) as HTMLInputElement;
    await user.clear(day);
    await user.type(day, '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Save practice' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText('Please check the field marked below.')).toBeTruthy();
  });
});
