/**
 * A questionnaire as a fillable form: the measure's own definition laid out as worksheet parts
 * (one multiple-choice part per item, with the exact wording and response options), so that the
 * same PDF engine prints it and the same reader takes its answers back. Nothing here is a second
 * description of a measure: wording, options and scores all come from definitions.ts.
 */
import type { Answers, Block, WorksheetDefinition } from '../worksheet';
import { IDIOGRAPHIC, MEASURES } from './definitions';
import type { MeasureKey, ResponseOption } from './types';

/** The part id of item `number` (1-based). */
export const itemBlockId = (number: number) => `q${number}`;

/** "0  Not at all": an option's box label, its score first as on the published forms. */
export const optionText = (o: ResponseOption) => (o.label.startsWith(String(o.score)) ? o.label : `${o.score}  ${o.label}`);

export interface MeasureForm {
  /** Worksheet-shaped, for the PDF engine. The wording is the published one, even where it is longer than the designer's limits. */
  definition: WorksheetDefinition;
  /** Per answer position: the block id and its options (to read the answers back). */
  items: { blockId: string; options: readonly ResponseOption[] }[];
}

/**
 * The form of a measure. For the idiographic measure pass the client's problems (their own
 * words), in the order of the result's answers.
 */
export function measureForm(key: MeasureKey, problems: readonly string[] = []): MeasureForm {
  if (key === 'idiographic') {
    const blocks: Block[] = [
      {
        type: 'prompt',
        id: 'stem',
        text: `${IDIOGRAPHIC.stem} ${IDIOGRAPHIC.minRating} = ${IDIOGRAPHIC.anchors.min.toLowerCase()}, ${IDIOGRAPHIC.maxRating} = ${IDIOGRAPHIC.anchors.max.toLowerCase()}.`,
      },
      ...problems.map((text, i): Block => ({
        type: 'choice',
        id: itemBlockId(i + 1),
        label: `${i + 1}. ${text}`,
        options: IDIOGRAPHIC.options.map(optionText),
      })),
    ];
    return {
      definition: shell('Your own problems (0–10)', blocks),
      items: problems.map((_, i) => ({ blockId: itemBlockId(i + 1), options: IDIOGRAPHIC.options })),
    };
  }
  const def = MEASURES[key];
  const blocks: Block[] = [];
  if (def.instructions) blocks.push({ type: 'prompt', id: 'instructions', text: def.instructions });
  blocks.push({ type: 'prompt', id: 'stem', text: def.stem });
  for (const item of def.items) {
    if (item.stem) blocks.push({ type: 'prompt', id: `stem${item.number}`, text: item.stem });
    blocks.push({
      type: 'choice',
      id: itemBlockId(item.number),
      label: `${item.number}. ${item.text}`,
      ...(item.optional ? { help: 'You may leave this one out.' } : {}),
      options: item.options.map(optionText),
    });
  }
  return {
    definition: shell(def.title, blocks),
    items: def.items.map((item) => ({ blockId: itemBlockId(item.number), options: item.options })),
  };
}

/** Answers read from a filled form, as item scores in order (null = left blank). */
export function answersFromForm(form: MeasureForm, answers: Answers): (number | null)[] {
  return form.items.map(({ blockId, options }) => {
    const chosen = answers[blockId];
    const i = typeof chosen === 'string' ? options.map(optionText).indexOf(chosen) : -1;
    return i < 0 ? null : options[i]!.score;
  });
}

function shell(title: string, blocks: Block[]): WorksheetDefinition {
  return {
    schemaVersion: 1,
    title,
    summary: title,
    category: 'self-monitoring',
    approach: 'other',
    phases: ['baseline'],
    rationale: title,
    instructions: ['Choose one answer for each question.'],
    suggestedFrequency: { kind: 'once' },
    blocks,
  } as WorksheetDefinition;
}
