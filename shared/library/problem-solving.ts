import type { WorksheetDefinitionInput } from '../worksheet';
import { tenPointScale } from './scales';

export const problemSolving: WorksheetDefinitionInput = {
  title: 'Problem solving step by step',
  summary:
    'Structured problem solving for a practical problem: define it, brainstorm options, weigh pros and cons, plan, act and review.',
  category: 'worry',
  approach: 'cbt',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'When a problem feels big, it is easy to go round in circles or keep putting it off. Breaking it into steps turns ' +
    'a fog of worry into something you can act on. You describe the problem clearly, list every option you can think ' +
    'of, weigh them up and pick one to try. Even if the first plan doesn’t fully work, you learn something, and you ' +
    'are no longer stuck. The same steps work for everyday problems and for bigger ones.',
  instructions: [
    'Describe the problem as specifically as you can: what is happening, when, and who is involved. Write it as something to solve, such as “I can’t pay the phone bill this month”, rather than “everything is a mess”.',
    'Write what you would like to be different. Keep it realistic and within your control.',
    'List every possible solution you can think of, including unlikely or silly ones. Don’t judge them yet; more ideas give you more to choose from.',
    'For the most promising options, note the main pros and cons, and rate how likely each is to help, from 0 to 10.',
    'Choose one option, or a mix of several, and plan the steps: what you will do, when, and what you will need.',
    'Carry out the plan. Then review it: what happened, and what will you do next?',
    'If it didn’t work, that is information, not failure. Go back to your list and try another option.',
  ],
  suggestedFrequency: { kind: 'once' },
  suggestedMinutes: 30,
  blocks: [
    { type: 'longText', id: 'problem', label: 'The problem', lines: 3 },
    { type: 'longText', id: 'goal', label: 'What I would like to be different', lines: 2 },
    { type: 'longText', id: 'ideas', label: 'All the possible solutions', help: 'Every idea counts at this stage.', lines: 5 },
    {
      type: 'table',
      id: 'options',
      label: 'Weighing up the options',
      columns: [
        { id: 'option', label: 'Option', kind: 'text', width: 3 },
        { id: 'pros', label: 'Pros', kind: 'text', width: 3 },
        { id: 'cons', label: 'Cons', kind: 'text', width: 3 },
        {
          id: 'likely',
          label: 'Likely to help (0–10)',
          kind: 'rating',
          width: 1,
          scale: tenPointScale('not at all', 'maybe', 'very likely'),
        },
      ],
      rows: 5,
    },
    { type: 'longText', id: 'plan', label: 'My plan', help: 'The steps, when I will take them, and what I will need.', lines: 4 },
    { type: 'date', id: 'review-date', label: 'When I will review it' },
    { type: 'longText', id: 'review', label: 'How it went, and what next', lines: 4 },
    {
      type: 'rating',
      id: 'improvement',
      label: 'How much the problem has improved',
      scale: tenPointScale('not at all', 'partly', 'fully resolved'),
    },
  ],
};
