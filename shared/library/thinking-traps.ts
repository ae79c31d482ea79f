import type { WorksheetDefinitionInput } from '../worksheet';
import { beliefScale } from './scales';

export const thinkingTraps: WorksheetDefinitionInput = {
  title: 'Spotting thinking traps',
  summary:
    'Name the thinking habit behind an upsetting thought (all-or-nothing, mind reading, catastrophising…) and find another way to see it.',
  category: 'thoughts',
  approach: 'cbt',
  phases: ['skill-practice'],
  rationale:
    'Everyone’s mind takes shortcuts, especially under stress. Some shortcuts show up again and again, such as ' +
    'jumping to the worst outcome or assuming you know what others think. Getting to know your own usual patterns ' +
    'makes them easier to catch in the moment. Naming a trap doesn’t prove the thought wrong, but it gives you a ' +
    'little distance from it. With that distance comes more choice about what to do next.',
  instructions: [
    'Read through the list of traps and tick the ones you recognise in yourself. There is no right number.',
    'During the week, when you notice a strong feeling, write down the thought that came with it.',
    'Ask yourself which trap, if any, the thought might fall into. One thought can fall into several.',
    'Rate how much you believe the thought, from 0 to 100 %.',
    'Then write another way of seeing the situation, one that steps around the trap. It doesn’t have to be positive, only fairer.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 4 },
  suggestedMinutes: 10,
  blocks: [
    {
      type: 'checklist',
      id: 'common-traps',
      label: 'Traps I recognise in myself',
      options: [
        'All-or-nothing: seeing things as total success or total failure',
        'Catastrophising: expecting the worst possible outcome',
        'Mind reading: assuming I know what others think of me',
        'Fortune telling: treating a guess about the future as certain',
        'Overgeneralising: one event turns into “always” or “never”',
        'Mental filter: noticing only what went wrong',
        'Discounting the positive: “that doesn’t count”',
        'Emotional reasoning: “I feel it, so it must be true”',
        'Rigid rules: “should”, “must” and “ought to”',
        'Labelling: “I’m useless” instead of “I made a mistake”',
        'Taking the blame for things outside my control',
      ],
    },
    {
      type: 'table',
      id: 'traps-log',
      label: 'Thoughts and traps',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'thought', label: 'The thought', kind: 'text', width: 3 },
        { id: 'trap', label: 'Trap', kind: 'text', width: 2 },
        { id: 'belief', label: 'Belief (0–100 %)', kind: 'rating', width: 1, scale: beliefScale() },
        { id: 'other-view', label: 'Another way to see it', kind: 'text', width: 3 },
      ],
      rows: 6,
    },
  ],
};
