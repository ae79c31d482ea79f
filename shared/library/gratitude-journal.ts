import type { WorksheetDefinitionInput } from '../worksheet';

export const gratitudeJournal: WorksheetDefinitionInput = {
  title: 'Gratitude journal',
  summary: 'Each evening, write down up to three things that went well or that you are grateful for, and why they mattered.',
  category: 'writing',
  approach: 'other',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'The mind is built to notice problems. That helps keep you safe, but it can leave good moments unremembered. ' +
    'Writing down a few things you appreciate each day trains your attention to notice them too. It doesn’t deny ' +
    'what is hard; it adds the rest of the picture. The things can be small: a warm drink, a kind word, a quiet ' +
    'moment. After a few weeks, many people find they start spotting them during the day.',
  instructions: [
    'Each evening, take five minutes to think back over the day.',
    'Write down up to three things that went well or that you are grateful for. Be specific: “my sister rang to ask how the interview went” says more than “family”.',
    'For each one, add a few words on why it mattered to you, or what part you played in it.',
    'Try not to repeat the same things every day. Looking for new ones is part of the exercise.',
    'On a hard day, one small thing is enough.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 5,
  blocks: [
    {
      type: 'table',
      id: 'entries',
      label: 'Good things this week',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'good-things', label: 'What went well, or I am grateful for', kind: 'text', width: 4 },
        { id: 'why', label: 'Why it mattered', kind: 'text', width: 3 },
      ],
      rows: 7,
    },
    { type: 'longText', id: 'week', label: 'Looking back at the week', lines: 3 },
  ],
};
