import type { WorksheetDefinitionInput } from '../worksheet';

export const abcRecord: WorksheetDefinitionInput = {
  title: 'ABC record',
  summary:
    'Self-monitoring of one behaviour: where it happens, what comes just before (A), what you do (B), how often, and what follows (C).',
  category: 'self-monitoring',
  approach: 'behavioural',
  phases: ['baseline', 'skill-practice'],
  rationale:
    'Behaviours rarely come out of nowhere. They are usually set off by something, and kept going by what happens ' +
    'afterwards, often a short burst of relief. Writing down the A (what came just before), the B (what you did) and ' +
    'the C (what followed) helps you see these links. Once you can see what sets a behaviour off and what keeps it ' +
    'going, you can plan where to step in. This is about understanding, not blame.',
  instructions: [
    'Agree with your therapist which behaviour you are recording, and write it at the top.',
    'Each time it happens, fill in a row as soon as you can. Note the date, the time and where you were.',
    'A, just before: what was going on? Who was there, what were you thinking or feeling, what had you been doing?',
    'B, what you did: describe the behaviour in plain words, and how many times it happened in a row.',
    'C, just after: what happened next? How did you feel straight away, and later on? How did other people respond?',
    'If you missed one, fill it in later from memory and mark it with a star.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 5,
  blocks: [
    { type: 'shortText', id: 'behaviour', label: 'The behaviour I am recording' },
    {
      type: 'table',
      id: 'abc',
      label: 'ABC record',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'time', label: 'Time', kind: 'time', width: 1 },
        { id: 'where', label: 'Where, with whom', kind: 'text', width: 2 },
        { id: 'antecedent', label: 'A: Just before', kind: 'text', width: 2 },
        { id: 'behaviour', label: 'B: What I did', kind: 'text', width: 2 },
        { id: 'times', label: 'How many times', kind: 'number', width: 1 },
        { id: 'consequence', label: 'C: Just after', kind: 'text', width: 2 },
      ],
      rows: 7,
    },
    { type: 'longText', id: 'patterns', label: 'Patterns I notice', lines: 3 },
  ],
};
