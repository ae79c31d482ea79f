import type { WorksheetDefinitionInput } from '../worksheet';
import { masteryScale, moodScale, pleasureScale } from './scales';

export const activityScheduling: WorksheetDefinitionInput = {
  title: 'Activity planning: mastery and pleasure',
  summary:
    'Behavioural activation: plan two activities a day for a week and rate the achievement (mastery) and enjoyment (pleasure) of each.',
  category: 'activity',
  approach: 'behavioural',
  phases: ['skill-practice'],
  rationale:
    'Low mood tells you to wait until you feel like doing things. The trouble is that the feeling often comes after ' +
    'the doing, not before. Planning activities ahead, and then doing them whatever your mood, is one of the most ' +
    'effective ways to break that cycle. Rating each activity for mastery (a sense of achievement) and pleasure ' +
    '(enjoyment) shows you which ones give something back, even when it doesn’t feel that way at the time.',
  instructions: [
    'Each morning, or the evening before, write in two activities: one that could give you a sense of achievement (A) and one you might enjoy (B). Keep them small and specific: “walk to the shop and back” rather than “exercise”.',
    'Do each activity as planned, even if you don’t feel like it. A shorter version is fine. Tick “done” when you have.',
    'Straight afterwards, rate mastery from 0 to 10: how much you achieved, given how you felt that day. Getting up and showering on a hard day can deserve a high score.',
    'Rate pleasure from 0 to 10: how much you enjoyed it, even a little.',
    'In the evening, rate your mood for the day as a whole.',
    'If you miss an activity, there is no need to make it up. Note what got in the way and carry on the next day.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 10,
  blocks: [
    {
      type: 'dailyGrid',
      id: 'week',
      label: 'My week',
      help: 'Mastery: 0 no achievement, 10 a real achievement. Pleasure: 0 no enjoyment, 10 great enjoyment.',
      days: 7,
      items: [
        { id: 'activity-a', label: 'Activity A', kind: 'text' },
        { id: 'done-a', label: 'A done', kind: 'check' },
        { id: 'mastery-a', label: 'A mastery (0–10)', kind: 'rating', scale: masteryScale() },
        { id: 'pleasure-a', label: 'A pleasure (0–10)', kind: 'rating', scale: pleasureScale() },
        { id: 'activity-b', label: 'Activity B', kind: 'text' },
        { id: 'done-b', label: 'B done', kind: 'check' },
        { id: 'mastery-b', label: 'B mastery (0–10)', kind: 'rating', scale: masteryScale() },
        { id: 'pleasure-b', label: 'B pleasure (0–10)', kind: 'rating', scale: pleasureScale() },
        { id: 'mood', label: 'Mood today (0–10)', kind: 'rating', scale: moodScale() },
      ],
    },
    { type: 'longText', id: 'obstacles', label: 'What got in the way, and what helped', lines: 3 },
  ],
};
