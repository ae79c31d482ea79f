import type { WorksheetDefinitionInput } from '../worksheet';
import { tenPointScale } from './scales';

export const readingFilmReflection: WorksheetDefinitionInput = {
  title: 'Reading or film reflection',
  summary:
    'Bibliotherapy and cinematherapy: reflect on a book, chapter, article or film agreed in session, and bring your reactions back.',
  category: 'reflection',
  approach: 'other',
  phases: ['skill-practice', 'relapse-prevention'],
  rationale:
    'Books and films can show you a problem from a new angle, in someone else’s words or life. Seeing a character ' +
    'struggle with something familiar can make your own experience feel less lonely and easier to talk about. ' +
    'Reading about a method can also teach you skills in your own time. This sheet helps you notice what stood out ' +
    'to you, so you can bring it into your next session. All your reactions count, including doubt and boredom.',
  instructions: [
    'Read or watch what you agreed with your therapist. Give it your full attention, as far as you can, rather than having it on in the background.',
    'Jot down notes as you go, or soon after: a line, a scene or a moment that caught you.',
    'Answer the questions below in your own words. Short answers are fine.',
    'Pay attention to your own reactions, such as recognition, relief, irritation or doubt. They are often the most useful part.',
    'Bring the sheet, and any questions, to your next session.',
  ],
  suggestedFrequency: { kind: 'once' },
  suggestedMinutes: 20,
  blocks: [
    {
      type: 'choice',
      id: 'kind',
      label: 'What it was',
      options: ['Book or chapter', 'Article or leaflet', 'Film', 'Episode of a series', 'Podcast or talk'],
    },
    { type: 'shortText', id: 'title', label: 'Title, and author or director' },
    { type: 'date', id: 'date', label: 'Date I finished it' },
    { type: 'longText', id: 'about', label: 'In a few words, what it was about', lines: 3 },
    { type: 'longText', id: 'stood-out', label: 'What stood out or moved me', lines: 4 },
    { type: 'longText', id: 'recognised', label: 'Where I recognised myself or my situation', lines: 4 },
    { type: 'longText', id: 'doubts', label: 'What I doubted or disagreed with', lines: 3 },
    { type: 'longText', id: 'to-try', label: 'One idea I would like to try', lines: 3 },
    {
      type: 'rating',
      id: 'helpful',
      label: 'How helpful it felt',
      scale: tenPointScale('not at all', 'somewhat', 'very helpful'),
    },
    { type: 'longText', id: 'questions', label: 'Questions for my session', lines: 3 },
  ],
};
