import type { WorksheetDefinitionInput } from '../worksheet';
import { intensityScale, moodScale } from './scales';

export const baselineObservation: WorksheetDefinitionInput = {
  title: 'Baseline self-observation',
  summary:
    'Before changing anything, count how often a habit, urge, worry or feeling happens each day, how strong and for how long.',
  category: 'self-monitoring',
  approach: 'behavioural',
  phases: ['baseline'],
  rationale:
    'Before trying to change something, it helps to know where you are starting from. Memory is a poor judge of ' +
    'this: one bad day can colour the whole week, and small improvements get missed. A week or two of simple counts ' +
    'gives you and your therapist a clear starting point, so that later you can both see what has really changed. ' +
    'Many people find that paying attention in this way already teaches them something about when and why the ' +
    'problem happens.',
  instructions: [
    'With your therapist, agree exactly what you are watching for, and write it at the top. The clearer it is, the easier it is to count.',
    'Keep this sheet, or a note on your phone, with you during the day. Make a mark each time it happens, straight away if you can.',
    'In the evening, fill in the day’s column: how many times it happened, how strong it was at its worst, and roughly how many minutes it took up in total.',
    'Try not to change anything yet. For now, you are only observing. If things change anyway, that is fine; note it.',
    'Use the notes row for anything that stood out: a busy day, poor sleep, an unusual event.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 5,
  blocks: [
    {
      type: 'shortText',
      id: 'target',
      label: 'What I am observing',
      help: 'For example: checking the door lock, urges to pick my skin, times I put myself down.',
    },
    {
      type: 'dailyGrid',
      id: 'days',
      label: 'Each day',
      days: 7,
      items: [
        { id: 'count', label: 'How many times', kind: 'number' },
        { id: 'strongest', label: 'Strongest (0–10)', kind: 'rating', scale: intensityScale() },
        { id: 'minutes', label: 'Time taken up', kind: 'number', unit: 'min' },
        { id: 'mood', label: 'Mood overall (0–10)', kind: 'rating', scale: moodScale() },
        { id: 'notes', label: 'Notes', kind: 'text' },
      ],
    },
    { type: 'longText', id: 'patterns', label: 'Patterns I noticed', lines: 3 },
  ],
};
