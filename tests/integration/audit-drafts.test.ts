import { afterEach, describe, expect, it } from 'vitest';
import { auditChainBreak } from '../../electron/core/db/audit';
import { failure, unlockedCore } from '../support/vault';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

async function core(now = () => new Date('2026-11-28T10:00:00Z')) {
  const t = await unlockedCore({ now: () => now() });
  cleanups.push(t.cleanup);
  return t;
}

const rows = (t: Awaited<ReturnType<typeof core>>) =>
  t.core.db
    .prepare('SELECT id, at, action, entity, entity_id, detail, prev_hash, hash FROM audit_event ORDER BY id')
    .all() as Parameters<typeof auditChainBreak>[0] extends Iterable<infer R> ? R[] : never;

describe('the audit trail is a hash chain', () => {
  it('every event follows from the one before; vault.verify reports a changed, removed or forged event', async () => {
    const t = await core();
    const c = await t.do.clients.create({ name: 'Chain Client', startDate: '2026-11-01' });
    await t.do.clients.update({ id: c.id, client: { name: 'Chain Client 2', startDate: '2026-11-01' } });
    expect(auditChainBreak(rows(t))).toBeNull();
    expect((await t.do.vault.verify()).healthy).toBe(true);

    const id = rows(t)[1]!.id;
    t.core.write((db) => db.prepare(`UPDATE audit_event SET detail = 'edited' WHERE id = ?`).run(id));
    const v = await t.do.vault.verify();
    expect(v.healthy).toBe(false);
    expect(v.integrity).toContain(`audit trail: event ${id} was changed after it was recorded`);
  });

  it('a removed event breaks the chain at the next one', async () => {
    const t = await core();
    await t.do.clients.create({ name: 'A', startDate: '2026-11-01' });
    await t.do.clients.create({ name: 'B', startDate: '2026-11-01' });
    const all = rows(t);
    t.core.write((db) => db.prepare('DELETE FROM audit_event WHERE id = ?').run(all[1]!.id));
    expect((await t.do.vault.verify()).integrity).toContain(
      `audit trail: event ${all[2]!.id} does not follow the event before it`,
    );
  });

  it('filters by client, kind and day, and exports CSV', async () => {
    let now = new Date('2026-11-20T10:00:00Z');
    const t = await core(() => now);
    const a = await t.do.clients.create({ name: 'Alpha', startDate: '2026-11-01' });
    now = new Date('2026-11-22T10:00:00Z');
    const b = await t.do.clients.create({ name: 'Beta', startDate: '2026-11-01' });
    await t.do.goals.create({ clientId: a.id, goal: { title: 'Sleep better' } });
    expect((await t.do.audit.viewed({ entity: 'client', entityId: b.id })).recorded).toBe(true);
    // A second look within the minute is not recorded again.
    expect((await t.do.audit.viewed({ entity: 'client', entityId: b.id })).recorded).toBe(false);
    expect((await failure(t.api.audit.viewed({ entity: 'client', entityId: 'f'.repeat(32) }))).code).toBe('NOT_FOUND');

    const ofA = await t.do.audit.list({ clientId: a.id });
    expect(ofA.map((e) => e.entity).sort()).toEqual(['client', 'goal']);
    expect((await t.do.audit.list({ action: 'viewed' })).map((e) => e.entityId)).toEqual([b.id]);
    expect((await t.do.audit.list({ entity: 'client', to: '2026-11-21' })).map((e) => e.entityId)).toEqual([a.id]);
    expect((await t.do.audit.list({ entity: 'client', from: '2026-11-22' })).map((e) => e.entityId).sort()).toEqual(
      [b.id, b.id].sort(),
    );
    const { csv, rows: n } = await t.do.audit.csv({ clientId: a.id });
    expect(n).toBe(2);
    const lines = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('time (UTC),action,record,record id,detail');
    expect(lines).toHaveLength(3);
    expect(csv).not.toContain('Alpha');
  });
});

describe('drafts: unsaved forms kept in the vault', () => {
  it('saves, replaces, gives back and discards a draft; no audit event', async () => {
    const t = await core();
    const before = (await t.do.audit.list({ limit: 500 })).length;
    const data = JSON.stringify({ name: 'Half typed', presentingConcerns: 'sleep' });
    await t.do.drafts.save({ formKey: 'client:new', data });
    await t.do.drafts.save({ formKey: 'client:new', data: JSON.stringify({ name: 'Half typed more' }) });
    expect(await t.do.drafts.get({ formKey: 'client:new' })).toMatchObject({ data: '{"name":"Half typed more"}' });
    expect((await t.do.drafts.list()).map((d) => d.formKey)).toEqual(['client:new']);
    // Kept across a lock: that is the point.
    await t.do.vault.lock();
    expect((await failure(t.api.drafts.get({ formKey: 'client:new' }))).code).toBe('LOCKED');
    await t.do.vault.unlock({ passphrase: 'correct horse battery staple' });
    expect(await t.do.drafts.get({ formKey: 'client:new' })).not.toBeNull();
    expect((await t.do.drafts.discard({ formKey: 'client:new' })).discarded).toBe(true);
    expect(await t.do.drafts.get({ formKey: 'client:new' })).toBeNull();
    expect((await t.do.audit.list({ limit: 500 })).filter((e) => e.entity === 'draft')).toEqual([]);
    expect((await t.do.audit.list({ limit: 500 })).length).toBe(before + 1); // the unlock
  });

  it('refuses a form key that is not one and data that is not JSON or too large', async () => {
    const t = await core();
    expect((await failure(t.api.drafts.save({ formKey: '../etc', data: '{}' }))).code).toBe('VALIDATION');
    expect((await failure(t.api.drafts.save({ formKey: 'client:new', data: 'not json' }))).code).toBe('VALIDATION');
    expect((await failure(t.api.drafts.save({ formKey: 'client:new', data: `"${'x'.repeat(300_000)}"` }))).code).toBe(
      'VALIDATION',
    );
  });
});
