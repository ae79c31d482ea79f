import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import {
  describePath as describeDefinitionPath,
  plainMessage,
  worksheetDefinitionSchema,
  type WorksheetDefinition,
} from '../../../../../shared/worksheet';
import { toDefinition, type Draft } from './draft';

export interface Problem {
  /** Where the message is shown in the designer (an ID's problem is shown at its label). */
  at: string;
  message: string;
}

/** The DOM id of the control (or group) that edits a path. */
export const fieldId = (path: string): string => `wd-${path.replace(/\./g, '-')}`;

export { plainMessage };

/** The draft as it will be saved, checked by the shared worksheet schema. */
const draftSchema = z
  .custom<Draft>()
  // Not yet valid: the schema decides. (Its input type allows what the definition's output type fixes.)
  .transform((d) => toDefinition(d) as z.input<typeof worksheetDefinitionSchema>)
  .pipe(worksheetDefinitionSchema);

/**
 * The designer form's resolver: the draft becomes a worksheet definition, which the shared
 * schema checks (the same check the core makes when saving). Issue paths are the definition's,
 * which are the draft's too ('blocks.2.scale.max').
 */
export const designerResolver: Resolver<Draft, unknown, WorksheetDefinition> = zodResolver(draftSchema, { error: plainMessage });

/** IDs are not edited by hand: a problem with one is shown at the label (or the prompt's text). */
export function displayPath(path: string, draft: Draft): string {
  if (!path.endsWith('.id')) return path || 'title';
  const owner = path.slice(0, -3);
  const m = /^blocks\.(\d+)$/.exec(owner);
  if (m && draft.blocks[Number(m[1])]?.type === 'prompt') return `${owner}.text`;
  return `${owner}.label`;
}

/** Where a problem is, in the clinician's words: 'Part 2 “Mood”, scale, highest value'. */
export function describePath(path: string, draft: Draft): string {
  return describeDefinitionPath(path, draft);
}
