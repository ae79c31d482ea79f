import type { WorksheetDefinitionInput } from '../worksheet';
import { beliefScale, feelingScale } from './scales';

export const evidenceForAgainst: WorksheetDefinitionInput = {
  title: 'Weighing the evidence',
  summary:
    'Cognitive restructuring for one thought: evidence for and against it, a balanced alternative, and belief and feeling re-rated.',
  category: 'thoughts',
  approach: 'cbt',
  phases: ['skill-practice'],
  rationale:
    'A thought that comes with a strong feeling can seem true because it feels true. Weighing the evidence is a way ' +
    'of testing it, instead of simply accepting it or arguing with it. You collect facts on both sides, then see what ' +
    'picture they make together. Often the result is a fairer view, and the feeling eases a little. Sometimes the ' +
    'thought turns out to be partly true. Then you have found a real problem, and you can start working on it.',
  instructions: [
    'Choose one thought that has been troubling you. Write it as a single sentence, in your own words.',
    'Rate how much you believe it right now, from 0 to 100 %. Name the feeling it brings and rate how strong that is.',
    'In the left column, list the facts that support the thought. In the right column, list the facts that don’t fit it. Aim for at least three on each side.',
    'If the right column stays empty, ask yourself: What would someone who cares about me point out? Have there been times when this wasn’t true? Am I treating a feeling as a fact?',
    'Read both columns slowly. Then write a view that takes all of it into account. Starting with “Although…” or “Even if…” can help.',
    'Rate again how much you believe the original thought, and how strong the feeling is now.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 3 },
  suggestedMinutes: 20,
  blocks: [
    { type: 'longText', id: 'situation', label: 'What was happening', lines: 2 },
    { type: 'shortText', id: 'thought', label: 'The thought I am checking' },
    { type: 'rating', id: 'belief-before', label: 'How much I believe it now', scale: beliefScale() },
    { type: 'shortText', id: 'feeling', label: 'The feeling it brings' },
    { type: 'rating', id: 'feeling-before', label: 'How strong the feeling is', scale: feelingScale() },
    {
      type: 'table',
      id: 'evidence',
      label: 'The evidence',
      help: 'Facts only: what happened, what was said, what others would agree on.',
      columns: [
        { id: 'for', label: 'Evidence for the thought', kind: 'text', width: 4 },
        { id: 'against', label: 'Evidence against the thought', kind: 'text', width: 4 },
      ],
      rows: 6,
    },
    {
      type: 'longText',
      id: 'balanced-view',
      label: 'A balanced view',
      help: 'A thought that fits all the evidence, on both sides.',
      lines: 4,
    },
    { type: 'rating', id: 'belief-after', label: 'How much I believe the original thought now', scale: beliefScale() },
    { type: 'rating', id: 'feeling-after', label: 'How strong the feeling is now', scale: feelingScale() },
  ],
};
