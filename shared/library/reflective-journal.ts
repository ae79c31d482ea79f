import type { WorksheetDefinitionInput } from '../worksheet';

export const reflectiveJournal: WorksheetDefinitionInput = {
  title: 'Reflective journal',
  summary:
    'Guided writing about one event: what happened, what you felt and told yourself, what you needed, what you take from it.',
  category: 'writing',
  approach: 'other',
  phases: ['baseline', 'skill-practice', 'relapse-prevention'],
  rationale:
    'Writing about what you have been through helps turn a jumble of feelings into something you can look at and ' +
    'make sense of. Putting an experience into words can make it feel less heavy to carry. There is no right way to ' +
    'do it, and nobody will mark your spelling. The prompts are there to get you started. You can follow them in ' +
    'order, skip some, or write about whatever is most on your mind.',
  instructions: [
    'Set aside 15 to 20 minutes somewhere private, where you can write without being interrupted.',
    'Choose one event or moment from the last few days that is still with you. It can be big or small.',
    'Write freely in response to the prompts. Don’t worry about grammar or neatness; keep your pen moving.',
    'Strong feelings may come up while you write. That is normal. Slow down, take a break or move to a lighter prompt. If it becomes too much, stop and bring it to your session.',
    'When you finish, read back what you wrote and underline one thing you would like to talk about next time.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 3 },
  suggestedMinutes: 20,
  blocks: [
    { type: 'date', id: 'date', label: 'Date' },
    { type: 'longText', id: 'what-happened', label: 'What happened', lines: 5 },
    { type: 'longText', id: 'feelings', label: 'What I felt, and where I felt it in my body', lines: 4 },
    { type: 'longText', id: 'self-talk', label: 'What I told myself about it', lines: 4 },
    { type: 'longText', id: 'needs', label: 'What I needed then, or need now', lines: 3 },
    { type: 'longText', id: 'take-away', label: 'What I want to remember', lines: 3 },
  ],
};
