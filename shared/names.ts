/** Initials for privacy on paper: "Zoë Łukasiewicz" → "Z. Ł.", "Daniel O’Connor" → "D. O." */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${Array.from(part.replace(/^[^\p{L}]+/u, ''))[0] ?? ''}`.toLocaleUpperCase())
    .filter(Boolean)
    .map((c) => `${c}.`)
    .join(' ');
}

/** A file name part without characters that file systems refuse. */
export function safeFilePart(s: string): string {
  return s
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

/** Letters that NFD does not take apart but that people write without their stroke or ligature. */
const NAME_FOLDS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * A name as it is compared for namesakes: accents, case, punctuation-like apostrophes and extra
 * spaces do not count ("Siobhán  Ní Bhriain" and "siobhan ni bhriain" are the same name).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđħıßæœþ]/g, (c) => NAME_FOLDS[c] ?? c)
    .replace(/[’'`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

interface Named {
  id: string;
  name: string;
  dateOfBirth: string | null;
}

/**
 * The other clients a new or renamed client may be confused with: the same name (see nameKey)
 * and a date of birth that does not tell them apart (the same, or missing on either side).
 */
export function namesakesOf<T extends Named>(candidate: Omit<Named, 'id'> & { id?: string | null }, others: readonly T[]): T[] {
  const key = nameKey(candidate.name);
  if (!key) return [];
  return others.filter(
    (o) =>
      o.id !== candidate.id &&
      nameKey(o.name) === key &&
      (!o.dateOfBirth || !candidate.dateOfBirth || o.dateOfBirth === candidate.dateOfBirth),
  );
}

/** The ids of the clients of a list who share their name with another one of it: lists show more to tell them apart. */
export function sharedNameIds(list: readonly { id: string; name: string }[]): Set<string> {
  const byKey = new Map<string, string[]>();
  for (const c of list) {
    const k = nameKey(c.name);
    byKey.set(k, [...(byKey.get(k) ?? []), c.id]);
  }
  return new Set([...byKey.values()].filter((ids) => ids.length > 1).flat());
}

/**
 * A PDF's file name from its parts: "Fear ladder - SNB (fillable).pdf". Initials go in without
 * their dots (never "S. N. B..pdf"), no part ends in a dot or space (Windows refuses those), and
 * empty parts are left out.
 */
export function pdfFileName(parts: readonly string[], suffix = ''): string {
  const stem = parts
    .map((p) => safeFilePart(p).replace(/[.\s]+$/u, ''))
    .filter(Boolean)
    .join(' - ');
  return `${stem || 'Stepwise'}${suffix ? ` ${suffix}` : ''}.pdf`;
}

/** Initials for a file name: "Siobhán Ní Bhriain" → "SNB". */
export function fileInitialsOf(name: string): string {
  return initialsOf(name).replace(/[.\s]/g, '');
}
