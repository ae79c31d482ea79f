import { cachedWidthTexts, clearWidthCache } from './fonts';
import { cachedLayoutTexts, clearLayoutCaches } from './internals';
import { cachedWrapTexts, clearWrapCache } from './layout';
import { cachedSimpleTexts, clearSimpleCache } from './scripts';

/**
 * What the PDF engine keeps between documents, and what it forgets when the vault locks.
 *
 * Kept for the life of the process (no client data in them): the font files and parsed fonts,
 * each font's glyph outlines and subset tables (internals.ts). Kept while the vault is unlocked,
 * and forgotten by `forgetPrintedTexts` when it locks (Core.close): the memoised text widths
 * (fonts.ts), wrapped lines (layout.ts), shaped words and lines (internals.ts) and which
 * faces a text needs (scripts.ts). Those hold the
 * texts printed — a client's name, their personal instructions, the goal they work on — so they
 * must not outlive the unlocked session in memory. Worksheet definitions are cached per open
 * vault by the print service (services/print.ts), gone with the vault too.
 */
export function forgetPrintedTexts(): void {
  clearWidthCache();
  clearWrapCache();
  clearLayoutCaches();
  clearSimpleCache();
}

/** Every text the caches above hold (widths, wraps, word and line layouts, faces): for tests. */
export function cachedTexts(): string[] {
  return [...cachedWidthTexts(), ...cachedWrapTexts(), ...cachedLayoutTexts(), ...cachedSimpleTexts()];
}
