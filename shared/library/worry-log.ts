import type { WorksheetDefinitionInput } from '../worksheet';
import { anxietyScale, tenPointScale } from './scales';

export const worryLog: WorksheetDefinitionInput = {
  title: 'Worry log and worry time',
  summary:
    'Jot worries down during the day, postpone them to a set worry time, then sort them into ones you can act on and ones you can’t.',
  category: 'worry',
  approach: 'cbt',
  phases: ['skill-practice'],
  rationale:
    'Worry can feel urgent, as if you must think it through right now. Putting it off to a set time shows you that ' +
    'you have more say over when you worry than it seems. Writing a worry down also helps your mind let go of it for ' +
    'now, because it won’t be forgotten. By worry time, many worries feel less pressing. The ones that remain can be ' +
    'sorted: real problems you can act on, and “what ifs” that thinking harder won’t solve.',
  instructions: [
    'Choose a daily worry time of about 15 minutes, at the same time and in the same place each day. Avoid the hour before bed.',
    'During the day, when a worry starts, write it down in a few words and rate how anxious it makes you. Then tell yourself, “I’ll think about this at worry time,” and bring your attention back to what you were doing.',
    'At worry time, read through the list. Cross out any worries that no longer seem important.',
    'For each worry left, ask: is this a problem I can do something about now? Mark it Y or N.',
    'For the Y worries, write one practical next step. For the N worries, notice them and let them be; you don’t have to solve them.',
    'When the time is up, stop, even if you haven’t finished. Move on to something that needs your attention, such as a phone call, a chore or a walk.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 20,
  blocks: [
    {
      type: 'table',
      id: 'worries',
      label: 'Worries during the day',
      help: 'Anxiety: 0 not anxious, 10 extremely anxious. Can I act: Y if I can do something about it now, N if not.',
      columns: [
        { id: 'time', label: 'Time', kind: 'time', width: 1 },
        { id: 'worry', label: 'The worry, in a few words', kind: 'text', width: 4 },
        { id: 'anxiety', label: 'Anxiety (0–10)', kind: 'rating', width: 1, scale: anxietyScale() },
        { id: 'can-act', label: 'Can I act? Y/N', kind: 'text', width: 1 },
      ],
      rows: 8,
    },
    { type: 'time', id: 'worry-time', label: 'My worry time started at' },
    { type: 'duration', id: 'worry-minutes', label: 'How long I spent' },
    {
      type: 'rating',
      id: 'urgency',
      label: 'How pressing the worries felt at worry time',
      scale: tenPointScale('not at all', 'somewhat', 'extremely'),
    },
    { type: 'longText', id: 'next-steps', label: 'Next steps for the worries I can act on', lines: 4 },
  ],
};
