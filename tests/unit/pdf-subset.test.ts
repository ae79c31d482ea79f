import { describe, expect, it } from 'vitest';
import { BOLD, REGULAR, createDocument } from '../../electron/core/pdf/fonts';
import { currentSubset, fontkitEncode, includeGlyphs, writesCachedTables } from '../../electron/core/pdf/internals';

/**
 * The embedded font subsets are written from tables cached per font (electron/core/pdf/subset.ts,
 * wired into fontkit by internals.ts) rather than by fontkit's encoder: they must stay
 * byte-identical to what fontkit writes.
 */

// Simple glyphs, and composites (é, ö, Ά, ё, Ǻ… are built from components in DejaVu Sans).
const TEXT = 'Zoë Łukasiewicz, Øyvind Ødegård, Ελένη, Алёна – “ǺǻǼǽǾǿ” é ö Ά ά Ё ё ✓ 0123456789 The quick brown fox';

describe('embedded font subsets', () => {
  it('are written from cached tables, byte for byte as fontkit writes them', () => {
    for (let round = 1; round <= 4; round++) {
      for (const face of [REGULAR, BOLD]) {
        const doc = createDocument({ autoFirstPage: false });
        doc.font(face);
        includeGlyphs(doc, TEXT.slice(0, round * 25));
        const subset = currentSubset(doc);
        const ours = Buffer.from(subset.encode());
        const fontkit = Buffer.from(fontkitEncode(subset));
        expect(ours.equals(fontkit)).toBe(true);
        // The first subset of each font teaches the cache; every later one is written from it.
        expect(writesCachedTables(doc)).toBe(true);
      }
    }
  });
});
