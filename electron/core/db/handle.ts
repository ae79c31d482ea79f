import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqlQuery } from './sql';

type RawDb = Database.Database;
type Statement = Database.Statement<unknown[], unknown>;

/** Prepared statements, kept per connection and per SQL text (queries repeat, their values vary). */
const statements = new WeakMap<RawDb, Map<string, Statement>>();
const MAX_CACHED = 500;

function prepare(raw: RawDb, text: string): Statement {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear();
    stmt = raw.prepare(text);
    cache.set(text, stmt);
  }
  return stmt;
}

/**
 * Values computed from a connection's data (`ReadDb.memo`), each with the stamp of the data it was
 * computed from. Kept per connection, so a locked vault's values go with its connection.
 */
const memos = new WeakMap<RawDb, Map<string, { stamp: string; value: unknown }>>();

/**
 * What the data of a connection looks like now, as a stamp that changes with every change:
 * `total_changes()` counts every row this connection inserted, updated or deleted since it opened
 * (the core is the only writer, through this one connection: services, the history bulk path,
 * imports, erasure), and `PRAGMA data_version` changes when any other connection commits to the
 * same file. A restored vault is a new connection.
 */
function dataStamp(raw: RawDb): string {
  const changes = prepare(raw, 'SELECT total_changes()').pluck().get() as number;
  const version = prepare(raw, 'PRAGMA data_version').pluck().get() as number;
  return `${changes}.${version}`;
}

/** Thrown when code tries to change the database through the read handle. */
export class ReadOnlyViolation extends Error {
  constructor(text: string) {
    super(`A statement that changes the database was run through the read handle: ${text.trim().slice(0, 80)}`);
    this.name = 'ReadOnlyViolation';
  }
}

/**
 * The read handle: runs `sql` queries that only read. Each statement is checked as SQLite
 * prepares it (better-sqlite3's `reader` and `readonly`): an INSERT, UPDATE, DELETE, DDL or an
 * `INSERT … RETURNING` is refused before it runs. Writes go through `core.write()`.
 */
export class ReadDb {
  readonly #raw: RawDb;

  constructor(raw: RawDb) {
    this.#raw = raw;
  }

  /** The prepared statement of a query, refused unless it only reads. */
  protected statement(query: SqlQuery<unknown>): Statement {
    const stmt = prepare(this.#raw, query.text);
    if (!(stmt.reader && stmt.readonly)) throw new ReadOnlyViolation(query.text);
    return stmt;
  }

  /** Every row. */
  all<Row>(query: SqlQuery<Row>): Row[] {
    return this.statement(query).all(...query.values) as Row[];
  }

  /** The first row, or `undefined`. */
  get<Row>(query: SqlQuery<Row>): Row | undefined {
    return this.statement(query).get(...query.values) as Row | undefined;
  }

  /** The first column of the first row (`SELECT count(*) AS n …`), or `undefined` without a row. */
  pluck<Row>(query: SqlQuery<Row>): Row[keyof Row] | undefined {
    const row = this.get(query) as Record<string, unknown> | undefined;
    if (row === undefined) return undefined;
    return Object.values(row)[0] as Row[keyof Row];
  }

  /**
   * A value computed from the database once and kept until any of its data changes (any row
   * inserted, updated or deleted — by this core or by another connection — or the vault locked),
   * or until `key` changes (say, the day, for a value that depends on today). For a screen whose
   * data costs the same however often it is asked for (the client list's counts). Never inside
   * a transaction (it may roll back): there it is computed every time. The value is shared by
   * every caller: never change it, copy it.
   */
  memo<T>(name: string, key: string, compute: () => T): T {
    if (this.#raw.inTransaction) return compute();
    let kept = memos.get(this.#raw);
    if (!kept) memos.set(this.#raw, (kept = new Map()));
    const stamp = `${dataStamp(this.#raw)}|${key}`;
    const hit = kept.get(name);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    kept.set(name, { stamp, value });
    return value;
  }
}

/** What a write statement did. */
export interface Changes {
  changes: number;
}

/**
 * The write handle, given only inside `core.write()` (one IMMEDIATE transaction): reads see the
 * transaction's own changes, `run` changes the database. It stops working when its transaction
 * ends, so it cannot be kept and used later.
 */
export class WriteDb extends ReadDb {
  readonly #raw: RawDb;
  #open = true;

  constructor(raw: RawDb) {
    super(raw);
    this.#raw = raw;
  }

  /** The prepared statement of a query, reading or writing, while the transaction lasts. */
  protected override statement(query: SqlQuery<unknown>): Statement {
    if (!this.#open || !this.#raw.inTransaction) {
      throw new Error('This write handle belongs to a transaction that has ended: write inside core.write().');
    }
    return prepare(this.#raw, query.text);
  }

  /** Runs an INSERT, UPDATE or DELETE. */
  run(query: SqlQuery<unknown>): Changes {
    const { changes } = this.statement(query).run(...query.values);
    return { changes };
  }

  /** @internal Ends the handle with its transaction. */
  end(): void {
    this.#open = false;
  }
}

/**
 * Runs `fn` as one IMMEDIATE transaction on a connection, with a write handle that ends with it.
 * Only the core (`core.write()`) and the vault's own setup call it: services never hold a
 * connection.
 */
export function inTransaction<T>(raw: RawDb, fn: (w: WriteDb) => T): T {
  return raw
    .transaction(() => {
      const w = new WriteDb(raw);
      try {
        return fn(w);
      } finally {
        w.end();
      }
    })
    .immediate();
}
