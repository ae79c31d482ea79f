import { PDFCheckBox, PDFDocument, PDFName, PDFTextField, type PDFField } from '@cantoo/pdf-lib';
import { AppError } from '../../../shared/result';
import {
  answersSchemaFor,
  scaleRange,
  worksheetDefinitionSchema,
  type Answers,
  type Block,
  type Scale,
  type WorksheetDefinition,
} from '../../../shared/worksheet';
import type { FillableIdentity } from './types';
import { IDENTITY_FIELD, fieldName, fieldPath, type FieldPath } from './fields';
import { decodeIdentity, definitionHash, safeLocale } from './format';
import { parseDate, parseDuration, parseNumber, parseTime } from './parse';

export interface ReadExpectation {
  vaultId: string;
  clientId: string;
  assignmentId: string;
  /** The definition of the worksheet version the assignment points to. */
  definition: WorksheetDefinition;
  /** For reading dates like 3/4/2026 (month first in en-US). Defaults to en-GB. */
  locale?: string;
}

export interface ReadResult {
  answers: Answers;
  /** How many fields held an answer. */
  filledCount: number;
}

export const PDF_MESSAGES = {
  damaged:
    'This file is not a readable PDF. It may be damaged, incomplete, or another kind of file. Ask your client to save the worksheet again and send the new copy, or enter the answers by hand.',
  encrypted:
    'This PDF is locked with a password, so Stepwise cannot read its answers. Ask your client to save it again without a password, or enter the answers by hand.',
  foreign:
    'This PDF was not made by Stepwise, so its answers cannot be read. Print a fillable copy of the worksheet from Stepwise for your client, or enter the answers by hand.',
  printable:
    'This PDF is a printable copy of a Stepwise worksheet, without fields to type in, so it holds no answers to read. Enter the answers by hand, or print a fillable copy for your client.',
  otherAssignment:
    'This worksheet belongs to a different assignment. Open the client and assignment it was printed for and import it there, or enter the answers by hand.',
  otherVault:
    'This worksheet belongs to a different assignment: it was printed from another Stepwise vault. Import it in the vault it came from, or enter the answers by hand.',
  otherClient:
    'This worksheet was printed for another client. Open that client in Stepwise and import it there, or enter the answers by hand.',
  otherVersion:
    'This PDF was printed from a different version of this worksheet, so its answers may not line up with the current parts. Enter the answers by hand, or print a new fillable copy.',
};

/**
 * Reads the answers of a fillable worksheet made by `renderWorksheet` and filled in by a client.
 * Refuses (AppError) a damaged file, a PDF Stepwise did not make, one printed for another
 * client, assignment or vault, and one from another version of the worksheet. Messages name
 * parts of the worksheet, never what the client wrote.
 */
export async function readFilledPdf(bytes: Uint8Array, expect: ReadExpectation): Promise<ReadResult> {
  const { fields, identity } = await open(bytes);
  if (identity.vaultId !== expect.vaultId) throw new AppError('CONFLICT', PDF_MESSAGES.otherVault);
  if (identity.clientId !== expect.clientId || identity.assignmentId !== expect.assignmentId) {
    throw new AppError('CONFLICT', PDF_MESSAGES.otherAssignment);
  }
  const parsed = worksheetDefinitionSchema.safeParse(expect.definition);
  const def = parsed.success ? parsed.data : expect.definition;
  if (identity.definitionSha256 !== definitionHash(def)) throw new AppError('CONFLICT', PDF_MESSAGES.otherVersion);

  const reader = new Reader(fields, safeLocale(expect.locale));
  const answers: Answers = {};
  for (const b of def.blocks) {
    const v = reader.block(b);
    if (v !== undefined) answers[b.id] = v;
  }
  if (reader.errors.size) throw invalid(reader.errors);

  const check = answersSchemaFor(def).safeParse(answers);
  if (!check.success) {
    const errors = new Map<string, string>();
    for (const issue of check.error.issues) {
      const key = issue.path.join('.');
      if (!errors.has(key)) errors.set(key, labelled(def, issue.path, issue.message));
    }
    throw invalid(errors);
  }
  return { answers: check.data as Answers, filledCount: reader.filled };
}

/**
 * Whose worksheet a filled PDF is (vault, client, assignment, worksheet version), read from the
 * identity Stepwise wrote into it. Refuses, in the same words as `readFilledPdf`, a damaged file,
 * a locked one, one Stepwise did not make and a printable copy without fields.
 */
