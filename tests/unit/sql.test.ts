import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { CoreContext } from '../../electron/core/core';
import { ReadOnlyViolation, type ReadDb, type WriteDb } from '../../electron/core/db/handle';
import { sql, sqlEmpty, sqlFragment, sqlJoin, type SqlQuery } from '../../electron/core/db/sql';
import { COLUMNS, type ClientRow, type MetaRow } from '../../electron/core/db/tables';
import { unlockedCore, type TestCore } from '../support/vault';

const HOSTILE = "'; DROP TABLE client; --";

describe('the sql template', () => {
  it('binds every value as a parameter, in order', () => {
    const q = sql`SELECT * FROM client WHERE id = ${'abc'} AND position > ${3} AND note IS ${null}`;
    expect(q.text).toBe('SELECT * FROM client WHERE id = ? AND position > ? AND note IS ?');
    expect(q.values).toEqual(['abc', 3, null]);
  });

  it('splices fragments, with their values in place', () => {
    const status = sqlFragment`status = ${'active'}`;
    const due = sqlFragment`due_date <= ${'2026-03-20'} AND ${status}`;
    const q = sql`SELECT id FROM assignment WHERE client_id = ${'c1'} AND ${due} ORDER BY ${sqlFragment`due_date`} LIMIT ${5}`;
    expect(q.text).toBe(
      'SELECT id FROM assignment WHERE client_id = ? AND due_date <= ? AND status = ? ORDER BY due_date LIMIT ?',
    );
    expect(q.values).toEqual(['c1', '2026-03-20', 'active', 5]);
  });

  it('joins values and fragments', () => {
    expect(sqlJoin(['a', 'b', 'c'])).toMatchObject({ text: '?, ?, ?', values: ['a', 'b', 'c'] });
    const conds = [sqlFragment`a = ${1}`, sqlFragment`b = ${2}`];
    expect(sql`SELECT 1 WHERE ${sqlJoin(conds, sqlFragment` AND `)}`).toMatchObject({
      text: 'SELECT 1 WHERE a = ? AND b = ?',
      values: [1, 2],
    });
    expect(sql`SELECT 1 WHERE x IN (${sqlJoin([])})${sqlEmpty}`).toMatchObject({ text: 'SELECT 1 WHERE x IN ()', values: [] });
  });

  it('never turns a value into SQL text', () => {
    const q = sql`SELECT * FROM client WHERE name = ${HOSTILE} OR id IN (${sqlJoin([HOSTILE, 'x'])})`;
    expect(q.text).toBe('SELECT * FROM client WHERE name = ? OR id IN (?, ?)');
    expect(q.text).not.toContain('DROP');
    expect(q.values).toEqual([HOSTILE, HOSTILE, 'x']);
  });

  it('refuses what is not a value or a fragment, and hand-written placeholders', () => {
    const anyValue = (v: unknown) => v as string;
    expect(() => sql`SELECT ${anyValue(true)}`).toThrow(/cannot take boolean/);
    expect(() => sql`SELECT ${anyValue(undefined)}`).toThrow(/cannot take undefined/);
    expect(() => sql`SELECT ${anyValue(['a'])}`).toThrow(/use sqlJoin/);
    expect(() => sql`SELECT ${anyValue({ text: 'DROP TABLE client', values: [] })}`).toThrow(/cannot take object/);
    expect(() => sql`SELECT ${anyValue(sql`SELECT 1`)}`).toThrow(/finished sql/);
    expect(() => sql`SELECT * FROM client WHERE id = ?`).toThrow(/never as "\?"/);
    expect(() => sqlJoin([anyValue(new Date())])).toThrow(/cannot take object/);
  });

  it('carries the row type of a query', () => {
    expectTypeOf(sql<ClientRow>`SELECT * FROM client`).toEqualTypeOf<SqlQuery<ClientRow>>();
    // A query is finished: it cannot stand in another template.
    // @ts-expect-error a query is not a fragment
    expect(() => sqlFragment`(${sql`SELECT 1`})`).toThrow();
  });
});

