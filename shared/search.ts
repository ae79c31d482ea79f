/**
 * Searching names and titles, the same in the core (client search, library) and in the renderer
 * (the client list filters the list it already has, as the clinician types).
 */
/** Letters that NFD does not take apart but that people type without their stroke or ligature. */
const FOLDS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * Text folded for searching: case- and accent-insensitive, so "zoe" finds "Zoë" and
 * "lukasiewicz" finds "Łukasiewicz".
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđħıßæœþ]/g, (c) => FOLDS[c] ?? c);
}

/** True when every word of `query` occurs in one of `texts` (folded). An empty query matches all. */
export function matchesSearch(query: string | undefined, ...texts: (string | null | undefined)[]): boolean {
  const words = foldForSearch(query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const hay = texts.filter((t): t is string => !!t).map(foldForSearch);
  return words.every((w) => hay.some((h) => h.includes(w)));
}
