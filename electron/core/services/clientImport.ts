import Papa from 'papaparse';
import type { Handlers } from '../../../shared/contract';
import type { ClientImportRow } from '../../../shared/contract/data';
import { isValidIsoDate } from '../../../shared/dates';
import { clientInputSchema, type Client } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql } from '../db/sql';
import type { ClientRow } from '../db/tables';
import { newId } from '../util/ids';
import { nowIso, todayIso } from '../util/clock';
import { foldForSearch } from '../util/text';

/**
 * Clients from a CSV that a practice-management system exported: the columns are recognised by
 * their common names (case, spaces and punctuation aside), dates are read in the formats below
 * only, every row is checked like a client typed in the app, and duplicates are flagged. Nothing
 * is saved until the clinician confirms the rows; then all of them, or none.
 */

export const DATE_FORMATS =
  'Dates are read as YYYY-MM-DD (2026-03-14) or day first, DD/MM/YYYY (14/03/2026, also 14.03.2026 or 14-03-2026). Month-first dates (03/14/2026) are not read.';

type Field = 'name' | 'first' | 'last' | 'preferred' | 'dob' | 'start';

const FIELD_WORDS: Record<Field, string> = {
  name: 'full name',
  first: 'first name',
  last: 'last name',
  preferred: 'preferred name',
  dob: 'date of birth',
  start: 'start date',
};

/** Header names, folded (lower case, letters and digits only), for each field. */
const HEADERS: Record<Field, readonly string[]> = {
  name: ['name', 'fullname', 'clientname', 'client', 'patientname', 'patient', 'clientfullname', 'displayname'],
  first: ['firstname', 'first', 'givenname', 'given', 'forename', 'forenames', 'fname', 'clientfirstname', 'patientfirstname'],
  last: ['lastname', 'last', 'surname', 'familyname', 'family', 'lname', 'clientlastname', 'patientlastname'],
  preferred: ['preferredname', 'preferred', 'nickname', 'knownas', 'goesby', 'preferredfirstname'],
  dob: ['dateofbirth', 'dob', 'birthdate', 'birthday', 'born', 'birth'],
  start: [
    'startdate',
    'start',
    'intakedate',
    'intake',
    'firstappointment',
    'firstappointmentdate',
    'firstsession',
    'firstsessiondate',
    'dateoffirstsession',
    'clientsince',
    'admissiondate',
    'episodestartdate',
  ],
};

const foldHeader = (h: string) => foldForSearch(h).replace(/[^a-z0-9]/g, '');