describe('the database handles', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await unlockedCore();
  });
  afterAll(() => t.cleanup());

  const count = (table: 'client' | 'meta' | 'audit_event') =>
    t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get() as number;

  it('reads with bound values; a hostile value is only a value', () => {
    const read = t.core.read;
    expect(read.get(sql<MetaRow>`SELECT * FROM meta WHERE key = ${'vault_id'}`)?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(read.all(sql<MetaRow>`SELECT * FROM meta WHERE key = ${HOSTILE}`)).toEqual([]);
    expect(read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM meta WHERE key IN (${sqlJoin(['vault_id', HOSTILE])})`)).toBe(
      1,
    );
    // An empty list: `IN ()` matches nothing, `NOT IN ()` everything.
    expect(read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM meta WHERE key IN (${sqlJoin([])})`)).toBe(0);
    expect(read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM meta WHERE key NOT IN (${sqlJoin([])})`)).toBe(count('meta'));
    expect(read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM meta WHERE key = ${'nothing'}`)).toBe(0);
    expect(read.pluck(sql<{ n: number }>`SELECT 1 AS n WHERE 0`)).toBeUndefined();
  });

  it('stores a hostile value as text and drops nothing', () => {
    t.core.write({ action: 'changed', entity: 'vault' }, (w) => {
      w.run(sql`INSERT INTO meta (key, value) VALUES (${'probe'}, ${HOSTILE})`);
    });
    expect(t.core.read.get(sql<MetaRow>`SELECT * FROM meta WHERE key = ${'probe'}`)).toEqual({ key: 'probe', value: HOSTILE });
    expect(t.core.read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM client`)).toBe(0);
  });

  it('refuses a statement that writes on the read handle, before it runs', () => {
    const read = t.core.read;
    const metas = count('meta');
    const writes = [
      sql`INSERT INTO meta (key, value) VALUES (${'x'}, ${'y'})`,
      sql`INSERT INTO meta (key, value) VALUES (${'x'}, ${'y'}) RETURNING key`,
      sql`UPDATE meta SET value = ${'z'}`,
      sql`DELETE FROM meta`,
      sql`DROP TABLE client`,
      sql`CREATE TABLE probe (v TEXT)`,
    ];
    for (const q of writes) {
      expect(() => read.all(q)).toThrow(ReadOnlyViolation);
      expect(() => read.get(q)).toThrow(ReadOnlyViolation);
      expect(() => read.pluck(q)).toThrow(ReadOnlyViolation);
    }
    expect(count('meta')).toBe(metas);
    expect(t.core.read.all(sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = ${'client'}`)).toHaveLength(1);
  });

  it('writes in one transaction with its audit event, or not at all', () => {
    const events = count('audit_event');
    const id = t.core.write(
      (made: string) => ({ action: 'created', entity: 'probe', entityId: made }),
      (w) => {
        w.run(sql`INSERT INTO meta (key, value) VALUES (${'probe-2'}, ${'v'})`);
        // Reads inside the write see its own changes.
        return w.get(sql<MetaRow>`SELECT * FROM meta WHERE key = ${'probe-2'}`)!.key;
      },
    );
    expect(id).toBe('probe-2');
    expect(t.core.db.prepare('SELECT action, entity, entity_id FROM audit_event ORDER BY id DESC LIMIT 1').get()).toEqual({
      action: 'created',
      entity: 'probe',
      entity_id: 'probe-2',
    });
    expect(count('audit_event')).toBe(events + 1);

    // Said explicitly: nothing changed, nothing recorded.
    t.core.write([], (w) => w.get(sql<MetaRow>`SELECT * FROM meta WHERE key = ${'probe-2'}`));
    expect(count('audit_event')).toBe(events + 1);

    const metas = count('meta');
    expect(() =>
      t.core.write({ action: 'changed', entity: 'probe' }, (w) => {
        w.run(sql`INSERT INTO meta (key, value) VALUES (${'probe-3'}, ${'v'})`);
        w.run(sql`INSERT INTO meta (key, value) VALUES (${'probe-3'}, ${'duplicate key'})`);
      }),
    ).toThrow(/UNIQUE/);
    expect(count('meta')).toBe(metas);
    expect(count('audit_event')).toBe(events + 1);
  });

  it('stops a write handle when its transaction ends', () => {
    let kept: WriteDb | undefined;
    t.core.write({ action: 'changed', entity: 'probe' }, (w) => {
      kept = w;
    });
    expect(() => kept!.run(sql`DELETE FROM meta`)).toThrow(/transaction that has ended/);
    expect(() => kept!.all(sql`SELECT * FROM meta`)).toThrow(/transaction that has ended/);
    expect(count('meta')).toBeGreaterThan(0);
  });

  it('gives services no database handle and no write without an audit event (type checks)', () => {
    const typeChecks = (core: CoreContext, read: ReadDb) => {
      // @ts-expect-error services have no raw database handle
      void core.db;
      // @ts-expect-error a write names its audit event
      core.write((w: WriteDb) => w.run(sql`DELETE FROM meta`));
      // @ts-expect-error the read handle cannot run a write
      read.run(sql`DELETE FROM meta`);
      // @ts-expect-error the open vault is given without its database
      void core.requireVault().db;
    };
    expect(typeChecks).toBeTypeOf('function');
  });

  it('has one row type per table, matching the columns the migrations create', () => {
    const read = t.core.read;
    const tables = read
      .all(sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .map((r) => r.name);
    expect(tables).toEqual(Object.keys(COLUMNS).sort());
    for (const [table, columns] of Object.entries(COLUMNS)) {
      // The table name is a bound value here too (an argument of the table-valued pragma).
      const actual = read
        .all(sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) ORDER BY cid`)
        .map((c) => c.name);
      expect(actual, table).toEqual(columns);
    }
  });
});
