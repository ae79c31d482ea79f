import { afterEach, describe, expect, it } from 'vitest';
import { EVERY_BLOCK } from '../support/pdf';
import { fillWithPypdf } from '../support/pypdf';
import { unlockedCore, type TestCore } from '../support/vault';

/**
 * Typed-in text in fillable PDFs, in every script (issue 11): a client's answers in Chinese,
 * Japanese, Arabic, Hebrew, Hindi or Thai, typed by a filler that is not ours (Debian's
 * python3-pypdf, tests/support/pypdf-fill.py), come back into Stepwise exactly as typed.
 */

let t: TestCore | undefined;
const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const d of dirs.splice(0)) d.cleanup();
});

/** Fills `pdf` with pypdf; returns the filled file's bytes. */
const pypdfFill = (pdf: Uint8Array, values: Record<string, string>) => fillWithPypdf(pdf, values, dirs);

const VALUES = {
  'sw.situation': '在公交车站，一个人。バス停で',
  'sw.reflection': 'قلبي ينبض بسرعة، 10 دقائق.\nלבי דופק מהר',
  'sw.thoughts.r1.thought': 'मैं बेहोश हो जाऊँगी',
  'sw.ladder.s1.step': 'ยืนที่ป้ายรถเมล์',
  'sw.mood': '7',
};

describe('typed-in text in any script', () => {
  for (const name of ['فاطمة الزهراء بن علي', '王小明']) {
    it(`comes back exactly as typed (client ${name})`, async () => {
      t = await unlockedCore({ now: () => new Date('2026-03-14T12:00:00Z') });
      const client = await t.do.clients.create({ name, startDate: '2026-01-10' });
      const ws = await t.do.library.create({ definition: EVERY_BLOCK });
      const a = await t.do.assignments.create({
        clientId: client.id,
        worksheetId: ws.worksheet.id,
        frequency: { kind: 'daily' },
        startDate: '2026-03-08',
        phase: 'skill-practice',
      });
      const pdf = await t.do.print.assignment({ assignmentId: a.id, fillable: true, options: {} });
      expect(pdf.unprintable).toEqual([]);
      const bytes = pypdfFill(pdf.bytes, VALUES);
      const preview = await t.do.imports.previewPdf({ bytes, clientId: client.id });
      expect(preview.clientName).toBe(name);
      const values = preview.records.flatMap((r) => r.fields.map((f) => f.value));
      for (const v of [VALUES['sw.situation'], VALUES['sw.reflection'], VALUES['sw.thoughts.r1.thought']]) {
        expect(values).toContain(v);
      }
      expect(values.some((v) => v.startsWith(VALUES['sw.ladder.s1.step']))).toBe(true);
      const { records } = await t.do.imports.savePdf({ bytes, clientId: client.id });
      const saved = JSON.stringify(records.map((r) => r.answers));
      for (const v of Object.values(VALUES)) expect(saved).toContain(JSON.stringify(v).slice(1, -1));
    });
  }
});
