import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerDispatcher } from '../../electron/core/api';
import { writeHistory } from '../../electron/core/history';
import { handoutView } from '../../electron/core/services/print';
import { createContractDispatcher, hostClient } from '../../electron/host';
import { shellHandlers } from '../../electron/main/shell-handlers';
import { EXPORT_FORMAT_VERSION, shellContract, workerContract, type ApiOf, type ShellContract } from '../../shared/contract';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { testOutputHost } from '../support/output';
import { failure, unlockedCore, type TestCore } from '../support/vault';

/** Words that only the clinician's private fields hold: none may reach a handout. */
const SECRETS = ['SECRETNOTE', 'SECRETOBSTACLE', 'SECRETLEARNING', 'SECRETPLAN'];
const NAME = 'Zoë “Zo” O’Brien, Jr.';
const INSTRUCTIONS = 'Write it down, even "badly", the same evening;\nthen rate it.';
const TAKEAWAYS = 'Anxiety peaks, then falls — I don’t have to escape, even on the Łódź line.';

let t: TestCore;
let shell: ApiOf<ShellContract>;
let out: ReturnType<typeof testOutputHost>;
let clientId: string;
let daily: string;
let exposure: string;
let stepUp: string;
let sessionId: string;
const exportsDir = () => path.join(path.dirname(t.dir), 'exports');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  t = await unlockedCore({ now: () => new Date('2026-03-10T10:00:00Z') });
  const worker = hostClient(
    workerContract,
    createWorkerDispatcher(t.core, () => {}),
  );
  mkdirSync(exportsDir(), { recursive: true });
  out = testOutputHost(worker.do, exportsDir());
  shell = hostClient(
    shellContract,
    createContractDispatcher(
      shellContract,
      shellHandlers,
      {
        settings: { get: () => DEFAULT_SETTINGS, update: () => DEFAULT_SETTINGS },
        app: { version: '9.8.7', vaultDir: t.dir, platform: 'linux' },
        output: out.host,
      },
      { log: () => {} },
    ),
  ).api;

  const lib = await t.do.library.list({ includeArchived: true });
  const ws = (key: string) => lib.find((w) => w.builtInKey === key)!.id;
  const c = await t.do.clients.create({ name: NAME, preferredName: 'Zo', dateOfBirth: '1990-02-03', startDate: '2026-01-05' });
  clientId = c.id;
  await t.do.goals.create({ clientId, goal: { title: 'Ride the “U2”, twice a week', status: 'active' } });
  const base = { clientId, goalId: null, agreedRationale: null, phase: 'skill-practice' as const };
  daily = (
    await t.do.assignments.create({
      ...base,
      worksheetId: ws('thought-record-3'),
      personalInstructions: INSTRUCTIONS,
      frequency: { kind: 'daily' },
      startDate: '2026-02-24',
      dueDate: '2026-03-03',
      step: null,
    })
  ).id;
  exposure = (
    await t.do.assignments.create({
      ...base,
      worksheetId: ws('exposure-practice-log'),
      personalInstructions: 'Step 2: the platform at a quiet time.',
      frequency: { kind: 'weekly', times: 3 },
      startDate: '2026-02-24',
      dueDate: '2026-03-03',
      step: { current: 2, total: 8 },
    })
  ).id;
  stepUp = (
    await t.do.assignments.create({
      ...base,
      worksheetId: ws('exposure-practice-log'),
      personalInstructions: 'Step 3: ride one stop.',
      frequency: { kind: 'weekly', times: 3 },
      startDate: '2026-03-03',
      dueDate: '2026-03-17',
      step: { current: 3, total: 8 },
    })
  ).id;
  await t.do.assignments.setStatus({ id: exposure, status: 'completed' });
  const h = writeHistory(t.core, {
    sessions: [
      {
        clientId,
        number: 4,
        date: '2026-03-03',
        time: '14:30',
        durationMinutes: 50,
        attendance: 'attended',
        modality: 'in-person',
        notes: 'SECRETNOTE: mentions her "ex", sleep 4h; risk low',
        takeaways: TAKEAWAYS,
        reviews: [
          {
            assignmentId: daily,
            completion: 'partial',
            amountDone: 4,
            amountExpected: 7,
            quality: 3,
            understood: 'yes',
            rationaleBelief: 70,
            obstacles: ['forgot', 'other'],
            obstacleOther: 'SECRETOBSTACLE',
            learning: 'SECRETLEARNING',
            plan: 'continue',
          },
          {
            assignmentId: exposure,
            completion: 'not-done',
            quality: 0,
            obstacles: ['anxiety-avoidance'],
            plan: 'modify',
            planNote: 'SECRETPLAN',
            nextAssignmentId: stepUp,
          },
        ],
      },
    ],
    practice: [
      {
        assignmentId: daily,
        practicedOn: '2026-02-25',
        answers: {
          'thought-record': [
            { situation: 'Tube, "rush hour", Łódź', thoughts: 'I’ll faint,\nthen panic', feelings: 'fear', strength: 80 },
          ],
        },
      },
      {
        assignmentId: exposure,
        practicedOn: '2026-02-26',
        ladderStep: 2,
        durationMinutes: 35,
        answers: { practice: [{ date: '2026-02-26', step: 'Platform', 'suds-before': 70, 'suds-peak': 85, 'suds-after': 30 }] },
      },
    ],
    chains: [{ id: stepUp, followsId: exposure, endedReason: 'modified' }],
  });
  sessionId = h.sessions[0]!;
});
afterAll(() => t.cleanup());

