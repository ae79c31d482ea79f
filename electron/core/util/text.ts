// Search folding lives in shared/ (the renderer filters the client list with it too).
export { foldForSearch, matchesSearch } from '../../../shared/search';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts names as people expect (accents and case do not split the order). */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
