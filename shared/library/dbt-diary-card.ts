import type { WorksheetDefinitionInput } from '../worksheet';
import { diaryCardScale } from './scales';

export const dbtDiaryCard: WorksheetDefinitionInput = {
  title: 'Skills diary card (DBT)',
  summary:
    'A daily diary card: urges, actions and emotions (0–5) next to the skills used, to review at the start of each session.',
  category: 'skills',
  approach: 'dbt',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'A diary card is a quick daily check-in. It tracks the urges, actions and emotions you are working on, next to ' +
    'the skills you used. Filled in every day, it shows patterns that are hard to see from memory: which days were ' +
    'hardest, what set them off and which skills made a difference. It also lets your sessions start with what ' +
    'matters most, instead of trying to remember the whole week. An honest card is more useful than a good-looking one.',
  instructions: [
    'Fill in one column each evening, at a set time. It takes about five minutes. If you miss a day, fill it in the next morning rather than leaving it blank.',
    'Rate the strongest each urge and emotion got that day, from 0 (none) to 5 (as strong as it gets).',
    'Tick an action row if you acted on that urge, even once. Your therapist is there to understand, not to judge.',
    'Write the skills you used, a word or two each. Then rate how much you used skills overall that day.',
    'If urges become too strong for you to stay safe, follow the crisis plan you agreed with your therapist. Don’t wait for the next session.',
    'Bring the card to every session. You will usually start by looking at it together.',
    'Your therapist may change the rows to fit what you are working on.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 5,
  blocks: [
    {
      type: 'dailyGrid',
      id: 'card',
      label: 'My diary card',
      help: 'Urges and emotions: 0 none, 5 as strong as it gets. Tick an action if it happened that day.',
      days: 7,
      items: [
        { id: 'suicidal-thoughts', label: 'Suicidal thoughts (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'urge-self-harm', label: 'Urge to self-harm (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'self-harm', label: 'Self-harmed', kind: 'check' },
        { id: 'urge-use', label: 'Urge to drink or use (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'used', label: 'Drank or used', kind: 'check' },
        { id: 'sadness', label: 'Sadness (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'fear', label: 'Fear or anxiety (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'anger', label: 'Anger (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'shame', label: 'Shame (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'joy', label: 'Joy (0–5)', kind: 'rating', scale: diaryCardScale() },
        { id: 'skills-used', label: 'Skills I used', kind: 'text' },
        {
          id: 'skills-effort',
          label: 'How much I used skills (0–5)',
          kind: 'rating',
          scale: {
            min: 0,
            max: 5,
            step: 1,
            anchors: [
              { value: 0, label: 'not at all' },
              { value: 5, label: 'whenever I needed them' },
            ],
          },
        },
      ],
    },
    { type: 'longText', id: 'session-notes', label: 'What I want to talk about in session', lines: 3 },
  ],
};
