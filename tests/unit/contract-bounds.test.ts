import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, internalContract } from '../../shared/contract';

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  [k: string]: unknown;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const hasMax = (d: Def) =>
  (d.checks ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check)) || d.format === 'uuid';

/**
 * Every string and array a channel takes has a maximum, so that no call can make the core parse
 * or store without bound. Returns the paths of those that have none.
 */
function unbounded(schema: z.ZodType, at: string, out: string[], seen = new Set<unknown>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const d = defOf(schema);
  const walk = (s: unknown, p: string) => unbounded(s as z.ZodType, p, out, seen);
  switch (d.type) {
    case 'string':
      // Enums and literals are bounded by their values; a regex anchored at both ends with bounded parts is not detectable: needs a max.
      if (!hasMax(d)) out.push(at);
      return;
    case 'array':
      if (!hasMax(d)) out.push(`${at}[]`);
      walk(d.element, `${at}[]`);
      return;
    case 'object':
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) walk(v, `${at}.${k}`);
      if (d.catchall) walk(d.catchall, `${at}.*`);
      return;
    case 'record':
      walk(d.keyType, `${at}{key}`);
      walk(d.valueType, `${at}{}`);
      return;
    case 'union':
      (d.options as unknown[]).forEach((o, i) => walk(o, `${at}|${i}`));
      return;
    case 'intersection':
      walk(d.left, at);
      walk(d.right, at);
      return;
    case 'tuple':
      (d.items as unknown[]).forEach((o, i) => walk(o, `${at}[${i}]`));
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      walk(d.innerType, at);
      return;
    case 'pipe':
      walk(d.in, at);
      return;
    case 'lazy':
      walk((d.getter as () => unknown)(), at);
      return;
    default:
      return;
  }
}

describe('every string and array a channel takes has a maximum', () => {
  it('walks the input schema of every channel', () => {
    const out: string[] = [];
    for (const def of [contract, internalContract] as Record<string, Record<string, { input: z.ZodType }>>[]) {
      for (const [domain, verbs] of Object.entries(def))
        for (const [verb, ch] of Object.entries(verbs)) unbounded(ch.input, `${domain}.${verb}`, out);
    }
    expect(out).toEqual([]);
  });
});