export async function readPdfIdentity(bytes: Uint8Array): Promise<FillableIdentity> {
  return (await open(bytes)).identity;
}

async function open(bytes: Uint8Array): Promise<{ fields: Map<string, PDFField>; identity: FillableIdentity }> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new AppError('DAMAGED', PDF_MESSAGES.damaged);

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    if (e instanceof Error && /encrypt/i.test(e.name + e.message)) throw new AppError('VALIDATION', PDF_MESSAGES.encrypted);
    throw new AppError('DAMAGED', PDF_MESSAGES.damaged);
  }

  const fields = new Map<string, PDFField>();
  try {
    for (const f of doc.getForm().getFields()) fields.set(f.getName(), f);
  } catch {
    throw new AppError('DAMAGED', PDF_MESSAGES.damaged);
  }

  const idField = fields.get(IDENTITY_FIELD);
  let keywords: string | undefined;
  try {
    keywords = doc.getKeywords();
  } catch {
    keywords = undefined;
  }
  const identity = decodeIdentity(idField instanceof PDFTextField ? safeText(idField) : undefined) ?? decodeIdentity(keywords);
  if (!identity) {
    let producer: string | undefined;
    try {
      producer = doc.getProducer();
    } catch {
      producer = undefined;
    }
    throw new AppError('VALIDATION', producer === 'Stepwise' ? PDF_MESSAGES.printable : PDF_MESSAGES.foreign);
  }
  return { fields, identity };
}

function safeText(f: PDFTextField): string | undefined {
  try {
    return f.getText();
  } catch {
    return undefined;
  }
}

/** Schema messages mostly start with the label already; add it where they do not. */
function labelled(def: WorksheetDefinition, path: PropertyKey[], message: string): string {
  const block = def.blocks.find((b) => b.id === path[0]);
  if (!block || !('label' in block) || message.includes(block.label)) return message;
  return `${block.label}: ${message}`;
}

function invalid(errors: Map<string, string>): AppError {
  const list = [...errors.values()];
  const shown = list.slice(0, 3).map((m) => (/[.!?]$/.test(m) ? m : `${m}.`));
  const more = list.length > 3 ? ` And ${list.length - 3} more.` : '';
  return new AppError(
    'VALIDATION',
    `Some answers in this PDF could not be read. ${shown.join(' ')}${more} Ask your client to correct them, or enter the answers by hand.`,
    Object.fromEntries(errors),
  );
}

type Kind = 'text' | 'number' | 'rating' | 'date' | 'time' | 'check' | 'duration';

class Reader {
  readonly errors = new Map<string, string>();
  filled = 0;
  constructor(
    private readonly fields: Map<string, PDFField>,
    private readonly locale: string,
  ) {}

  private text(path: FieldPath): string | undefined {
    const f = this.fields.get(fieldName(path));
    if (!(f instanceof PDFTextField)) return undefined;
    const v = safeText(f)?.replace(/\r\n?/g, '\n').trim();
    return v ? v : undefined;
  }

  private checked(path: FieldPath): boolean {
    const f = this.fields.get(fieldName(path));
    if (!(f instanceof PDFCheckBox)) return false;
    try {
      if (f.isChecked()) return true;
      const v = f.acroField.getValue();
      return v instanceof PDFName && v !== PDFName.of('Off');
    } catch {
      return false;
    }
  }

  /** A value of the given kind from a field; records an error (worded by `where`) when unreadable. */
  private value(path: FieldPath, kind: Kind, where: string, scale?: Scale): unknown {
    if (kind === 'check') {
      const c = this.checked(path);
      if (c) this.filled++;
      return c ? true : undefined;
    }
    const raw = this.text(path);
    if (raw === undefined) return undefined;
    this.filled++;
    const key = fieldName(path.slice(1));
    switch (kind) {
      case 'text':
        return raw;
      case 'number': {
        const n = parseNumber(raw);
        if (n === undefined) this.errors.set(key, `${where}: enter a number, for example 7 or 7.5`);
        return n;
      }
      case 'duration': {
        const n = parseDuration(raw);
        if (n === undefined) this.errors.set(key, `${where}: enter the minutes, for example 30`);
        return n;
      }
      case 'rating': {
        const n = parseNumber(raw);
        if (n === undefined)
          this.errors.set(key, `${where}: enter a number on the scale ${scale ? scaleRange(scale) : ''}`.trim());
        else if (scale && (n < scale.min || n > scale.max)) {
          this.errors.set(key, `${where}: the rating must be between ${scale.min} and ${scale.max}`);
          return undefined;
        }
        return n;
      }
      case 'date': {
        const d = parseDate(raw, this.locale);
        if (d === undefined) this.errors.set(key, `${where}: enter a date like 2026-03-14`);
        return d;
      }
      case 'time': {
        const t = parseTime(raw);
        if (t === undefined) this.errors.set(key, `${where}: enter a time like 07:30`);
        return t;
      }
    }
  }

