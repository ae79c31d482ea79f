import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPacket, renderWorksheet, type PrintOptions } from '../../electron/core/pdf';
import { countPages } from '../../electron/core/services/print';
import { BUILT_IN_WORKSHEETS } from '../../shared/library';
import type { WorksheetDefinition } from '../../shared/worksheet';
import {
  CREATED,
  EVERY_BLOCK,
  LIMITS_FIXTURE,
  UNICODE_NAMES,
  WIDE,
  inspect,
  jobFor,
  normalise,
  parse,
  savePreview,
  tempDir,
  type PdfReport,
} from '../support/pdf';

/**
 * The printed worksheet, parsed back with poppler and qpdf: every built-in worksheet and the
 * fixtures (every block type, wide tables and grids, every schema limit) in A4 and Letter,
 * normal and large print.
 */

const FIXTURES: { key: string; definition: WorksheetDefinition }[] = [
  { key: 'fixture-every-block', definition: parse(EVERY_BLOCK) },
  { key: 'fixture-wide', definition: parse(WIDE) },
  { key: 'fixture-limits', definition: parse(LIMITS_FIXTURE) },
  ...BUILT_IN_WORKSHEETS.map((w) => ({ key: w.key, definition: parse(w.definition) })),
];

const VARIANTS: { tag: string; options: Partial<PrintOptions> }[] = [
  { tag: 'a4', options: { paper: 'a4' } },
  { tag: 'letter', options: { paper: 'letter' } },
  { tag: 'a4-large', options: { paper: 'a4', largePrint: true } },
  { tag: 'letter-large', options: { paper: 'letter', largePrint: true } },
];

const CASES = FIXTURES.flatMap((f) => VARIANTS.map((v) => ({ ...f, ...v })));

/**
 * A rendered worksheet and what poppler and qpdf say about it. Each is rendered by the first test
 * that needs it (never in a hook: on a busy machine a hook's fixed budget ran out), and each
 * tool runs only when a test asks for its output; later tests reuse both.
 */
interface Rendered {
  key: string;
  tag: string;
  definition: WorksheetDefinition;
  pdf: Buffer;
  report: () => PdfReport;
  raw: () => string;
  bbox: () => string;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const once = <T>(f: () => T): (() => T) => {
  let v: { value: T } | undefined;
  return () => (v ??= { value: f() }).value;
};
let tmp: ReturnType<typeof tempDir>;
const renders = new Map<string, Promise<Rendered>>();

beforeAll(() => {
  tmp = tempDir();
});

afterAll(() => tmp?.cleanup());

function rendered(key: string, tag: string): Promise<Rendered> {
  const id = `${key}-${tag}`;
  let r = renders.get(id);
  if (!r) {
    const f = FIXTURES.find((x) => x.key === key)!;
    const v = VARIANTS.find((x) => x.tag === tag)!;
    r = renderWorksheet(jobFor(f.definition, v.options)).then((pdf) => {
      const file = path.join(tmp.dir, `${id}.pdf`);
      writeFileSync(file, pdf);
      return {
        key,
        tag,
        definition: f.definition,
        pdf,
        report: once(() => inspect([file])[0]!),
        raw: once(() => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })),
        bbox: once(() => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })),
      };
    });
    renders.set(id, r);
  }
  return r;
}

const landscapePages = (r: Rendered) => r.report().pageSizes.filter((s) => s.width > s.height).length;

