import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GAD7, PCL5, PHQ9 } from '../../shared/measures';
import { normalise, savePreview } from '../support/pdf';
import { fillWithPypdf } from '../support/pypdf';
import { failure, tempDir, unlockedCore, type TestCore } from '../support/vault';

/**
 * Questionnaires on paper (issue 9): a measure printed as a fillable PDF with its exact wording,
 * filled by a tool that is not ours (Debian's python3-pypdf), read back for the clinician to
 * confirm, and recorded with source "pdf". A blank answer stays blank (the result is incomplete).
 */
let t: TestCore | undefined;
const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const d of dirs.splice(0)) d.cleanup();
});

const NOW = new Date('2026-03-14T12:00:00Z');
/** Fills `pdf` with pypdf; returns the filled file's bytes. */
const pypdfFill = (pdf: Uint8Array, values: Record<string, string | true>) => fillWithPypdf(pdf, values, dirs);

function pdfText(pdf: Uint8Array): string {
  const d = tempDir('stepwise-pdftext-');
  dirs.push(d);
  const file = path.join(d.dir, 'q.pdf');
  writeFileSync(file, pdf);
  return normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** The option box of item `n` with score `score` (options count from 1 in field names). */
const box = (n: number, score: number) => `sw.q${n}.o${score + 1}`;

describe('a questionnaire as a fillable PDF', () => {
  it('prints the exact wording and options of PHQ-9, GAD-7 and PCL-5 with the name or initials', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await t.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2025-12-01' });
    for (const def of [PHQ9, GAD7, PCL5]) {
      const out = await t.do.measures.printPdf({ clientId: c.id, measure: def.key });
      expect(out.fileName).toBe(`${def.name} - Z. Ł. (fillable).pdf`);
      const text = pdfText(out.bytes);
      expect(text).toContain(normalise(def.title));
      expect(text).toContain(normalise(def.stem));
      expect(text).toContain('Zoë Łukasiewicz');
      for (const item of def.items) {
        expect(text).toContain(normalise(`${item.number}. ${item.text}`));
        for (const o of item.options) expect(text).toContain(normalise(o.label));
      }
      savePreview(`measure-${def.key}-fillable`, Buffer.from(out.bytes), { png: def.key !== 'pcl5' });
    }
    const initials = await t.do.measures.printPdf({
      clientId: c.id,
      measure: 'gad7',
      options: { nameOnWorksheets: 'initials' },
    });
    const text = pdfText(initials.bytes);
    expect(text).not.toContain('Łukasiewicz');
    expect(text).toContain('Z. Ł.');
  });

  it('reads a pypdf-filled GAD-7 back for confirmation, then records it with source "pdf"', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await t.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2025-12-01' });
    const out = await t.do.measures.printPdf({ clientId: c.id, measure: 'gad7' });
    const answers = [1, 2, 0, 3, 2, 1, 0];
    const filled = pypdfFill(out.bytes, Object.fromEntries(answers.map((a, i) => [box(i + 1, a), true])));

    const preview = await t.do.measures.previewPdf({ bytes: filled, clientId: c.id });
    expect(preview).toMatchObject({ clientId: c.id, measure: 'gad7', answers, complete: true, missingItems: [] });
    expect(preview.items[3]).toEqual({ number: 4, text: GAD7.items[3]!.text, answer: '3 Nearly every day' });
    // Nothing saved by the preview.
    expect(await t.do.measures.list({ clientId: c.id })).toEqual([]);

    const r = await t.do.measures.importPdf({ bytes: filled, clientId: c.id, administeredOn: '2026-03-13' });
    expect(r).toMatchObject({ measure: 'gad7', answers, total: 9, complete: true, source: 'pdf', administeredOn: '2026-03-13' });
    expect((await t.do.audit.list({ limit: 50 })).some((e) => e.entityId === r.id && e.action === 'imported')).toBe(true);
  });

  it('a blank answer imports as blank (incomplete); item 9 above 0 raises the flag', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await t.do.clients.create({ name: 'Ann Other', startDate: '2025-12-01' });
    const out = await t.do.measures.printPdf({ clientId: c.id, measure: 'phq9' });
    // Items 1–9 answered except item 3; item 9 "Several days"; the difficulty question left out.
    const values: Record<string, true> = {};
    for (let n = 1; n <= 9; n++) if (n !== 3) values[box(n, n === 9 ? 1 : 0)] = true;
    const filled = pypdfFill(out.bytes, values);
    const preview = await t.do.measures.previewPdf({ bytes: filled });
    expect(preview.answers).toEqual([0, 0, null, 0, 0, 0, 0, 0, 1, null]);
    expect(preview).toMatchObject({ complete: false, missingItems: [3] });
    expect(preview.items[2]!.answer).toBeNull();
    const r = await t.do.measures.importPdf({ bytes: filled });
    expect(r).toMatchObject({ complete: false, total: null, item9Flag: true, source: 'pdf', administeredOn: '2026-03-14' });
    expect((await t.do.measures.item9Open({ clientId: c.id })).map((o) => o.resultId)).toEqual([r.id]);
  });

  it('the client’s own problems print with their words, 0–10, and come back aligned with the problems', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await t.do.clients.create({ name: 'Ann Other', startDate: '2025-12-01' });
    expect((await failure(t.api.measures.printPdf({ clientId: c.id, measure: 'idiographic' }))).code).toBe('VALIDATION');
    const { active } = await t.do.measures.setProblems({
      clientId: c.id,
      problems: [{ text: 'Avoiding the supermarket' }, { text: 'Arguments at home' }],
    });
    const out = await t.do.measures.printPdf({ clientId: c.id, measure: 'idiographic' });
    const text = pdfText(out.bytes);
    expect(text).toContain('1. Avoiding the supermarket');
    expect(text).toContain('2. Arguments at home');
    savePreview('measure-idiographic-fillable', Buffer.from(out.bytes));
    const filled = pypdfFill(out.bytes, { [box(1, 7)]: true, [box(2, 10)]: true });
    const r = await t.do.measures.importPdf({ bytes: filled, clientId: c.id });
    expect(r).toMatchObject({ measure: 'idiographic', answers: [7, 10], complete: true, source: 'pdf' });
    expect(r.problems?.map((p) => p.id)).toEqual(active.map((p) => p.id));
  });

  it('refuses a questionnaire of another client, and a worksheet PDF, in the clinician’s words', async () => {
    t = await unlockedCore({ now: () => NOW });
    const a = await t.do.clients.create({ name: 'Ann Other', startDate: '2025-12-01' });
    const b = await t.do.clients.create({ name: 'Ben Other', startDate: '2025-12-01' });
    const out = await t.do.measures.printPdf({ clientId: a.id, measure: 'gad7' });
    const e = await failure(t.api.measures.previewPdf({ bytes: out.bytes, clientId: b.id }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/another client/);
    // A printable (not fillable) copy holds no answers.
    const paper = await t.do.measures.printPdf({ clientId: a.id, measure: 'gad7', fillable: false });
    expect((await failure(t.api.measures.previewPdf({ bytes: paper.bytes }))).message).toMatch(/printable copy/);
    // Offered to the worksheet import, it says where it belongs.
    expect((await failure(t.api.imports.previewPdf({ bytes: out.bytes, clientId: a.id }))).message).toMatch(/questionnaire/);
  });
});
