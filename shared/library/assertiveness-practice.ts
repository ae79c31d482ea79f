import type { WorksheetDefinitionInput } from '../worksheet';
import { confidenceScale, tenPointScale } from './scales';

export const assertivenessPractice: WorksheetDefinitionInput = {
  title: 'Assertiveness practice',
  summary:
    'Prepare, rehearse and review one assertive conversation: the aim, a four-part script, confidence before, how it went.',
  category: 'skills',
  approach: 'cbt',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'Being assertive means saying what you think, feel and need, clearly and with respect for yourself and the other ' +
    'person. It sits between going along with things to keep the peace and pushing your point through. It is a ' +
    'skill, not a personality trait, so it grows with preparation and practice. Planning what you want to say, and ' +
    'looking back on how it went, helps you learn from each attempt, whatever the other person does.',
  instructions: [
    'Choose a situation coming up where you would like to speak up, say no or ask for something. Start with one that matters a little, not the hardest one.',
    'Write what you want to happen. Focus on what is in your control: what you say and how you say it, not how the other person reacts.',
    'Draft what you will say in four short parts: what happened (facts only), how it affects you, what you are asking for, and why it would help. Speak for yourself: “I feel…”, “I would like…”.',
    'Practise it out loud once or twice. Notice your voice, posture and eye contact as well as the words.',
    'Rate how confident you feel before you go ahead.',
    'Afterwards, write what happened and rate how assertive you were, whatever the outcome. Saying it clearly is the success, even if the answer was no.',
    'Note one thing you did well and one thing you would try differently next time.',
  ],
  suggestedFrequency: { kind: 'weekly', times: 2 },
  suggestedMinutes: 20,
  blocks: [
    { type: 'longText', id: 'situation', label: 'The situation', help: 'Who, when, and what it is about.', lines: 3 },
    { type: 'longText', id: 'aim', label: 'What I want to happen', lines: 2 },
    { type: 'prompt', id: 'script-intro', text: 'My script: four short parts, in my own words.' },
    { type: 'longText', id: 'script-facts', label: 'What happened (facts only)', lines: 2 },
    { type: 'longText', id: 'script-effect', label: 'How it affects me', lines: 2 },
    { type: 'longText', id: 'script-request', label: 'What I am asking for', lines: 2 },
    { type: 'longText', id: 'script-benefit', label: 'Why it would help', lines: 2 },
    { type: 'rating', id: 'confidence-before', label: 'How confident I feel beforehand', scale: confidenceScale() },
    { type: 'date', id: 'date', label: 'When I did it' },
    { type: 'longText', id: 'outcome', label: 'What happened', lines: 4 },
    { type: 'rating', id: 'assertiveness', label: 'How assertive I was', scale: tenPointScale('not at all', 'partly', 'fully') },
    { type: 'longText', id: 'did-well', label: 'What I did well', lines: 2 },
    { type: 'longText', id: 'differently', label: 'What I would try differently', lines: 2 },
  ],
};