describe('printed worksheets', () => {
  it('covers every built-in worksheet and fixture, in A4 and Letter, normal and large print', () => {
    expect(BUILT_IN_WORKSHEETS.length).toBeGreaterThan(0);
    for (const w of BUILT_IN_WORKSHEETS) expect(FIXTURES.map((f) => f.key)).toContain(w.key);
    expect(CASES).toHaveLength(FIXTURES.length * VARIANTS.length);
  });

  describe.each(FIXTURES)('$key', ({ key }) => {
    describe.each(VARIANTS)('$tag', ({ tag }) => {
      const where = `${key} ${tag}`;

      it('renders a PDF', async () => {
        const r = await rendered(key, tag);
        expect(r.pdf.subarray(0, 5).toString('latin1'), where).toBe('%PDF-');
      });

      it('prints the title, the client name and every label of every part', async () => {
        const r = await rendered(key, tag);
        const text = squash(r.raw());
        expect(text, where).toContain(squash(r.definition.title));
        expect(text, where).toContain(squash('Zoë Łukasiewicz'));
        expect(text, where).toContain('16March2026');
        expect(text, where).toContain('23March2026');
        expect(text, where).toContain(squash('Why this helps'));
        for (const step of r.definition.instructions) expect(text, where).toContain(squash(step));
        for (const b of r.definition.blocks) {
          if (b.type === 'prompt') expect(text, where).toContain(squash(b.text));
          else expect(text, `${where}: ${b.id}`).toContain(squash(b.label));
          if (b.type === 'table') for (const c of b.columns) expect(text, `${where}: ${b.id}.${c.id}`).toContain(squash(c.label));
          if (b.type === 'dailyGrid')
            for (const it of b.items) expect(text, `${where}: ${b.id}.${it.id}`).toContain(squash(it.label));
          if (b.type === 'checklist' || b.type === 'choice')
            for (const o of b.options) expect(text, `${where}: ${b.id}`).toContain(squash(o));
          if (b.type === 'rating') for (const a of b.scale.anchors) expect(text, `${where}: ${b.id}`).toContain(squash(a.label));
        }
      });

      it('embeds every font (DejaVu Sans only), and qpdf finds no damage', async () => {
        const { report } = await rendered(key, tag);
        expect(report().fonts.length, where).toBeGreaterThan(0);
        for (const f of report().fonts) {
          expect(f.embedded, `${where}: ${f.name}`).toBe(true);
          expect(f.name, where).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
        }
        expect(report().qpdfOk, `${where}: ${report().qpdfOutput}`).toBe(true);
      });

      it('numbers pages "Page N of M" and has a sensible page count', async () => {
        const r = await rendered(key, tag);
        const n = r.report().pages;
        expect(n, where).toBeGreaterThanOrEqual(1);
        // Upper bound: a page for the introduction and each part, plus every 8 table rows / 6 grid rows / 10 writing lines.
        const bound =
          2 +
          r.definition.blocks.reduce((a, b) => {
            if (b.type === 'table') return a + 1 + Math.ceil(b.rows / 4);
            if (b.type === 'dailyGrid') return a + 1 + Math.ceil(b.items.length / 4);
            if (b.type === 'hierarchy') return a + 1 + Math.ceil(b.steps / 8);
            if (b.type === 'longText') return a + 1 + Math.ceil(b.lines / 10);
            return a + 1;
          }, 0);
        expect(n, where).toBeLessThanOrEqual(bound);
        const text = normalise(r.report().text);
        for (let p = 1; p <= n; p++) expect(text, where).toContain(`Page ${p} of ${n}`);
        expect(text, where).not.toContain(`Page ${n + 1} of`);
      });

      it('keeps every word inside the page margins', async () => {
        const r = await rendered(key, tag);
        const pages = [...r.bbox().matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
        expect(pages.length).toBe(r.report().pages);
        pages.forEach((p, i) => {
          const w = Number(p[1]);
          const h = Number(p[2]);
          for (const m of p[3]!.matchAll(
            /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
          )) {
            const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
            const at = `${where} page ${i + 1} word "${m[5]}"`;
            expect(x0, at).toBeGreaterThanOrEqual(54 - 1);
            expect(x1, at).toBeLessThanOrEqual(w - 54 + 1);
            expect(y0, at).toBeGreaterThanOrEqual(40);
            expect(y1, at).toBeLessThanOrEqual(h - 18);
          }
        });
      });

      it('turns a page to landscape for wide tables and grids only (the stated rule)', async () => {
        const r = await rendered(key, tag);
        const wide = r.definition.blocks.some(
          (b) => (b.type === 'table' && b.columns.length >= 6) || (b.type === 'dailyGrid' && b.days >= 8),
        );
        if (wide) expect(landscapePages(r), where).toBeGreaterThanOrEqual(1);
        const narrow = r.definition.blocks.every((b) => b.type !== 'table' && b.type !== 'dailyGrid');
        if (narrow) expect(landscapePages(r), where).toBe(0);
      });
    });

    it('is never shorter in large print', async () => {
      const pages = async (tag: string) => (await rendered(key, tag)).report().pages;
      expect(await pages('a4-large'), key).toBeGreaterThanOrEqual(await pages('a4'));
      expect(await pages('letter-large'), key).toBeGreaterThanOrEqual(await pages('letter'));
    });
  });

  it('turns a page to landscape for wide tables and grids only (the fixtures that show it)', async () => {
    // ≥ 6 columns, or a 7-day grid with text rows: landscape.
    expect(landscapePages(await rendered('fixture-wide', 'a4'))).toBeGreaterThanOrEqual(2);
    // Five narrow-enough columns and a 7-day grid of checks/numbers/ratings: portrait throughout.
    expect(landscapePages(await rendered('fixture-every-block', 'a4'))).toBe(0);
    expect(landscapePages(await rendered('fixture-every-block', 'letter'))).toBe(0);
    // 14 days: landscape.
    expect(landscapePages(await rendered('fixture-limits', 'a4'))).toBeGreaterThanOrEqual(1);
  });

  it('repeats a table header on every page the table runs on', async () => {
    const r = await rendered('fixture-limits', 'a4');
    const pages = r.report().text.split('\f');
    const logPages = pages.filter((p) => p.includes('Exposure log'));
    expect(logPages.length).toBeGreaterThanOrEqual(2);
    for (const p of logPages) {
      expect(p).toContain('What I did');
      expect(p).toMatch(/SUDS/);
    }
    expect(pages.filter((p) => p.includes('Exposure log (continued)')).length).toBe(logPages.length - 1);
  });

  it('prints large print about 1.4× larger', async () => {
    const titleHeight = (r: Rendered) => {
      const first = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Everything<\/word>/.exec(r.bbox())!;
      return Number(first[2]) - Number(first[1]);
    };
    const normal = titleHeight(await rendered('fixture-every-block', 'a4'));
    const large = titleHeight(await rendered('fixture-every-block', 'a4-large'));
    expect(large / normal).toBeGreaterThan(1.3);
    expect(large / normal).toBeLessThan(1.5);
  });

  it('renders fast: under 10 ms per page at the median', async () => {
    // Its own renders, timed one by one after a warm-up (font parsing happens once per process).
    // Timed in CPU time of this process: on a busy machine, time spent waiting for a core is not
    // the engine's (npm run bench gives the wall-clock figures).
    await renderWorksheet(jobFor(FIXTURES[0]!.definition));
    const perPage: number[] = [];
    for (const c of CASES) {
      const t0 = process.cpuUsage();
      const pdf = await renderWorksheet(jobFor(c.definition, c.options));
      const used = process.cpuUsage(t0);
      perPage.push((used.user + used.system) / 1000 / countPages(pdf));
    }
    perPage.sort((a, b) => a - b);
    const median = perPage[Math.floor(perPage.length / 2)]!;
    console.info(`PDF engine: median ${median.toFixed(2)} ms (CPU) per page over ${perPage.length} renders`);
    expect(median).toBeLessThan(10);
  });
});

describe('details of the printed page', () => {
  it('prints names in Latin, Greek and Cyrillic scripts', async () => {
    const def = parse(EVERY_BLOCK);
    const { dir } = tmp;
    const files = await Promise.all(
      UNICODE_NAMES.map(async (name, i) => {
        const file = path.join(dir, `unicode-${i}.pdf`);
        writeFileSync(file, await renderWorksheet(jobFor(def, {}, { clientLabel: name })));
        return file;
      }),
    );
    inspect(files).forEach((r, i) => {
      expect(normalise(r.text)).toContain(UNICODE_NAMES[i]);
      for (const f of r.fonts) expect(f.embedded).toBe(true);
    });
  });

  it('is deterministic: the same job gives the same bytes', async () => {
    const def = parse(EVERY_BLOCK);
    const a = await renderWorksheet(jobFor(def, { fillable: true }));
    for (const f of FIXTURES.slice(0, 6)) await renderWorksheet(jobFor(f.definition, { largePrint: true }));
    const b = await renderWorksheet(jobFor(def, { fillable: true }));
    expect(a.equals(b)).toBe(true);
    const c = await renderWorksheet(jobFor(def, { fillable: true }, { creationDate: new Date(CREATED.getTime() + 1000) }));
    expect(a.equals(c)).toBe(false);
    const p1 = await renderPacket({
      clientLabel: 'Ελένη',
      items: [jobFor(def)],
      options: { paper: 'a4', largePrint: false, fillable: false },
      creationDate: CREATED,
    });
    const p2 = await renderPacket({
      clientLabel: 'Ελένη',
      items: [jobFor(def)],
      options: { paper: 'a4', largePrint: false, fillable: false },
      creationDate: CREATED,
    });
    expect(p1.equals(p2)).toBe(true);
  });

  it('writes metadata without client data: title, Stepwise as producer, the fixed dates', async () => {
    const def = parse(EVERY_BLOCK);
    for (const fillable of [false, true]) {
      const pdf = await renderWorksheet(jobFor(def, { fillable }, { clientLabel: 'Øyvind Ødegård' }));
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      expect(doc.getTitle()).toBe(def.title);
      expect(doc.getProducer()).toBe('Stepwise');
      expect(doc.getCreator()).toBe('Stepwise');
      expect(doc.getCreationDate()?.getTime()).toBe(CREATED.getTime());
      expect(doc.getModificationDate()?.getTime()).toBe(CREATED.getTime());
      const meta = [
        doc.getTitle(),
        doc.getAuthor(),
        doc.getSubject(),
        doc.getKeywords(),
        doc.getCreator(),
        doc.getProducer(),
      ].join(' ');
      expect(meta).not.toMatch(/Øyvind|Ødegård/);
      if (fillable) expect(doc.getKeywords()).toContain('stepwise-fillable-1');
      else expect(doc.getKeywords() ?? '').toBe('');
      // No XMP stream that could carry anything else.
      expect(pdf.includes(Buffer.from('/Metadata'))).toBe(false);
    }
  });

  it('formats dates in the locale and derives weekdays from the start date, whatever the time zone', async () => {
    const def = parse(EVERY_BLOCK);
    const saved = process.env.TZ;
    const texts: Record<string, string> = {};
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        for (const locale of ['en-GB', 'en-US', 'de-DE']) {
          const file = path.join(tmp.dir, `dates-${locale}-${tz.replace('/', '_')}.pdf`);
          writeFileSync(file, await renderWorksheet(jobFor(def, { locale })));
          texts[`${locale} ${tz}`] = normalise(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      expect(texts[`en-GB ${tz}`]).toContain('16 March 2026');
      expect(texts[`en-GB ${tz}`]).toContain('23 March 2026');
      expect(texts[`en-US ${tz}`]).toContain('March 16, 2026');
      expect(texts[`de-DE ${tz}`]).toContain('16. März 2026');
      // 2026-03-16 is a Monday.
      expect(texts[`en-GB ${tz}`]).toMatch(/Mon 16\/03 Tue 17\/03 Wed 18\/03 Thu 19\/03 Fri 20\/03 Sat 21\/03 Sun 22\/03/);
      expect(texts[`en-US ${tz}`]).toMatch(/Mon 3\/16 Tue 3\/17/);
      expect(texts[`de-DE ${tz}`]).toMatch(/Mo 16\.3\. Di 17\.3\./);
    }
  });

  it('labels days "Day 1…" when the start date is unknown, and prints a line for the name when none is given', async () => {
    const def = parse(EVERY_BLOCK);
    const job = jobFor(def, {}, { clientLabel: '' });
    delete job.assignment!.startDate;
    const file = path.join(tmp.dir, 'no-start.pdf');
    writeFileSync(file, await renderWorksheet(job));
    const text = normalise(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
    expect(text).toMatch(/Day 1 Day 2 Day 3 Day 4 Day 5 Day 6 Day 7/);
    expect(text).not.toContain('Mon');
  });

  it('uses the agreed rationale over the worksheet’s, and prints the personal instructions and goal', async () => {
    const def = parse(EVERY_BLOCK);
    const job = jobFor(def);
    job.assignment!.agreedRationale = 'We agreed this helps you notice the good moments too.';
    const file = path.join(tmp.dir, 'agreed.pdf');
    writeFileSync(file, await renderWorksheet(job));
    const text = normalise(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('We agreed this helps you notice the good moments too.');
    expect(text).not.toContain('Writing things down while they are fresh');
    expect(text).toContain('From your therapist');
    expect(text).toContain('Go back to the supermarket on my own.');
    expect(text).toMatch(/Step 2 of 5/);
  });

  it('refuses a definition that does not parse, with a plain message', async () => {
    const def = { ...parse(EVERY_BLOCK), blocks: [] } as unknown as WorksheetDefinition;
    await expect(renderWorksheet(jobFor(def))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('packets', () => {
  it('puts a cover page first, each worksheet on a new page, and numbers pages across the packet', async () => {
    const items = [
      jobFor(parse(EVERY_BLOCK)),
      jobFor(
        FIXTURES.find((f) => f.key === 'thought-record-7')?.definition ?? parse(WIDE),
        {},
        { assignment: { id: 'a2', dueDate: '2026-03-20', frequency: { kind: 'weekly', times: 3 } } },
      ),
      jobFor(parse(WIDE), {}, { assignment: { id: 'a3', personalInstructions: 'Only on workdays. '.repeat(30) } }),
    ];
    for (const largePrint of [false, true]) {
      const pdf = await renderPacket({
        clientLabel: 'Алёна',
        items,
        options: { paper: 'letter', largePrint, fillable: false },
        weekOf: '2026-03-16',
        creationDate: CREATED,
      });
      const file = path.join(tmp.dir, `packet-${largePrint}.pdf`);
      writeFileSync(file, pdf);
      const [r] = inspect([file]);
      expect(r!.qpdfOk).toBe(true);
      for (const f of r!.fonts) expect(f.embedded).toBe(true);
      const pages = r!.text.split('\f').slice(0, r!.pages).map(normalise);
      const n = r!.pages;
      pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${n}`));
      // Cover: every title, its facts, the week and the name.
      const cover = pages[0]!;
      expect(cover).toContain('This week’s practice');
      expect(cover).toContain('Алёна');
      expect(cover).toContain('16 March 2026');
      for (const it of items) expect(cover).toContain(normalise(it.definition.title));
      expect(cover).toContain('3 times a week · due 20 March 2026');
      expect(cover).toContain('Only on workdays.');
      expect(cover).toContain('…');
      // Each worksheet starts on a new page with its own header, at the page the cover names.
      const starts = [...cover.matchAll(/Page (\d+)(?!\d| of)/g)].map((m) => Number(m[1]));
      expect(starts).toHaveLength(items.length);
      starts.forEach((s, i) => {
        expect(pages[s - 1]!).toContain('Why this helps');
        expect(pages[s - 1]!).toContain(normalise(items[i]!.definition.title));
      });
      // A paper packet has no form fields (the fillable packet is tested with tailoring).
      const doc = await PDFDocument.load(pdf);
      expect(doc.getForm().getFields()).toHaveLength(0);
      expect(doc.getTitle()).toBe('Practice packet, week of 16 March 2026');
    }
  });
});

describe('looks (PNG previews to open and inspect)', () => {
  const every = parse(EVERY_BLOCK);
  const tr7 = FIXTURES.find((f) => f.key === 'thought-record-7');
  const previews: [string, () => Promise<Buffer>][] = [
    ['every-a4', () => renderWorksheet(jobFor(every))],
    ['every-a4-large', () => renderWorksheet(jobFor(every, { largePrint: true }))],
    ['every-letter-fillable', () => renderWorksheet(jobFor(every, { paper: 'letter', fillable: true }))],
    ['wide-a4', () => renderWorksheet(jobFor(parse(WIDE)))],
    ['limits-a4', () => renderWorksheet(jobFor(parse(LIMITS_FIXTURE)))],
    ...(tr7 ? [['thought-record-7-a4', () => renderWorksheet(jobFor(tr7.definition))] as [string, () => Promise<Buffer>]] : []),
    [
      'packet-a4',
      () =>
        renderPacket({
          clientLabel: 'Øyvind Ødegård',
          items: FIXTURES.slice(3, 6).map((f) => jobFor(f.definition)),
          options: { paper: 'a4', largePrint: false, fillable: false },
          weekOf: '2026-03-16',
          creationDate: CREATED,
        }),
    ],
  ];

  it.each(previews)('saves %s under tests/artifacts/pdf', async (name, render) => {
    savePreview(name, await render());
  });
});
