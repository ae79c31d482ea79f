import type { WorksheetDefinitionInput } from '../worksheet';
import { confidenceScale } from './scales';

export const stayingWellPlan: WorksheetDefinitionInput = {
  title: 'Staying-well plan',
  summary: 'Relapse prevention: what helped most, likely setbacks, early warning signs, an action plan and who to contact.',
  category: 'skills',
  approach: 'cbt',
  phases: ['relapse-prevention'],
  rationale:
    'Towards the end of therapy, it helps to gather what you have learned in one place, so it is there when you need ' +
    'it. Setbacks are a normal part of recovery, not a sign that the work has failed. What matters most is spotting ' +
    'the early signs and acting on them quickly, with the skills that already worked for you. Writing the plan now, ' +
    'while things are steadier, means you won’t have to work it out when you are struggling.',
  instructions: [
    'Look back over your notes and worksheets from therapy. Write down the ideas and skills that made the most difference, in your own words.',
    'Think about what tends to set you back: situations, times of year, stresses. Write down the ones you can see coming.',
    'List your early warning signs: small changes in your thoughts, feelings, sleep or behaviour that come before things get worse. Ask someone close to you what they notice, too.',
    'For each warning sign, write what you will do. Be specific: which skill, which worksheet, which person.',
    'Write who you can contact for support and how, including your doctor, and a crisis line in case you ever need one.',
    'Rate how confident you feel about using the plan. Bring anything that lowers your confidence to your next session.',
    'Keep the plan somewhere easy to find, and choose a date to read it again.',
  ],
  suggestedFrequency: { kind: 'once' },
  suggestedMinutes: 40,
  blocks: [
    { type: 'longText', id: 'what-helped', label: 'What helped me most', lines: 5 },
    { type: 'longText', id: 'setbacks', label: 'Situations that could set me back', lines: 4 },
    { type: 'longText', id: 'warning-signs', label: 'My early warning signs', lines: 4 },
    { type: 'longText', id: 'action-plan', label: 'What I will do if I notice them', lines: 5 },
    { type: 'longText', id: 'support', label: 'Who I can contact, and how', lines: 3 },
    { type: 'longText', id: 'keep-practising', label: 'How I will keep practising', lines: 3 },
    { type: 'date', id: 'review-date', label: 'When I will read this plan again' },
    { type: 'rating', id: 'confidence', label: 'How confident I feel about using this plan', scale: confidenceScale() },
  ],
};
