import type { WorksheetDefinitionInput } from '../worksheet';
import { moodScale } from './scales';

export const activityMoodDiary: WorksheetDefinitionInput = {
  title: 'Activity and mood diary',
  summary: 'Baseline monitoring of what you do through the day and how your mood moves with it (0–10), one sheet a day.',
  category: 'activity',
  approach: 'behavioural',
  phases: ['baseline'],
  rationale:
    'When your mood is low, it is hard to remember what your days actually held, and everything can blur into one ' +
    'grey stretch. A simple record shows how you spend your time and how your mood moves with it. Most people find ' +
    'that mood is less fixed than it feels: some activities lift it a little, others drag it down. That pattern is ' +
    'the starting point for planning changes that suit you.',
  instructions: [
    'Fill in a few lines at a time, for example at lunch, in the late afternoon and before bed. Remembering a whole day at once is harder and less accurate.',
    'Write what you were doing in plain words, including resting, scrolling or staying in bed. Nothing is too small or too ordinary to count.',
    'Note who you were with, if anyone.',
    'Rate your mood during each activity, from 0 (very low) to 10 (very good).',
    'Try not to change your routine for this record. The aim is to see how things are now, not how they should be.',
    'At the end of each day, note anything that stands out.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 10,
  blocks: [
    { type: 'date', id: 'day', label: 'Date' },
    {
      type: 'table',
      id: 'activities',
      label: 'What I did today',
      columns: [
        { id: 'time', label: 'Time', kind: 'time', width: 1 },
        { id: 'activity', label: 'What I was doing', kind: 'text', width: 4 },
        { id: 'with-whom', label: 'Who with', kind: 'text', width: 2 },
        { id: 'mood', label: 'Mood (0–10)', kind: 'rating', width: 1, scale: moodScale() },
      ],
      rows: 8,
    },
    { type: 'longText', id: 'noticed', label: 'Anything I noticed today', lines: 3 },
  ],
};