/** A date as written in the file, as `YYYY-MM-DD`; null when it is none of the accepted forms. */
export function readDate(text: string): string | null {
  const t = text.trim();
  let y: string, m: string, d: string;
  let match = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (match) [, y, m, d] = match as unknown as [string, string, string, string];
  else {
    match = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
    if (!match) return null;
    [, d, m, y] = match as unknown as [string, string, string, string];
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** Names folded for finding duplicates: accents, case, punctuation and spacing aside. */
export const foldName = (name: string) =>
  foldForSearch(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Parsed {
  rows: (ClientImportRow & { startGiven: boolean })[];
  columns: string[];
}

function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const r = Papa.parse<string[]>(body, { skipEmptyLines: false });
  const fatal = r.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    throw new AppError(
      'VALIDATION',
      `This CSV file has a quotation mark that is never closed (near row ${(fatal.row ?? 0) + 1}). Save it again from the spreadsheet and try once more.`,
    );
  }
  return r.data;
}

function readFile(db: ReadDb, csv: string, today: string): Parsed {
  const records = parseCsv(csv);
  const header = records[0] ?? [];
  const index: Partial<Record<Field, number>> = {};
  const columns: string[] = [];
  header.forEach((h, i) => {
    const f = (Object.keys(HEADERS) as Field[]).find((k) => HEADERS[k].includes(foldHeader(h)));
    if (f && index[f] === undefined) {
      index[f] = i;
      columns.push(`${h.trim()} → ${FIELD_WORDS[f]}`);
    } else if (h.trim()) {
      columns.push(`${h.trim()} → not imported`);
    }
  });
  if (index.name === undefined && index.first === undefined && index.last === undefined) {
    throw new AppError(
      'VALIDATION',
      'No name column was found. The first row must name the columns, with a full name column (“Name”, “Full name”, “Client name”) or first and last name columns (“First name”, “Last name”, “Surname”).',
    );
  }
  const existing = new Map<string, { id: string; name: string }>();
  for (const c of db.all(sql<Pick<ClientRow, 'id' | 'name' | 'date_of_birth'>>`SELECT id, name, date_of_birth FROM client`)) {
    existing.set(`${foldName(c.name)}|${c.date_of_birth ?? ''}`, { id: c.id, name: c.name });
  }
  const seen = new Map<string, { line: number; name: string }>();
  const rows: Parsed['rows'] = [];
  records.slice(1).forEach((rec, i) => {
    const line = i + 2; // the row as a spreadsheet numbers it (the header is row 1)
    if (rec.every((v) => !v.trim())) return;
    const get = (f: Field) => {
      const k = index[f];
      return k === undefined ? '' : (rec[k] ?? '').trim().replace(/\s+/g, ' ');
    };
    const name = get('name') || [get('first'), get('last')].filter(Boolean).join(' ');
    const preferred = get('preferred') || null;
    const problems: string[] = [];
    const dobText = get('dob');
    const dob = dobText ? readDate(dobText) : null;
    if (dobText && !dob)
      problems.push(`The date of birth “${dobText}” is not a date this import reads (use 2026-03-14 or 14/03/2026).`);
    const startText = get('start');
    const start = startText ? readDate(startText) : today;
    if (startText && !start)
      problems.push(`The start date “${startText}” is not a date this import reads (use 2026-03-14 or 14/03/2026).`);
    if (!name) problems.unshift('This row has no name.');
    if (dob && dob > today) problems.push('The date of birth is in the future.');
    if (!problems.length) {
      const check = clientInputSchema.safeParse({ name, preferredName: preferred, dateOfBirth: dob, startDate: start });
      if (!check.success) problems.push(check.error.issues[0]?.message ?? 'This row cannot be read.');
    }
    const key = `${foldName(name)}|${dob ?? ''}`;
    const inVault = name ? existing.get(key) : undefined;
    const earlier = name ? seen.get(key) : undefined;
    if (name && !earlier) seen.set(key, { line, name });
    rows.push({
      line,
      name,
      preferredName: preferred,
      dateOfBirth: dob,
      startDate: start,
      startGiven: !!startText,
      problem: problems.length ? problems.join(' ') : null,
      duplicateOf: inVault
        ? { id: inVault.id, line: null, name: inVault.name }
        : earlier
          ? { id: null, line: earlier.line, name: earlier.name }
          : null,
    });
  });
  if (!rows.length) throw new AppError('VALIDATION', 'This CSV file has a header row but no clients in it.');
  return { rows, columns };
}

export const clientImportHandlers: Handlers<CoreContext>['clientImport'] = {
  preview: ({ csv }, core) => {
    const { rows, columns } = readFile(core.read, csv, todayIso(core));
    return { rows: rows.map(({ startGiven: _s, ...r }) => r), columns, dateFormats: DATE_FORMATS };
  },

  save: ({ csv, lines }, core) => {
    const { rows } = readFile(core.read, csv, todayIso(core));
    const byLine = new Map(rows.map((r) => [r.line, r]));
    const chosen = [...new Set(lines)]
      .sort((a, b) => a - b)
      .map((l) => {
        const r = byLine.get(l);
        if (!r) throw new AppError('VALIDATION', `Row ${l} is not a client in this file. Please preview the file again.`);
        if (r.problem) throw new AppError('VALIDATION', `Row ${l} cannot be imported: ${r.problem}`);
        return { ...r, id: newId() };
      });
    const at = nowIso(core);
    const created: Client[] = core.write(
      chosen.map((r) => ({ action: 'imported' as const, entity: 'client', entityId: r.id, detail: 'csv' })),
      (w) =>
        chosen.map((r) => {
          w.run(sql`
            INSERT INTO client (id, name, preferred_name, date_of_birth, pronouns, preferred_language, presenting_concerns,
                                start_date, status, created_at, updated_at)
            VALUES (${r.id}, ${r.name}, ${r.preferredName}, ${r.dateOfBirth}, ${null}, ${null}, ${null},
                    ${r.startDate}, 'active', ${at}, ${at})`);
          return {
            id: r.id,
            name: r.name,
            preferredName: r.preferredName,
            dateOfBirth: r.dateOfBirth,
            pronouns: null,
            preferredLanguage: null,
            presentingConcerns: null,
            startDate: r.startDate!,
            status: 'active' as const,
            createdAt: at,
            updatedAt: at,
          };
        }),
    );
    return { created };
  },
};
