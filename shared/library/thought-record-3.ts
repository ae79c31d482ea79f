import type { WorksheetDefinitionInput } from '../worksheet';
import { feelingScale } from './scales';

export const thoughtRecord3: WorksheetDefinitionInput = {
  title: 'Thought record (three columns)',
  summary: 'A starter thought record linking situations, automatic thoughts and feelings, with a 0–100 rating of each feeling.',
  category: 'thoughts',
  approach: 'cbt',
  phases: ['baseline', 'skill-practice'],
  rationale:
    'How you feel usually depends on what you tell yourself about a situation, not only on the situation itself. ' +
    'Those thoughts come fast and often slip past unnoticed. Writing them down slows things down, so you can see ' +
    'the link between what happened, what went through your mind and how you felt. You don’t need to change ' +
    'anything yet. Noticing is the first skill, and it makes every later step easier.',
  instructions: [
    'When you notice your mood change, or a feeling get stronger, take that as your cue to fill in a row. Do it as soon as you can, while it is fresh.',
    'Situation: write the day and time, where you were, who you were with and what was happening. Keep to the facts, as a camera would record them.',
    'Thoughts: write what went through your mind. It might be words, a picture or a memory. If it came as a question, such as “What if I fail?”, write the statement behind it: “I’m going to fail.”',
    'Feelings: name each feeling in a word, such as anxious, sad, angry, ashamed or guilty.',
    'How strong: rate the strongest feeling from 0 (not at all) to 100 (as strong as it gets).',
    'Bring the sheet to your next session, even if you only filled in one row. A half-finished record is still useful.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 10,
  blocks: [
    {
      type: 'table',
      id: 'thought-record',
      label: 'My thought record',
      help: 'Feelings can usually be named in one word. Thoughts usually take a sentence.',
      columns: [
        { id: 'situation', label: 'Situation', kind: 'text', width: 3 },
        { id: 'thoughts', label: 'Thoughts', kind: 'text', width: 3 },
        { id: 'feelings', label: 'Feelings', kind: 'text', width: 2 },
        { id: 'strength', label: 'How strong (0–100)', kind: 'rating', width: 1, scale: feelingScale() },
      ],
      rows: 6,
    },
  ],
};
