import { createHash } from 'node:crypto';
import { worksheetDefinitionSchema, type WorksheetDefinition } from '../../../shared/worksheet';
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
