import type { WorksheetDefinitionInput } from '../worksheet';
import { beliefScale } from './scales';

export const behaviouralExperiment: WorksheetDefinitionInput = {
  title: 'Behavioural experiment',
  summary:
    'Test a specific prediction in real life: rate the belief, plan the experiment, record the outcome and what it means, re-rate.',
  category: 'experiments',
  approach: 'cbt',
  phases: ['skill-practice'],
  rationale:
    'Some beliefs are hard to shift by thinking alone. You may know something in your head and still not feel it. ' +
    'A behavioural experiment lets you find out by doing: you make a clear prediction, try something out and watch ' +
    'what actually happens. Whatever the result, you learn something. If your fear comes true, you find out how you ' +
    'coped. If it doesn’t, you have first-hand evidence, which counts for more than any argument.',
  instructions: [
    'Write the belief you want to test and exactly what you predict will happen. Make it specific enough that you could tell afterwards whether it came true.',
    'Rate how strongly you believe the prediction, from 0 to 100 %.',
    'Plan the experiment: what you will do, when, where and with whom. Start with something you can manage, not the hardest version.',
    'Note anything you usually do to feel safer, such as avoiding eye contact or rehearsing every word. Try to drop it, so the test is fair.',
    'Note what might get in the way, and how you will handle it.',
    'Carry out the experiment. Afterwards, write down what happened as soon as you can, sticking to what you saw and heard.',
    'Compare what happened with your prediction. What did you learn? What does it say about the belief?',
    'Rate again how strongly you believe the original prediction.',
  ],
  suggestedFrequency: { kind: 'once' },
  suggestedMinutes: 30,
  blocks: [
    { type: 'shortText', id: 'belief', label: 'The belief I am testing' },
    {
      type: 'longText',
      id: 'prediction',
      label: 'What I predict will happen',
      help: 'Be specific: what will happen, how much, and how would I know?',
      lines: 3,
    },
    { type: 'rating', id: 'belief-before', label: 'How strongly I believe the prediction', scale: beliefScale() },
    { type: 'longText', id: 'plan', label: 'My experiment', help: 'What I will do, when, where and with whom.', lines: 4 },
    { type: 'longText', id: 'safety-behaviours', label: 'What I usually do to feel safer, and will drop', lines: 2 },
    { type: 'longText', id: 'obstacles', label: 'What might get in the way, and my plan', lines: 2 },
    { type: 'date', id: 'date', label: 'Date of the experiment' },
    { type: 'longText', id: 'outcome', label: 'What actually happened', help: 'What I saw, heard and did.', lines: 5 },
    {
      type: 'longText',
      id: 'learned',
      label: 'What I learned',
      help: 'Did the prediction come true: fully, partly, not at all? What does this tell me?',
      lines: 4,
    },
    { type: 'rating', id: 'belief-after', label: 'How strongly I believe the prediction now', scale: beliefScale() },
    { type: 'longText', id: 'next-experiment', label: 'What I could test next', lines: 2 },
  ],
};
