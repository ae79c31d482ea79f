import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES } from '../../electron/host/errors';
import { unlockedCore, type TestCore } from '../support/vault';

let t: TestCore;
beforeAll(async () => {
  t = await unlockedCore();
});
afterAll(() => t.cleanup());

/** A quick version of the hostile-IPC proof: the worst shapes, refused quickly and in few words. */
describe('hostile input at the door', () => {
  const huge: [string, unknown][] = [
    ['a million-element array', { name: 'x', startDate: '2026-01-01', extra: new Array(1_000_000).fill('a') }],
    [
      'a million bad elements in a bounded array',
      { id: 'a'.repeat(32), client: { name: 'x', startDate: '2026-01-01' }, x: Array.from({ length: 100_000 }, () => ({})) },
    ],
    [
      'nesting 10,000 deep',
      (() => {
        let v: unknown = {};
        for (let i = 0; i < 10_000; i++) v = { v };
        return v;
      })(),
    ],
    ['a 20 MB string', { name: 'x'.repeat(20 * 1024 * 1024), startDate: '2026-01-01' }],
  ];
  for (const [what, input] of huge) {
    it(`refuses ${what} with a VALIDATION error, changing nothing`, async () => {
      const before = await t.do.clients.list({ status: 'all' });
      const r = await t.api.clients.create(input as never);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(Object.keys(r.error.fields ?? {}).length).toBeLessThanOrEqual(MAX_REPORTED_ISSUES);
        expect(JSON.stringify(r.error).length).toBeLessThan(5000);
      }
      expect(await t.do.clients.list({ status: 'all' })).toEqual(before);
    });
  }

  it('a schema refusal of many bad elements names a handful of them', async () => {
    const r = await t.api.audit.list({ limit: 5, clientId: Array(5000).fill(1), action: 1, entity: 2, from: 3, to: 4 } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error.fields ?? {}).length).toBeLessThanOrEqual(MAX_REPORTED_ISSUES);
  });

  it('__proto__ keys and NaN are refused or ignored, never followed', async () => {
    const r = await t.api.drafts.save(
      JSON.parse('{"__proto__": {"polluted": true}, "formKey": "client:new", "data": "{}"}') as never,
    );
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const n = await t.api.audit.list({ limit: Number.NaN });
    expect(n.ok).toBe(false);
  });
});
