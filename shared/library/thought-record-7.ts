import type { WorksheetDefinitionInput } from '../worksheet';
import { feelingScale } from './scales';

export const thoughtRecord7: WorksheetDefinitionInput = {
  title: 'Thought record (seven columns)',
  summary:
    'The full thought record: rate the feeling, weigh the evidence for and against the hot thought, write a balanced thought, re-rate.',
  category: 'thoughts',
  approach: 'cbt',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'When you are upset, the first thought that comes to mind can feel like plain fact. This record gives you a way ' +
    'to step back and check it, the way a fair judge hears both sides before deciding. You are not trying to think ' +
    'positively or talk yourself out of how you feel. The aim is a view that fits all the facts. With practice, this ' +
    'becomes a habit you can use in your head, without paper.',
  instructions: [
    'Pick a moment when your feelings changed or got stronger. Use one row for each moment, ideally on the same day.',
    'Situation: write what happened, where and with whom. Keep to the facts.',
    'Feelings: name what you felt, then rate how strong it was, from 0 to 100.',
    'Thoughts: write what went through your mind. Underline the thought that carries the most feeling. This is the “hot” thought you will work with.',
    'Evidence for: list the facts that support the hot thought. Facts, not impressions: things a camera could have recorded, or that someone else would agree happened.',
    'Evidence against: list the facts that don’t fit it. Useful questions: Has this happened before, and how did it turn out? What would I say to a friend who thought this? What am I leaving out because I feel bad?',
    'Balanced thought: write a view that takes both columns into account. It should be believable to you, not just more cheerful.',
    'Re-rate: rate the same feeling again, from 0 to 100. Any drop counts, even a small one. If nothing changes, that is worth talking about in your session.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 3 },
  suggestedMinutes: 20,
  blocks: [
    {
      type: 'table',
      id: 'thought-record',
      label: 'My thought record',
      help: 'Feelings are rated from 0 (not at all) to 100 (as strong as it gets).',
      columns: [
        { id: 'situation', label: 'Situation', kind: 'text', width: 2 },
        { id: 'feelings', label: 'Feelings', kind: 'text', width: 1 },
        { id: 'intensity', label: 'How strong (0–100)', kind: 'rating', width: 1, scale: feelingScale() },
        { id: 'thoughts', label: 'Automatic thoughts', kind: 'text', width: 2 },
        { id: 'evidence-for', label: 'Evidence for', kind: 'text', width: 2 },
        { id: 'evidence-against', label: 'Evidence against', kind: 'text', width: 2 },
        { id: 'balanced-thought', label: 'Balanced thought', kind: 'text', width: 2 },
        { id: 'rerated', label: 'Feeling now (0–100)', kind: 'rating', width: 1, scale: feelingScale() },
      ],
      rows: 5,
    },
  ],
};
