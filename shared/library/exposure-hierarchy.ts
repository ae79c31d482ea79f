import type { WorksheetDefinitionInput } from '../worksheet';
import { sudsScale } from './scales';

export const exposureHierarchy: WorksheetDefinitionInput = {
  title: 'Fear ladder (exposure hierarchy)',
  summary:
    'Build a graded list of feared situations, each rated for anxiety (SUDS 0–100), to plan exposure from the bottom step up.',
  category: 'exposure',
  approach: 'exposure',
  phases: ['skill-practice'],
  rationale:
    'Avoiding what frightens you brings quick relief, but it also keeps the fear in place, because you never get to ' +
    'find out that you can cope. Facing fears gradually is one of the most reliable ways to make them smaller. A fear ' +
    'ladder breaks a big fear into steps, from mildly uncomfortable to very hard. You start near the bottom and move ' +
    'up at a pace you agree with your therapist. Each step makes the next one more manageable.',
  instructions: [
    'Write down the fear you want to work on, and what you would like to be able to do once it is smaller.',
    'List situations linked to this fear, from slightly uncomfortable to the ones you avoid completely. Aim for 8 to 10. Think about what makes a situation easier or harder: who is there, how long it lasts, how far it is from home.',
    'Rate how anxious you would expect to feel in each one, from 0 (calm) through 50 (moderately anxious) to 100 (the most anxious you have ever felt).',
    'Put them in order, with the easiest at step 1. If there is a big jump between two steps, add one in between.',
    'Mark the step you would like to start with. It is usually one rated around 30 to 40: hard enough to matter, but within reach.',
    'Bring the ladder to your session. You will plan the first practice together.',
  ],
  suggestedFrequency: { kind: 'once' },
  suggestedMinutes: 30,
  blocks: [
    { type: 'shortText', id: 'fear', label: 'The fear I am working on' },
    { type: 'longText', id: 'goal', label: 'What I want to be able to do', lines: 2 },
    {
      type: 'hierarchy',
      id: 'ladder',
      label: 'My fear ladder',
      help: 'Rate each step with how anxious you expect to feel (SUDS 0–100).',
      steps: 10,
      scale: sudsScale(),
    },
    { type: 'shortText', id: 'first-step', label: 'The step I will start with' },
  ],
};
