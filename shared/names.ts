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
