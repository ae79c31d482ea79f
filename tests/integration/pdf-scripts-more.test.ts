import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWorksheet, type PrintJob } from '../../electron/core/pdf';
import { takeUnprintable } from '../../electron/core/pdf/scripts';
import type { WorksheetDefinition } from '../../shared/worksheet';
import { EVERY_BLOCK, inspect, jobFor, parse, savePreview, tempDir } from '../support/pdf';

/**
 * Bengali, Tamil, Ethiopic (Amharic) and the other scripts of South and South-East Asia print
 * with their own Noto Sans faces, shaped, embedded as a subset only when the text needs them
 * (issue 11); a character no face has is named (never a silent box). Read back with pdftotext
 * and pdffonts; the pages are saved as PNG under tests/artifacts/pdf (scripts-more-*).
 */

const BENGALI_NAME = 'সুমাইয়া রহমান';
const TAMIL_INSTRUCTION = 'தினமும் பத்து நிமிடம் எழுதுங்கள்.';
const AMHARIC_NAME = 'አበበ በቀለ';

const short = (def: WorksheetDefinition, n = 3): WorksheetDefinition => ({ ...def, blocks: def.blocks.slice(0, n) });
const every = parse(EVERY_BLOCK);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('stepwise-scripts-more-');
});
afterAll(() => tmp?.cleanup());

function job(clientLabel: string, instructions: string): PrintJob {
  const j = jobFor(short(every), {}, { clientLabel });
  j.assignment!.personalInstructions = instructions;
  return j;
}

async function read(name: string, pdf: Promise<Buffer>): Promise<{ text: string; fonts: string[]; qpdfOk: boolean }> {
  const file = path.join(tmp.dir, `${name}.pdf`);
  writeFileSync(file, await pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  const [report] = inspect([file]);
  return { text, fonts: report!.fonts.map((f) => f.name), qpdfOk: report!.qpdfOk };
}

const has = (fonts: string[], face: string) => fonts.some((f) => f.endsWith(`+${face}`));

describe('Bengali, Tamil and Amharic', () => {
  it('prints a Bengali name and a Tamil instruction, mixed with Latin, each in its own face', async () => {
    const r = await read('bengali-tamil', renderWorksheet(job(`${BENGALI_NAME} (Sumaiya)`, `${TAMIL_INSTRUCTION} (Zoë)`)));
    expect(r.qpdfOk).toBe(true);
    expect(takeUnprintable()).toEqual([]);
    // The name is in the (bold) header and the (regular) running header.
    expect(has(r.fonts, 'NotoSansBengali-Bold')).toBe(true);
    expect(has(r.fonts, 'NotoSansTamil-Regular')).toBe(true);
    // Words without a vowel sign written before their consonant read back letter for letter.
    for (const w of ['রহমান', '(Sumaiya)', 'பத்து', 'நிமிடம்', 'எழுதுங்கள்.', '(Zoë)']) expect(r.text).toContain(w);
  });

  it('prints an Amharic name in Noto Sans Ethiopic', async () => {
    const r = await read('amharic', renderWorksheet(job(`${AMHARIC_NAME} / Abebe`, `${AMHARIC_NAME}: 10 min.`)));
    expect(has(r.fonts, 'NotoSansEthiopic-Regular')).toBe(true);
    expect(r.text).toContain(`${AMHARIC_NAME} / Abebe`);
    expect(r.text).toContain(`${AMHARIC_NAME}: 10 min.`);
  });

  it('embeds none of these faces when the text does not need them', async () => {
    const r = await read('latin', renderWorksheet(job('Zoë Łukasiewicz', 'Ten minutes each evening.')));
    expect(r.fonts.filter((f) => f.includes('Noto'))).toEqual([]);
  });

  it('prints Sinhala, Gujarati, Telugu, Kannada, Malayalam, Khmer and Myanmar; Georgian, Armenian and Lao in DejaVu', async () => {
    const names = {
      Sinhala: 'නිමල් පෙරේරා',
      Gujarati: 'કિરણ પટેલ',
      Telugu: 'రాము',
      Kannada: 'ಅನಿಲ್ ಕುಮಾರ್',
      Malayalam: 'അനു മാത്യു',
      Khmer: 'សុខា',
      Myanmar: 'အောင်',
    };
    const dejavu = 'ნინო / Անի / ສົມ';
    const r = await read('more', renderWorksheet(job('Zoë', `${Object.values(names).join('\n')}\n${dejavu}`)));
    expect(r.qpdfOk).toBe(true);
    for (const s of Object.keys(names)) expect(has(r.fonts, `NotoSans${s}-Regular`), s).toBe(true);
    expect(takeUnprintable()).toEqual([]);
    expect(r.text).toContain(dejavu);
  });
});

describe('a character no face has', () => {
  it('is named after the document that met it (never a silent box), and only once', async () => {
    // Ol Chiki (Santali), Tibetan and Gurmukhi: no face of Stepwise has them.
    await renderWorksheet(job('ᱥᱟᱱᱛᱟᱲ Zoë', 'བཀྲ 10 min. ਸਿੰਘ'));
    expect(takeUnprintable()).toEqual(['ᱥ', 'ᱟ', 'ᱱ', 'ᱛ', 'ᱲ', 'བ', 'ཀ', 'ਸ', 'ਘ']);
    expect(takeUnprintable()).toEqual([]);
    // A next document starts afresh.
    await renderWorksheet(job('Zoë', AMHARIC_NAME));
    expect(takeUnprintable()).toEqual([]);
  });
});

it('saves PNG pages to look at (tests/artifacts/pdf/scripts-more-*)', async () => {
  savePreview(
    'scripts-more',
    await renderWorksheet(
      job(`${BENGALI_NAME} (Sumaiya) · ${AMHARIC_NAME}`, `${TAMIL_INSTRUCTION}\n${AMHARIC_NAME} — Abebe, 10 min.`),
    ),
  );
});
