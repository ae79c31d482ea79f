import type { WorksheetDefinitionInput } from '../worksheet';
import { tenPointScale } from './scales';

export const valuesBasedAction: WorksheetDefinitionInput = {
  title: 'Values-based action',
  summary: 'ACT: choose a valued direction in one life area, commit to small actions that serve it, and notice what shows up.',
  category: 'activity',
  approach: 'act',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'Values are the qualities you want your life to stand for, such as being a caring parent, a curious learner or a ' +
    'reliable friend. Unlike goals, they are never finished: they are directions you can keep moving in, one small ' +
    'step at a time. Difficult thoughts and feelings often show up when you do what matters, and that is normal. This ' +
    'sheet helps you take steps in the direction you choose without waiting for the discomfort to go first, and to ' +
    'notice what happens when you do.',
  instructions: [
    'Choose one area of life that matters to you right now.',
    'Write, in a few words, the kind of person you want to be in this area. Think of qualities rather than results: “patient and present” rather than “no more arguments”.',
    'Plan one or two small actions for the week that move you in that direction. Something you could do in ten minutes counts.',
    'Each time you take an action, log it, and rate how closely it matched your value, from 0 to 10.',
    'Note the thoughts, feelings or urges that showed up. You don’t have to get rid of them. See if you can make room for them and carry on.',
    'At the end of the week, write what you noticed about yourself when you acted on what matters.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 3 },
  suggestedMinutes: 15,
  blocks: [
    {
      type: 'choice',
      id: 'life-area',
      label: 'Life area',
      options: [
        'Partner and close relationships',
        'Family',
        'Friends and community',
        'Work or study',
        'Health and body',
        'Leisure and play',
        'Learning and growth',
        'Meaning or spirituality',
      ],
    },
    {
      type: 'longText',
      id: 'value',
      label: 'What matters to me here',
      help: 'The kind of person I want to be in this area.',
      lines: 2,
    },
    { type: 'longText', id: 'planned-actions', label: 'Small actions I plan this week', lines: 3 },
    {
      type: 'table',
      id: 'actions',
      label: 'What I did',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'action', label: 'What I did', kind: 'text', width: 3 },
        {
          id: 'fit',
          label: 'Fit with my value (0–10)',
          kind: 'rating',
          width: 1,
          scale: tenPointScale('not at all', 'partly', 'completely'),
        },
        { id: 'showed-up', label: 'What showed up: thoughts, feelings, urges', kind: 'text', width: 3 },
      ],
      rows: 6,
    },
    { type: 'longText', id: 'reflection', label: 'What I noticed this week', lines: 3 },
  ],
};
