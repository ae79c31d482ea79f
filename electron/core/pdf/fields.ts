/**
 * Names of the AcroForm fields of a fillable worksheet: written by the renderer, read back by
 * `readFilledPdf`. Fields form a hierarchy under `sw`, so their full names read
 * `sw.<blockId>`, `sw.<blockId>.o<option>`, `sw.<blockId>.r<row>.<columnId>`,
 * `sw.<blockId>.d<day>.<itemId>`, `sw.<blockId>.s<step>.step|rating` (numbers count from 1).
 * A long answer split over pages continues in `sw.<blockId>_2`, `_3` …
 */
export const FIELD_ROOT = 'sw';
/** The hidden read-only field holding the identity JSON (outside `sw`, so no block ID can clash). */
export const IDENTITY_FIELD = 'stepwise-identity';

export type FieldPath = readonly string[];

export const fieldPath = {
  block: (blockId: string): FieldPath => [FIELD_ROOT, blockId],
  part: (blockId: string, part: number): FieldPath => [FIELD_ROOT, part <= 1 ? blockId : `${blockId}_${part}`],
  option: (blockId: string, index: number): FieldPath => [FIELD_ROOT, blockId, `o${index + 1}`],
  cell: (blockId: string, row: number, columnId: string): FieldPath => [FIELD_ROOT, blockId, `r${row + 1}`, columnId],
  day: (blockId: string, day: number, itemId: string): FieldPath => [FIELD_ROOT, blockId, `d${day + 1}`, itemId],
  step: (blockId: string, step: number, part: 'step' | 'rating'): FieldPath => [FIELD_ROOT, blockId, `s${step + 1}`, part],
};

export const fieldName = (path: FieldPath): string => path.join('.');
