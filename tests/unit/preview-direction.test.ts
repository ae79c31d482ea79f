import { describe, expect, it } from 'vitest';
import { renderPreviewMarkup } from '../../renderer/src/features/library/staticPreview';
import { EVERY_BLOCK, parse } from '../support/pdf';

/**
 * The in-app preview shows right-to-left text as the PDF prints it: every piece of text a
 * therapist or client wrote carries dir="auto", so the browser applies the bidirectional
 * algorithm with the text's own base direction (an Arabic instruction reads right to left and
 * sits against the right edge; an English label stays left to right).
 */
describe('worksheet preview: direction of user text', () => {
  it('sets dir="auto" on the name, the instructions, the rationale, the steps, labels, help and options', () => {
    const definition = parse(EVERY_BLOCK);
    const html = renderPreviewMarkup({
      definition,
      clientLabel: 'فاطمة الزهراء بن علي',
      personalInstructions: 'اكتبي أفكارك كل مساء لمدة 10 دقائق.',
      agreedRationale: 'כתבי כל ערב 5 דקות.',
      goal: 'Name: فاطمة three times a week.',
    });
    expect(html).toMatch(/<dd dir="auto">فاطمة الزهراء بن علي<\/dd>/);
    expect(html).toMatch(/<p dir="auto">اكتبي أفكارك كل مساء لمدة 10 دقائق.<\/p>/);
    expect(html).toMatch(/<p class="wsp-para" dir="auto">כתבי כל ערב 5 דקות.<\/p>/);
    expect(html).toContain('<bdi>Name: فاطمة three times a week.</bdi>');
    expect(html).toContain(`<li dir="auto">${definition.instructions[0]}</li>`);
    expect(html).toMatch(/<h\d class="wsp-title" dir="auto">/);
    expect(html).toMatch(/<h\d class="wsp-label" dir="auto">Where were you/);
    expect(html).toMatch(/<span dir="auto">Slow breathing<\/span>/);
  });
});