describe('session handout', () => {
  it('the client-safe view holds takeaways, reviews in client words and the coming practice — nothing private', () => {
    const view = handoutView(t.core, sessionId);
    const json = JSON.stringify(view);
    for (const s of SECRETS) expect(json).not.toContain(s);
    for (const word of ['Forgot', 'forgot', 'avoidance', 'Anxiety or']) expect(json).not.toContain(word);
    expect(Object.keys(view).sort()).toEqual(['clientId', 'practice', 'reviewed', 'sessionDate', 'sessionNumber', 'takeaways']);
    expect(view.reviewed[0]).toEqual({
      title: 'Thought record (three columns)',
      summary: 'You did this on 4 of 7 days. You will carry on with it this week.',
    });
    expect(view.reviewed[1]!.summary).toBe(
      'We talked about how this week went and what could make it easier. We adjusted it together for the coming week.',
    );
    expect(view.practice.map((p) => p.title)).toEqual(['Thought record (three columns)', 'Exposure practice log']);
    expect(view.practice[1]).toMatchObject({
      frequency: '3 times a week',
      dueDate: '2026-03-17',
      step: { current: 3, total: 8 },
    });
  });

  it('prints the takeaways and the homework, never the notes (pdftotext), in large print and with initials too', async () => {
    for (const [name, options] of [
      ['handout-a4', { paper: 'a4' as const, largePrint: false, nameOnWorksheets: 'full' as const }],
      ['handout-letter-large-initials', { paper: 'letter' as const, largePrint: true, nameOnWorksheets: 'initials' as const }],
    ] as const) {
      const pdf = await t.do.print.handout({ sessionId, options });
      expect(pdf.fileName).toBe('Session handout - ZZOJ - 2026-03-03.pdf');
      const file = path.join(exportsDir(), `${name}.pdf`);
      writeFileSync(file, pdf.bytes);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join('/tmp/dataout-look', name)]);
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain('What we looked at');
      expect(text).toContain('You did this on 4 of 7 days.');
      expect(text).toContain('Your practice for the coming week');
      expect(text).toContain('Thought record (three columns)');
      expect(text).toContain('Exposure practice log');
      expect(text).toContain('Step 3: ride one stop.');
      expect(text).toContain('I don’t have to escape, even on the Łódź line.');
      expect(text).toContain(options.nameOnWorksheets === 'initials' ? 'Z. Z. O. J.' : 'O’Brien');
      if (options.nameOnWorksheets === 'initials') expect(text).not.toContain('O’Brien');
      for (const s of [...SECRETS, 'risk', 'Forgot', 'avoidance', 'quality', 'Quality']) expect(text).not.toContain(s);
    }
  });

  it('saving and printing the handout go through the main process and are audited by session ID', async () => {
    const saved = await shell.output.save({ kind: 'handout', sessionId, options: { paper: 'a4' } });
    expect(saved).toMatchObject({ ok: true, value: { saved: true } });
    const printed = await shell.output.print({ kind: 'handout', sessionId, options: { paper: 'a4' } });
    expect(printed).toMatchObject({ ok: true, value: { opened: true } });
    const events = (await t.do.audit.list({ limit: 2 })).map((e) => [e.action, e.entity, e.entityId]);
    expect(events).toEqual([
      ['printed', 'handout', sessionId],
      ['exported', 'handout', sessionId],
    ]);
  });

  it('an unknown session is NOT_FOUND in plain words', async () => {
    const e = await failure(t.api.print.handout({ sessionId: 'f'.repeat(32) }));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: 'That session could not be found.' });
  });
});

