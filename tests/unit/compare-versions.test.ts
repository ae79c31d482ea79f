import { describe, expect, it } from 'vitest';
import { exposureHierarchy } from '../../shared/library/exposure-hierarchy';
import { compareVersions, worksheetDefinitionSchema, type WorksheetDefinition } from '../../shared/worksheet';

const v1 = worksheetDefinitionSchema.parse(exposureHierarchy);

describe('compareVersions', () => {
  it('finds nothing between a version and itself', () => {
    expect(compareVersions(v1, v1)).toEqual([]);
  });

  it('says in plain words which parts were added, removed, renamed and changed, and which instructions', () => {
    const v2: WorksheetDefinition = {
      ...v1,
      instructions: [...v1.instructions.slice(0, 5), 'Bring the ladder to every session.'],
      blocks: [
        ...v1.blocks
          .filter((b) => b.id !== 'goal')
          .map((b) => (b.id === 'fear' ? { ...b, label: 'What I fear' } : b.type === 'hierarchy' ? { ...b, steps: 8 } : b)),
        { type: 'rating', id: 'confidence', label: 'How confident I feel', scale: { min: 0, max: 10, step: 1, anchors: [] } },
      ],
    };
    expect(compareVersions(v1, v2).map((c) => `${c.area}/${c.kind}: ${c.text}`)).toEqual([
      'instructions/changed: Step 6 now reads: “Bring the ladder to every session.”',
      'parts/removed: Removed: “What I want to be able to do” (long answer).',
      'parts/renamed: “The fear I am working on” is now called “What I fear”.',
      'parts/changed: “My fear ladder” has 8 steps (was 10).',
      'parts/added: New: “How confident I feel” (rating scale).',
    ]);
  });
});
