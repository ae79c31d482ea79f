import type { WorksheetDefinitionInput } from '../worksheet';
import { fivePointScale } from './scales';

export const sleepDiary: WorksheetDefinitionInput = {
  title: 'Sleep diary',
  summary:
    'A week’s sleep diary, filled in each morning: bedtime, time to fall asleep, night wakings, wake time, time asleep, quality.',
  category: 'sleep',
  approach: 'cbt',
  phases: ['baseline', 'skill-practice'],
  rationale:
    'Sleep is hard to judge from memory. A few bad nights can make it seem as if you never sleep well, and good ' +
    'nights are quickly forgotten. A sleep diary gives you and your therapist an accurate picture of your sleep ' +
    'pattern, which is the starting point for improving it. It also shows how the day, with its naps or late ' +
    'coffee, connects with the night that follows. Rough estimates are fine.',
  instructions: [
    'Fill in one column each morning, within an hour of getting up. It covers the night just gone, and the naps, caffeine and alcohol of the day before.',
    'Use your best estimate for times and minutes. Please don’t check the clock during the night; clock-watching can keep you awake.',
    '“Went to bed” is when you got into bed. “Tried to sleep” is when you turned off the light and settled down.',
    'Count each time you remember waking in the night, and estimate how long you were awake in total.',
    '“Final waking” is when you woke for the last time. “Got up” is when you left bed for the day.',
    'Rate how well you slept and how rested you felt, from 1 to 5.',
    'Keep going after a bad night. Those nights matter just as much for the picture.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 5,
  blocks: [
    {
      type: 'dailyGrid',
      id: 'nights',
      label: 'My sleep this week',
      help: 'Write times like 23:15. Best guesses are fine.',
      days: 7,
      items: [
        { id: 'bedtime', label: 'Went to bed (time)', kind: 'text' },
        { id: 'lights-out', label: 'Tried to sleep (time)', kind: 'text' },
        { id: 'minutes-to-sleep', label: 'Time to fall asleep', kind: 'number', unit: 'min' },
        { id: 'wakings', label: 'Times I woke in the night', kind: 'number' },
        { id: 'minutes-awake', label: 'Time awake in the night', kind: 'number', unit: 'min' },
        { id: 'final-waking', label: 'Final waking (time)', kind: 'text' },
        { id: 'got-up', label: 'Got up (time)', kind: 'text' },
        { id: 'hours-asleep', label: 'Time asleep (estimate)', kind: 'number', unit: 'h' },
        { id: 'quality', label: 'Sleep quality (1–5)', kind: 'rating', scale: fivePointScale('very poor', 'fair', 'very good') },
        {
          id: 'rested',
          label: 'How rested I felt (1–5)',
          kind: 'rating',
          scale: fivePointScale('exhausted', 'so-so', 'well rested'),
        },
        { id: 'naps', label: 'Naps the day before', kind: 'number', unit: 'min' },
        { id: 'caffeine-alcohol', label: 'Caffeine or alcohol the day before', kind: 'text' },
      ],
    },
    { type: 'longText', id: 'notes', label: 'Anything that affected my sleep', lines: 3 },
  ],
};