  block(b: Block): unknown {
    switch (b.type) {
      case 'prompt':
        return undefined;
      case 'shortText':
        return this.value(fieldPath.block(b.id), 'text', b.label);
      case 'longText': {
        const parts: string[] = [];
        for (let p = 1; p <= 40; p++) {
          const name = fieldName(fieldPath.part(b.id, p));
          if (!this.fields.has(name)) break;
          const t = this.text(fieldPath.part(b.id, p));
          if (t) parts.push(t);
        }
        if (!parts.length) return undefined;
        this.filled++;
        return parts.join('\n');
      }
      case 'number':
        return this.value(fieldPath.block(b.id), 'number', b.label);
      case 'duration':
        return this.value(fieldPath.block(b.id), 'duration', b.label);
      case 'date':
        return this.value(fieldPath.block(b.id), 'date', b.label);
      case 'time':
        return this.value(fieldPath.block(b.id), 'time', b.label);
      case 'rating':
        return this.value(fieldPath.block(b.id), 'rating', b.label, b.scale);
      case 'checklist': {
        const picked = b.options.filter((_, i) => this.value(fieldPath.option(b.id, i), 'check', b.label));
        return picked.length ? picked : undefined;
      }
      case 'choice': {
        const picked = b.options.filter((_, i) => this.value(fieldPath.option(b.id, i), 'check', b.label));
        if (picked.length > 1) this.errors.set(b.id, `${b.label}: tick only one option`);
        return picked.length === 1 ? picked[0] : undefined;
      }
      case 'table': {
        // Rows are records (a thought, an exposure): empty rows are left out.
        const rows: Record<string, unknown>[] = [];
        for (let r = 0; r < b.rows; r++) {
          const row: Record<string, unknown> = {};
          for (const col of b.columns) {
            const v = this.value(fieldPath.cell(b.id, r, col.id), col.kind, `${b.label}, row ${r + 1}, ${col.label}`, col.scale);
            if (v !== undefined) row[col.id] = v;
          }
          if (Object.keys(row).length) rows.push(row);
        }
        return rows.length ? rows : undefined;
      }
      case 'dailyGrid': {
        // Days keep their position (day 3 is the third day); days after the last filled one are left out.
        const days: Record<string, unknown>[] = [];
        for (let d = 0; d < b.days; d++) {
          const day: Record<string, unknown> = {};
          for (const it of b.items) {
            const v = this.value(fieldPath.day(b.id, d, it.id), it.kind, `${b.label}, day ${d + 1}, ${it.label}`, it.scale);
            if (v !== undefined) day[it.id] = v;
          }
          if (Object.keys(day).length) for (const it of b.items) if (it.kind === 'check' && !(it.id in day)) day[it.id] = false;
          days.push(day);
        }
        while (days.length && !Object.keys(days[days.length - 1]!).length) days.pop();
        return days.length ? days : undefined;
      }
      case 'hierarchy': {
        // Steps keep their number; steps above the last filled one are left out.
        const steps: { step: string; rating: number | null }[] = [];
        for (let s = 0; s < b.steps; s++) {
          const where = `${b.label}, step ${s + 1}`;
          const step = this.value(fieldPath.step(b.id, s, 'step'), 'text', where) as string | undefined;
          const rating = this.value(fieldPath.step(b.id, s, 'rating'), 'rating', `${where}, rating`, b.scale) as
            number | undefined;
          steps.push({ step: step ?? '', rating: rating ?? null });
        }
        while (steps.length && !steps[steps.length - 1]!.step && steps[steps.length - 1]!.rating === null) steps.pop();
        return steps.length ? steps : undefined;
      }
    }
  }
}
