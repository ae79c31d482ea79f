import { createHash } from 'node:crypto';
import { addDays, isValidIsoDate } from '../../../shared/dates';
import { worksheetDefinitionSchema, type Scale, type WorksheetDefinition } from '../../../shared/worksheet';
import { FILLABLE_FORMAT, type FillableIdentity, type PrintIdentity } from './types';

export const DEFAULT_LOCALE = 'en-GB';

/** A locale Intl accepts; an unknown or malformed one falls back to en-GB. */
export function safeLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Intl formatters are slow to build: one per locale and style, for the life of the process. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${locale}|${key}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(k, f);
  }
  return f;
}

/** "14 March 2026" (en-GB) for '2026-03-14', in calendar arithmetic (no time-zone shift). */
export function longDate(iso: string, locale: string): string {
  if (!isValidIsoDate(iso)) return iso;
  return formatter(locale, 'long', { dateStyle: 'long' }).format(utc(iso));
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Column headings of a daily grid: "Mon" + "16/03" from the start date, else "Day 1". */
export function dayHeadings(days: number, startDate: string | undefined, locale: string): { top: string; sub?: string }[] {
  if (!startDate || !isValidIsoDate(startDate)) return Array.from({ length: days }, (_, i) => ({ top: `Day ${i + 1}` }));
  const wd = formatter(locale, 'weekday', { weekday: 'short' });
  const dm = formatter(locale, 'day-month', { day: 'numeric', month: 'numeric' });
  return Array.from({ length: days }, (_, i) => {
    const d = utc(addDays(startDate, i));
    return { top: wd.format(d).replace(/\.$/, ''), sub: dm.format(d) };
  });
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : String(n)).replace('-', '−');

/** "0–100 %", "1–5". */
export function scaleRange(scale: Scale): string {
  return `${num(scale.min)}–${num(scale.max)}${scale.unit ? ` ${scale.unit}` : ''}`;
}

/** The tick values of a scale. */
export function scaleTicks(scale: Scale): number[] {
  const out: number[] = [];
  for (let v = scale.min; v <= scale.max && out.length < 200; v += scale.step) out.push(v);
  return out;
}

export const tickLabel = (v: number) => num(v);

/** "0–10: 0 = very low · 5 = okay · 10 = very good". */
export function scaleSummary(scale: Scale): string {
  const anchors = [...scale.anchors].sort((a, b) => a.value - b.value).map((a) => `${num(a.value)} = ${a.label}`);
  return anchors.length ? `${scaleRange(scale)}: ${anchors.join(' · ')}` : scaleRange(scale);
}

// ------------------------------------------------------------------ identity of fillable PDFs

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 of the canonical JSON (sorted keys, defaults applied) of a worksheet definition. */
export function definitionHash(definition: WorksheetDefinition): string {
  const parsed = worksheetDefinitionSchema.safeParse(definition);
  const json = JSON.stringify(canonical(parsed.success ? parsed.data : definition));
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

export function fillableIdentity(id: PrintIdentity, definition: WorksheetDefinition): FillableIdentity {
  return {
    format: FILLABLE_FORMAT,
    vaultId: id.vaultId,
    clientId: id.clientId,
    assignmentId: id.assignmentId,
    worksheetVersionId: id.worksheetVersionId,
    definitionSha256: definitionHash(definition),
  };
}

export function encodeIdentity(id: FillableIdentity): string {
  return JSON.stringify({
    format: id.format,
    vaultId: id.vaultId,
    clientId: id.clientId,
    assignmentId: id.assignmentId,
    worksheetVersionId: id.worksheetVersionId,
    definitionSha256: id.definitionSha256,
  });
}

export function decodeIdentity(text: string | undefined): FillableIdentity | undefined {
  if (!text) return undefined;
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  try {
    const o = JSON.parse(text.slice(start)) as Record<string, unknown>;
    if (o.format !== FILLABLE_FORMAT) return undefined;
    const keys = ['vaultId', 'clientId', 'assignmentId', 'worksheetVersionId', 'definitionSha256'] as const;
    if (!keys.every((k) => typeof o[k] === 'string')) return undefined;
    return o as unknown as FillableIdentity;
  } catch {
    return undefined;
  }
}
