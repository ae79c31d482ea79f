import { addDays, localIsoDate } from '../../shared/dates';
import type { CoreContract, DoOf } from '../../shared/contract';

/**
 * Realistic, clearly fictional demo data, entered through the same channels the app uses (so it
 * is validated like anything a clinician types). Every demo client's notes start with "[Demo]".
 * It fills only an empty vault: it never mixes fictional clients into a real caseload.
 */
interface DemoAssignment {
  key: string;
  goal?: number;
  instructions: string;
  frequency: { kind: 'once' } | { kind: 'daily' } | { kind: 'weekly'; times: number };
  startOffset: number;
  dueOffset?: number;
  step?: { current: number; total: number };
  phase: 'baseline' | 'skill-practice' | 'relapse-prevention';
  status?: 'completed' | 'discontinued';
}
interface DemoClient {
  name: string;
  preferredName?: string;
  pronouns?: string;
  language?: string;
  dob?: string;
  concerns: string;
  startOffset: number;
  archived?: boolean;
  goals: { title: string; description?: string; status?: 'active' | 'met' | 'dropped'; targetOffset?: number }[];
  assignments: DemoAssignment[];
}

const CLIENTS: DemoClient[] = [
  {
    name: 'Zoë Łukasiewicz',
    preferredName: 'Zoë',
    pronouns: 'she/her',
    language: 'English',
    dob: '1991-04-17',
    concerns: 'Panic attacks on public transport; avoids the underground since spring.',
    startOffset: -42,
    goals: [
      { title: 'Travel to work by underground twice a week', targetOffset: 60 },
      { title: 'Notice and question catastrophic thoughts about bodily sensations' },
    ],
    assignments: [
      {
        key: 'exposure-hierarchy',
        goal: 0,
        instructions: 'Finish the ladder we started: add two steps between standing on the platform and riding one stop.',
        frequency: { kind: 'once' },
        startOffset: -14,
        dueOffset: -7,
        phase: 'skill-practice',
        status: 'completed',
      },
      {
        key: 'exposure-practice-log',
        goal: 0,
        instructions: 'Step 3: ride one stop at a quiet time, stay on until your anxiety has come down by half.',
        frequency: { kind: 'weekly', times: 3 },
        startOffset: -6,
        dueOffset: 1,
        step: { current: 3, total: 8 },
        phase: 'skill-practice',
      },
      {
        key: 'thought-record-3',
        goal: 1,
        instructions: 'When your heart races, write down the first thought that comes.',
        frequency: { kind: 'daily' },
        startOffset: -6,
        dueOffset: 1,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Øyvind Ødegård',
    pronouns: 'he/him',
    language: 'Norwegian',
    concerns: 'Low mood after redundancy; withdrawn from friends and running club.',
    startOffset: -30,
    goals: [{ title: 'Return to two enjoyable activities each week' }, { title: 'Reduce time in bed during the day' }],
    assignments: [
      {
        key: 'activity-mood-diary',
        goal: 1,
        instructions: 'Just notice: write down what you do each hour and rate your mood. No need to change anything yet.',
        frequency: { kind: 'daily' },
        startOffset: -21,
        dueOffset: -14,
        phase: 'baseline',
        status: 'completed',
      },
      {
        key: 'activity-scheduling',
        goal: 0,
        instructions: 'Plan one short run and one call to a friend this week, then rate mastery and pleasure.',
        frequency: { kind: 'daily' },
        startOffset: -9,
        dueOffset: -2,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Ελένη Παπαδοπούλου',
    preferredName: 'Eleni',
    pronouns: 'she/her',
    language: 'Greek',
    concerns: 'Generalised worry about family health; trouble switching off at night.',
    startOffset: -56,
    goals: [{ title: 'Keep worry to a daily worry time' }, { title: 'Fall asleep within 30 minutes most nights' }],
    assignments: [
      {
        key: 'worry-log',
        goal: 0,
        instructions: 'Worry time at 18:30 for 15 minutes, at the kitchen table. Postpone worries until then.',
        frequency: { kind: 'daily' },
        startOffset: -7,
        dueOffset: 2,
        phase: 'skill-practice',
      },
      {
        key: 'sleep-diary',
        goal: 1,
        instructions: 'Fill it in each morning within an hour of getting up.',
        frequency: { kind: 'daily' },
        startOffset: -7,
        dueOffset: 0,
        phase: 'baseline',
      },
    ],
  },
  {
    name: 'Алёна Смирнова',
    preferredName: 'Alyona',
    pronouns: 'she/her',
    language: 'Russian',
    concerns: 'Social anxiety at work; avoids speaking in meetings.',
    startOffset: -35,
    goals: [{ title: 'Speak at least once in the weekly team meeting' }],
    assignments: [
      {
        key: 'behavioural-experiment',
        goal: 0,
        instructions: 'Test the prediction “if I speak, people will think I am stupid”: ask one question in Tuesday’s meeting.',
        frequency: { kind: 'once' },
        startOffset: -5,
        dueOffset: 2,
        phase: 'skill-practice',
      },
      {
        key: 'assertiveness-practice',
        goal: 0,
        instructions: 'Practise one small request a day (asking a colleague for a file counts).',
        frequency: { kind: 'weekly', times: 4 },
        startOffset: -5,
        dueOffset: 5,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Marcus Adeyemi',
    pronouns: 'he/him',
    concerns: 'Anger outbursts with partner; wants to understand triggers.',
    startOffset: -20,
    goals: [{ title: 'Recognise early signs of anger and take a time-out' }],
    assignments: [
      {
        key: 'abc-record',
        goal: 0,
        instructions: 'Each time you feel your jaw tighten, note what happened just before and just after.',
        frequency: { kind: 'daily' },
        startOffset: -10,
        dueOffset: -3,
        phase: 'baseline',
      },
    ],
  },
  {
    name: 'Priya Raman',
    pronouns: 'she/her',
    concerns: 'Perfectionism and self-criticism during final-year studies.',
    startOffset: -70,
    goals: [
      { title: 'Hand in work at “good enough” without re-checking more than once', status: 'met' },
      { title: 'Respond to self-criticism with a balanced thought' },
    ],
    assignments: [
      {
        key: 'thought-record-7',
        goal: 1,
        instructions: 'Use it after any study session where the inner critic was loud.',
        frequency: { kind: 'weekly', times: 3 },
        startOffset: -4,
        dueOffset: 3,
        phase: 'skill-practice',
      },
      {
        key: 'evidence-for-against',
        goal: 1,
        instructions: 'Weigh the thought “if it is not perfect, I have failed”.',
        frequency: { kind: 'once' },
        startOffset: -4,
        dueOffset: 3,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Tomás Herrera',
    preferredName: 'Tom',
    pronouns: 'he/him',
    language: 'Spanish',
    concerns: 'Chronic stress and tension headaches; shallow breathing.',
    startOffset: -15,
    goals: [{ title: 'Practise slow breathing daily for two weeks' }],
    assignments: [
      {
        key: 'relaxation-log',
        goal: 0,
        instructions: 'Ten minutes of slow breathing after lunch; rate tension before and after.',
        frequency: { kind: 'daily' },
        startOffset: -8,
        dueOffset: 6,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Aiyana Redcloud',
    pronouns: 'they/them',
    concerns: 'Recurrent depression; currently well and planning to end therapy.',
    startOffset: -160,
    goals: [{ title: 'Write a staying-well plan', targetOffset: 14 }, { title: 'Keep up daily mindfulness practice' }],
    assignments: [
      {
        key: 'staying-well-plan',
        goal: 0,
        instructions: 'Draft your warning signs and the first three things you will do.',
        frequency: { kind: 'once' },
        startOffset: -3,
        dueOffset: 11,
        phase: 'relapse-prevention',
      },
      {
        key: 'mindfulness-log',
        goal: 1,
        instructions: 'Keep the ten-minute body scan going; note anything you noticed.',
        frequency: { kind: 'weekly', times: 5 },
        startOffset: -3,
        dueOffset: 11,
        phase: 'relapse-prevention',
      },
    ],
  },
  {
    name: 'Hannah Becker',
    pronouns: 'she/her',
    language: 'German',
    concerns: 'Grief after the loss of her father; finds it hard to talk about.',
    startOffset: -25,
    goals: [{ title: 'Make space to reflect on memories each week' }],
    assignments: [
      {
        key: 'reflective-journal',
        goal: 0,
        instructions: 'Write for fifteen minutes on Sunday evenings, about any memory that comes.',
        frequency: { kind: 'weekly', times: 1 },
        startOffset: -6,
        dueOffset: 8,
        phase: 'skill-practice',
      },
      {
        key: 'reading-film-reflection',
        goal: 0,
        instructions: 'Reflect on the chapter about grief in the book we discussed.',
        frequency: { kind: 'once' },
        startOffset: -20,
        dueOffset: -10,
        phase: 'skill-practice',
        status: 'discontinued',
      },
    ],
  },
  {
    name: 'Kenji Watanabe',
    pronouns: 'he/him',
    language: 'Japanese',
    concerns: 'Emotional dysregulation; in a DBT skills group.',
    startOffset: -90,
    goals: [{ title: 'Use a distress-tolerance skill instead of acting on urges' }],
    assignments: [
      {
        key: 'dbt-diary-card',
        goal: 0,
        instructions: 'Fill in every evening; bring it to group on Thursday.',
        frequency: { kind: 'daily' },
        startOffset: -6,
        dueOffset: 1,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Fatima Al-Sayed',
    pronouns: 'she/her',
    language: 'Arabic',
    concerns: 'Low self-worth; very critical inner voice.',
    startOffset: -12,
    goals: [{ title: 'Notice small good things each day' }],
    assignments: [
      {
        key: 'gratitude-journal',
        goal: 0,
        instructions: 'Three small things each evening, however ordinary.',
        frequency: { kind: 'daily' },
        startOffset: -5,
        dueOffset: 2,
        phase: 'skill-practice',
      },
      {
        key: 'thinking-traps',
        goal: 0,
        instructions: 'Look out for “mind reading” and “all-or-nothing” thoughts.',
        frequency: { kind: 'weekly', times: 2 },
        startOffset: -5,
        dueOffset: 9,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Daniel O’Connor',
    pronouns: 'he/him',
    concerns: 'Procrastination and avoidance of difficult tasks at work.',
    startOffset: -9,
    goals: [{ title: 'Break one avoided task into steps each week' }],
    assignments: [
      {
        key: 'baseline-observation',
        goal: 0,
        instructions: 'Notice when you put something off, what you did instead, and how you felt.',
        frequency: { kind: 'daily' },
        startOffset: -2,
        dueOffset: 5,
        phase: 'baseline',
      },
      {
        key: 'problem-solving',
        goal: 0,
        instructions: 'Work through the quarterly report problem step by step.',
        frequency: { kind: 'once' },
        startOffset: -2,
        dueOffset: 5,
        phase: 'skill-practice',
      },
    ],
  },
  {
    name: 'Mireille Dubois',
    pronouns: 'she/her',
    language: 'French',
    concerns: 'Health anxiety; frequent body checking.',
    startOffset: -120,
    archived: true,
    goals: [{ title: 'Reduce body checking to once a day', status: 'met' }],
    assignments: [
      {
        key: 'values-based-action',
        goal: 0,
        instructions: 'Choose one action a week that matters more to you than checking.',
        frequency: { kind: 'weekly', times: 1 },
        startOffset: -60,
        dueOffset: -30,
        phase: 'relapse-prevention',
        status: 'completed',
      },
    ],
  },
];

export interface DemoSummary {
  created: boolean;
  clients: number;
  goals: number;
  assignments: number;
}

/** Fills the vault through a typed client of the core; a failure throws its AppError. */
export async function seedDemo(core: DoOf<CoreContract>, now: Date): Promise<DemoSummary> {
  const existing = await core.clients.list({ status: 'all' });
  if (existing.length > 0) return { created: false, clients: 0, goals: 0, assignments: 0 };

  const today = localIsoDate(now);
  const library = await core.library.list({ includeArchived: true });
  const byKey = new Map(library.filter((w) => w.builtInKey).map((w) => [w.builtInKey!, w.id]));
  let goals = 0;
  let assignments = 0;
  for (const c of CLIENTS) {
    const client = await core.clients.create({
      name: c.name,
      preferredName: c.preferredName ?? null,
      pronouns: c.pronouns ?? null,
      preferredLanguage: c.language ?? null,
      dateOfBirth: c.dob ?? null,
      presentingConcerns: `[Demo] ${c.concerns}`,
      startDate: addDays(today, c.startOffset),
    });
    const goalIds: string[] = [];
    for (const g of c.goals) {
      const goal = await core.goals.create({
        clientId: client.id,
        goal: {
          title: g.title,
          description: g.description ?? null,
          status: g.status ?? 'active',
          targetDate: g.targetOffset !== undefined ? addDays(today, g.targetOffset) : null,
        },
      });
      goalIds.push(goal.id);
      goals++;
    }
    for (const a of c.assignments) {
      const worksheetId = byKey.get(a.key);
      if (!worksheetId) throw new Error(`The demo needs the built-in worksheet “${a.key}”.`);
      const created = await core.assignments.create({
        clientId: client.id,
        worksheetId,
        goalId: a.goal !== undefined ? goalIds[a.goal] : null,
        personalInstructions: a.instructions,
        agreedRationale: null,
        frequency: a.frequency,
        startDate: addDays(today, Math.max(a.startOffset, c.startOffset)),
        dueDate: a.dueOffset !== undefined ? addDays(today, a.dueOffset) : null,
        step: a.step ?? null,
        phase: a.phase,
      });
      if (a.status) await core.assignments.setStatus({ id: created.id, status: a.status });
      assignments++;
    }
    if (c.archived) await core.clients.archive({ id: client.id });
  }
  return { created: true, clients: CLIENTS.length, goals, assignments };
}
