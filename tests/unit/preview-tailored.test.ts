import { describe, expect, it } from 'vitest';
import { exposureHierarchy } from '../../shared/library/exposure-hierarchy';
import { worksheetDefinitionSchema, type WorksheetDefinition } from '../../shared/worksheet';
import { renderPreviewMarkup } from '../../renderer/src/features/library/staticPreview';

const ladder = worksheetDefinitionSchema.parse(exposureHierarchy);

describe('worksheet preview: tailored content and impossible scales', () => {
  it('shows what an assignment fills in, with the agreed number of ladder steps', () => {
    const html = renderPreviewMarkup({
      definition: ladder,
      prefill: {
        values: { fear: 'Taking the lift', ladder: [{ step: 'Look at photos of lifts', rating: 10 }] },
        rows: { ladder: 8 },
      },
    });
    expect(html).toContain('Taking the lift');
    expect(html).toContain('Look at photos of lifts');
    expect(html.match(/class="wsp-row-ladder"/g)).toHaveLength(8);
    expect(html).toContain('step 8 the hardest');
  });

  it('shows a clear message in place of a scale whose lowest value is above its highest, or whose step is 0', () => {
    const broken = (scale: object): WorksheetDefinition => ({
      ...ladder,
      blocks: [
        {
          type: 'rating',
          id: 'mood',
          label: 'Mood',
          scale: { anchors: [], ...scale },
        } as unknown as WorksheetDefinition['blocks'][number],
      ],
    });
    const upsideDown = renderPreviewMarkup({ definition: broken({ min: 10, max: 0, step: 1 }) });
    expect(upsideDown).toContain('The scale cannot be shown yet. The highest value (0) must be above the lowest (10).');
    expect(upsideDown).not.toContain('wsp-scale-ticks');
    const stepZero = renderPreviewMarkup({ definition: broken({ min: 0, max: 10, step: 0 }) });
    expect(stepZero).toContain('This scale needs a step of at least 1.');
    const fine = renderPreviewMarkup({ definition: broken({ min: 0, max: 10, step: 1 }) });
    expect(fine).toContain('wsp-scale-ticks');
  });
});
