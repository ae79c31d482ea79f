import type { WorksheetDefinitionInput } from '../worksheet';
import { tensionScale } from './scales';

export const relaxationLog: WorksheetDefinitionInput = {
  title: 'Relaxation and breathing practice',
  summary: 'A week’s log of daily relaxation or slow-breathing practice, with body tension rated before and after (0–10).',
  category: 'relaxation',
  approach: 'behavioural',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'Relaxation is a skill, and like any skill it gets easier with practice. Slow breathing and muscle relaxation calm ' +
    'the body’s alarm system and give you a way to settle yourself when stress rises. It is best learned when you are ' +
    'fairly calm, so that the skill is ready when you need it. Rating your tension before and after each practice ' +
    'shows you what works for you, and how your body responds over the weeks.',
  instructions: [
    'Choose a time of day you can keep to, and a place where you won’t be interrupted for 10 to 20 minutes. Practise on calm days too, not only stressful ones.',
    'Before you begin, rate how tense you feel, from 0 (completely relaxed) to 10 (extremely tense).',
    'Do the practice you agreed with your therapist. If your mind wanders, that is normal: bring your attention back to your breathing or your muscles.',
    'For slow breathing: breathe in gently through your nose for a count of about four, then out a little longer, for about six. Keep it soft rather than deep. If you feel light-headed, stop and breathe normally.',
    'Afterwards, rate your tension again and note anything you noticed.',
    'Some days the practice will feel less helpful. Keep going: the benefit builds over time.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 15,
  blocks: [
    {
      type: 'checklist',
      id: 'techniques',
      label: 'Techniques I am practising',
      options: [
        'Slow breathing',
        'Muscle relaxation (tense and release)',
        'Calm place imagery',
        'Body scan',
        'Another technique agreed in session',
      ],
    },
    {
      type: 'table',
      id: 'practice',
      label: 'Practice log',
      help: 'Tension: 0 completely relaxed, 5 some tension, 10 extremely tense.',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'time', label: 'Time', kind: 'time', width: 1 },
        { id: 'technique', label: 'Technique', kind: 'text', width: 2 },
        { id: 'minutes', label: 'How long', kind: 'number', unit: 'min', width: 1 },
        { id: 'tension-before', label: 'Tension before', kind: 'rating', width: 1, scale: tensionScale() },
        { id: 'tension-after', label: 'Tension after', kind: 'rating', width: 1, scale: tensionScale() },
        { id: 'notes', label: 'What I noticed', kind: 'text', width: 2 },
      ],
      rows: 7,
    },
  ],
};
