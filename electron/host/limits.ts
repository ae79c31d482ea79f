/**
 * A cheap look at a call's input before its schema parses it: a schema checks an array's length
 * only after it has parsed every element, so a million-element array (or a string of 100 MB, or
 * nesting thousands deep) would cost seconds and a gigabyte before being refused. Every channel's
 * schema has smaller bounds than these, so nothing valid is ever refused here.
 */
export const INPUT_LIMITS = {
  /** Longer than any array a channel takes (the largest allow a few thousand items). */
  maxArray: 20_000,
  /** More than any channel takes in one string (the largest are a few MB at most). */
  maxString: 16 * 1024 * 1024,
  /** Deeper than any input: a worksheet is blocks in a list, a few levels. */
  maxDepth: 32,
  /** Values in one input, all told. */
  maxNodes: 500_000,
} as const;

/** Why an input is beyond any channel's bounds, or null. Never throws, never recurses without bound. */
export function inputTooLarge(input: unknown): string | null {
  let nodes = 0;
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > INPUT_LIMITS.maxNodes) return 'too many values';
    if (typeof v === 'string') {
      if (v.length > INPUT_LIMITS.maxString) return 'a text is too long';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= INPUT_LIMITS.maxDepth) return 'nested too deeply';
    if (ArrayBuffer.isView(v)) continue;
    if (Array.isArray(v)) {
      if (v.length > INPUT_LIMITS.maxArray) return 'a list is too long';
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > INPUT_LIMITS.maxArray) return 'too many fields';
    for (const k of keys) stack.push([(v as Record<string, unknown>)[k], depth + 1]);
  }
  return null;
}
