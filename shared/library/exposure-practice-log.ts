import type { WorksheetDefinitionInput } from '../worksheet';
import { sudsScale } from './scales';

export const exposurePracticeLog: WorksheetDefinitionInput = {
  title: 'Exposure practice log',
  summary: 'Record each exposure practice: the step, how long, and anxiety (SUDS) before, at its peak and after.',
  category: 'exposure',
  approach: 'exposure',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'Exposure works through repetition. Each time you stay with a feared situation instead of escaping, you learn ' +
    'something new: that anxiety rises and then settles, and that what you dreaded didn’t happen or was more ' +
    'manageable than you expected. Rating your anxiety before, at its highest and afterwards puts that learning on ' +
    'paper. Over several practices, most people see the numbers come down, even when a single practice felt hard.',
  instructions: [
    'Before you start, write the date and the step from your fear ladder, then rate your anxiety from 0 to 100.',
    'Stay in the situation long enough to learn something: until your anxiety has clearly dropped, or until you have found out what you wanted to know. If you leave early, note it and try again; that is part of the process.',
    'Try not to use safety behaviours, such as distracting yourself, holding on to something or checking the exits. They can stop you from learning that you are safe.',
    'Note how many minutes you stayed and the highest your anxiety reached.',
    'Straight afterwards, rate your anxiety again and jot down anything you noticed.',
    'Repeat the same step several times, ideally on days close together. Move up a step when it feels clearly more manageable, at the pace you agreed with your therapist.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 5 },
  suggestedMinutes: 45,
  blocks: [
    {
      type: 'table',
      id: 'practice',
      label: 'Practice log',
      help: 'SUDS: 0 calm, 50 moderately anxious, 100 the most anxious I have ever felt.',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'step', label: 'Step: what I did', kind: 'text', width: 3 },
        { id: 'minutes', label: 'How long', kind: 'number', unit: 'min', width: 1 },
        { id: 'suds-before', label: 'SUDS before', kind: 'rating', width: 1, scale: sudsScale() },
        { id: 'suds-peak', label: 'SUDS peak', kind: 'rating', width: 1, scale: sudsScale() },
        { id: 'suds-after', label: 'SUDS after', kind: 'rating', width: 1, scale: sudsScale() },
        { id: 'notes', label: 'What I noticed', kind: 'text', width: 2 },
      ],
      rows: 7,
    },
    { type: 'longText', id: 'learning', label: 'What I am learning from these practices', lines: 4 },
  ],
};