describe('export', () => {
  it('JSON: one documented file with everything, parsed back', async () => {
    const { files, suggestedName } = await t.do.export.build({ clientId, format: 'json', appVersion: '1.2.3' });
    expect(files).toHaveLength(1);
    expect(suggestedName).toBe('Stepwise export - Z. Z. O. J. - 2026-03-10.json');
    const doc = JSON.parse(files[0]!.text);
    expect(doc).toMatchObject({
      format: 'stepwise-export',
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: '2026-03-10T10:00:00.000Z',
      appVersion: '1.2.3',
      scope: 'client',
    });
    const c = doc.clients[0];
    expect(c).toMatchObject({ id: clientId, name: NAME, preferredName: 'Zo', dateOfBirth: '1990-02-03' });
    expect(c.goals[0].title).toBe('Ride the “U2”, twice a week');
    expect(c.assignments).toHaveLength(3);
    expect(c.assignments.find((a: { id: string }) => a.id === stepUp)).toMatchObject({
      followsId: exposure,
      stepCurrent: 3,
      frequency: { kind: 'weekly', times: 3 },
    });
    expect(c.assignments.find((a: { id: string }) => a.id === daily).personalInstructions).toBe(INSTRUCTIONS);
    expect(c.sessions[0]).toMatchObject({ number: 4, notes: expect.stringContaining('SECRETNOTE'), takeaways: TAKEAWAYS });
    expect(c.sessions[0].reviews.map((r: { obstacles: string[] }) => r.obstacles)).toEqual([
      ['forgot', 'other'],
      ['anxiety-avoidance'],
    ]);
    expect(c.practiceRecords).toHaveLength(2);
    expect(c.practiceRecords[1]).toMatchObject({ ladderStep: 2, answers: { practice: [{ 'suds-peak': 85 }] } });
    const versions = new Set(c.assignments.map((a: { worksheetVersionId: string }) => a.worksheetVersionId));
    expect(doc.worksheets.map((w: { id: string }) => w.id).sort()).toEqual([...versions].sort());
    expect(doc.worksheets[0].definition.blocks.length).toBeGreaterThan(0);
  });

  it('CSV: a file per table with a BOM; every table round-trips through papaparse (quotes, commas, newlines, accents)', async () => {
    const { files } = await t.do.export.build({ format: 'csv' });
    const json = JSON.parse((await t.do.export.build({ format: 'json' })).files[0]!.text);
    const names = files.map((f) => f.name);
    expect(names.slice(0, 6)).toEqual([
      'clients.csv',
      'goals.csv',
      'assignments.csv',
      'sessions.csv',
      'reviews.csv',
      'practice-records.csv',
    ]);
    const parse = (name: string) => {
      const f = files.find((x) => x.name === name)!;
      expect(f.text.startsWith('\uFEFF')).toBe(true);
      const r = Papa.parse<Record<string, string>>(f.text.slice(1), { header: true, skipEmptyLines: true });
      expect(r.errors).toEqual([]);
      return r;
    };
    const str = (v: unknown) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    const c = json.clients[0];
    const check = (name: string, objects: Record<string, unknown>[], fields: string[]) => {
      const r = parse(name);
      expect(r.data).toHaveLength(objects.length);
      objects.forEach((o, i) => {
        for (const k of fields) expect(r.data[i]![k], `${name} ${k}`).toBe(str(o[k]));
      });
    };
    check('clients.csv', json.clients, ['id', 'name', 'preferredName', 'dateOfBirth', 'startDate', 'status']);
    check('goals.csv', c.goals, ['id', 'clientId', 'title', 'status']);
    check('assignments.csv', c.assignments, ['id', 'personalInstructions', 'followsId', 'stepCurrent', 'dueDate', 'status']);
    check('sessions.csv', c.sessions, ['id', 'number', 'date', 'time', 'notes', 'takeaways', 'attendance']);
    check('reviews.csv', c.sessions[0].reviews, ['id', 'assignmentId', 'completion', 'amountDone', 'learning', 'planNote']);
    check('practice-records.csv', c.practiceRecords, ['id', 'practicedOn', 'ladderStep', 'durationMinutes']);
    expect(parse('reviews.csv').data[0]!.obstacles).toBe('forgot; other');
    expect(parse('assignments.csv').data[0]).toMatchObject({
      worksheetTitle: 'Thought record (three columns)',
      frequency: 'daily',
    });

    // Practice answers: one file per worksheet version, a column per field with its label.
    const tr = parse('practice - Thought record (three columns) v1.csv');
    expect(tr.meta.fields).toContain('My thought record — row 1 — Situation');
    expect(tr.data[0]!['My thought record — row 1 — Situation']).toBe('Tube, "rush hour", Łódź');
    expect(tr.data[0]!['My thought record — row 1 — Thoughts']).toBe('I’ll faint,\nthen panic');
    expect(tr.data[0]!['My thought record — row 1 — How strong (0–100)']).toBe('80');
    expect(tr.data[0]!['My thought record — row 2 — Situation']).toBe('');
    const ex = parse('practice - Exposure practice log v1.csv');
    expect(ex.data[0]).toMatchObject({
      'Practice log — row 1 — SUDS peak': '85',
      'Practice log — row 1 — Step: what I did': 'Platform',
    });
  });

  it('through the app: JSON to a file, CSV to a new folder; audited without content; an existing folder is refused', async () => {
    const j = await shell.output.exportData({ clientId, format: 'json' });
    expect(j).toEqual({
      ok: true,
      value: { saved: true, location: 'Stepwise export - Z. Z. O. J. - 2026-03-10.json', files: 1 },
    });
    const written = JSON.parse(readFileSync(path.join(exportsDir(), j.ok ? j.value.location! : ''), 'utf8'));
    expect(written.appVersion).toBe('9.8.7');
    const c = await shell.output.exportData({ format: 'csv' });
    expect(c).toMatchObject({ ok: true, value: { saved: true, location: 'Stepwise export - all clients - 2026-03-10' } });
    const folder = path.join(exportsDir(), 'Stepwise export - all clients - 2026-03-10');
    expect(readdirSync(folder)).toContain('clients.csv');
    const again = await shell.output.exportData({ format: 'csv' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readdirSync(exportsDir()).filter((f) => f.endsWith('.part'))).toEqual([]);
    out.state.cancelNext = true;
    expect(await shell.output.exportData({ format: 'json' })).toEqual({
      ok: true,
      value: { saved: false, location: null, files: 0 },
    });
    const events = (await t.do.audit.list({ limit: 2 })).map((e) => [e.action, e.entity, e.entityId, e.detail]);
    expect(events).toEqual([
      ['exported', 'vault', null, expect.stringMatching(/^csv, \d+ files$/)],
      ['exported', 'client', clientId, 'json, 1 file'],
    ]);
  });
});

describe('client CSV import', () => {
  const CSV = [
    '\uFEFFFirst Name,Surname,Preferred name,DOB,Intake date,Phone',
    '"Anaïs","Lefèvre, née Roux",Ana,14/03/1988,2026-03-01,555',
    'Zoë,"“Zo” O’Brien, Jr.",Zo,1990-02-03,01.02.2026,',
    'Bob,"The ""Builder""",,3/4/1975,,',
    ',,,,,',
    'Carla,Nobody,,1988-02-30,,',
    'Dieter,Day,,03/14/2026,,',
    'ANAIS,lefevre  née roux,,1988-03-14,,',
    ',,Nick,,,',
    '"Eve","Multi',
    'line",,2031-01-01,,',
  ].join('\r\n');

  it('previews: columns mapped, dates read, bad rows and duplicates flagged; nothing saved', async () => {
    const before = (await t.do.clients.list({ status: 'all' })).length;
    const p = await t.do.clientImport.preview({ csv: CSV });
    expect(p.columns).toEqual([
      'First Name → first name',
      'Surname → last name',
      'Preferred name → preferred name',
      'DOB → date of birth',
      'Intake date → start date',
      'Phone → not imported',
    ]);
    expect(p.dateFormats).toContain('DD/MM/YYYY');
    const byLine = new Map(p.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({
      name: 'Anaïs Lefèvre, née Roux',
      preferredName: 'Ana',
      dateOfBirth: '1988-03-14',
      startDate: '2026-03-01',
      problem: null,
      duplicateOf: null,
    });
    expect(byLine.get(3)).toMatchObject({
      name: NAME,
      startDate: '2026-02-01',
      duplicateOf: { id: clientId, line: null, name: NAME },
    });
    expect(byLine.get(4)).toMatchObject({
      name: 'Bob The "Builder"',
      dateOfBirth: '1975-04-03',
      startDate: '2026-03-10',
      problem: null,
    });
    expect(byLine.has(5)).toBe(false); // an empty row is skipped
    expect(byLine.get(6)!.problem).toContain('“1988-02-30” is not a date this import reads');
    expect(byLine.get(7)!.problem).toContain('“03/14/2026”');
    expect(byLine.get(8)).toMatchObject({ problem: null, duplicateOf: { id: null, line: 2 } });
    expect(byLine.get(9)!.problem).toBe('This row has no name.');
    expect(byLine.get(10)).toMatchObject({ name: 'Eve Multi line' });
    expect(byLine.get(10)!.problem).toContain('future');
    expect((await t.do.clients.list({ status: 'all' })).length).toBe(before);
  });

  it('saves the confirmed rows, all or none, one audit event per client with its ID only', async () => {
    const bad = await failure(t.api.clientImport.save({ csv: CSV, lines: [2, 6] }));
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect(bad.message).toContain('Row 6 cannot be imported');
    expect((await t.do.clients.list({ status: 'all' })).length).toBe(1);
    const { created } = await t.do.clientImport.save({ csv: CSV, lines: [4, 2] });
    expect(created.map((c) => c.name)).toEqual(['Anaïs Lefèvre, née Roux', 'Bob The "Builder"']);
    const events = await t.do.audit.list({ limit: 2 });
    expect(events.map((e) => [e.action, e.entity, e.detail])).toEqual([
      ['imported', 'client', 'csv'],
      ['imported', 'client', 'csv'],
    ]);
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(created.map((c) => c.id)));
    // Now Anaïs is in the vault: row 2 is a duplicate of her.
    const p = await t.do.clientImport.preview({ csv: CSV });
    expect(p.rows.find((r) => r.line === 2)!.duplicateOf).toMatchObject({ id: created[0]!.id });
  });

  it('refuses a file without a name column, and one with only a header, in plain words', async () => {
    expect((await failure(t.api.clientImport.preview({ csv: 'Phone,Email\n1,a@b' }))).message).toMatch(
      /No name column was found/,
    );
    expect((await failure(t.api.clientImport.preview({ csv: 'Name,DOB\n' }))).message).toMatch(/no clients in it/);
    expect(existsSync(t.dir)).toBe(true);
  });
});
