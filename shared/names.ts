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
