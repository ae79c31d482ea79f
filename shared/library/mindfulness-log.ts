import type { WorksheetDefinitionInput } from '../worksheet';
import { tenPointScale } from './scales';

export const mindfulnessLog: WorksheetDefinitionInput = {
  title: 'Mindfulness practice log',
  summary: 'Log formal and everyday mindfulness practice: what, how long, what you noticed, and how easy it was to come back.',
  category: 'mindfulness',
  approach: 'mindfulness',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'Mindfulness means paying attention to what is happening now, on purpose, with curiosity rather than judgement. ' +
    'Much distress comes from being caught up in worries about the future or replaying the past. Regular practice ' +
    'trains you to notice when your mind has drifted and to bring it back, gently. The aim is not an empty mind or ' +
    'even feeling relaxed, though that may happen. It is to notice more, react less automatically and have more ' +
    'choice about what you do next.',
  instructions: [
    'Practise once a day, at a time that suits you. A short practice you do is better than a long one you skip.',
    'Use the recording or exercise you agreed in session, or give your full attention to an everyday activity, such as washing up, brushing your teeth or walking.',
    'When your mind wanders, and it will, notice where it went, then bring it back to the present. Each return is the practice, not a sign that you are doing it wrong.',
    'Afterwards, note what you practised, for how long, and what you noticed: sensations, sounds, thoughts, feelings.',
    'Rate how easy it was to come back to the present, from 0 (very hard) to 10 (very easy). There are no good or bad scores; the ratings help you see what changes over time.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 10,
  blocks: [
    {
      type: 'table',
      id: 'practice',
      label: 'Practice log',
      help: 'Coming back: how easy it was to return to the present, from 0 (very hard) to 10 (very easy).',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'practice', label: 'What I practised', kind: 'text', width: 2 },
        { id: 'minutes', label: 'How long', kind: 'number', unit: 'min', width: 1 },
        { id: 'noticed', label: 'What I noticed', kind: 'text', width: 4 },
        {
          id: 'coming-back',
          label: 'Coming back (0–10)',
          kind: 'rating',
          width: 1,
          scale: tenPointScale('very hard', 'so-so', 'very easy'),
        },
      ],
      rows: 7,
    },
    { type: 'longText', id: 'reflection', label: 'Looking back on the week', lines: 3 },
  ],
};
