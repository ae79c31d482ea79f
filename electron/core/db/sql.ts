/**
 * SQL as tagged templates, after Signal Desktop's `ts/sql/util.ts`: what is written in the
 * template is SQL, and every `${value}` is a bound parameter. A value never becomes SQL text,
 * whatever it contains; the only things that splice SQL text into a query are fragments, which
 * are themselves written as templates in the source (and `sqlIdentifier`, which quotes a name
 * SQLite itself gave).
 *
 *   const active = sqlFragment`a.status = ${'active'}`;
 *   db.all(sql<ClientRow>`SELECT * FROM client WHERE id IN (${sqlJoin(ids)}) AND ${active}`);
 *
 * A query (`sql`) is finished: it cannot be spliced into another one. It carries the type of its
 * rows, so a read returns them typed: `sql<ClientRow>`…`` gives `ClientRow` rows.
 */

/** What SQLite stores: text, numbers, blobs and NULL. Booleans and `undefined` are mistakes. */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** What may stand in a `${…}`: a value (bound) or a fragment (spliced). */
export type SqlPart = SqlValue | SqlFragment;

/** Only this module makes fragments and queries. */
const TOKEN = Symbol('sql');

/** A piece of SQL with its bound values, made by `sqlFragment` or `sqlJoin`. */
export class SqlFragment {
  /** Keeps fragments and queries apart for the type checker. */
  declare private readonly kind: 'fragment';

  /** @internal */
  constructor(
    token: symbol,
    readonly text: string,
    readonly values: readonly SqlValue[],
  ) {
    if (token !== TOKEN) throw new TypeError('SQL fragments are made with sqlFragment`…` or sqlJoin(…).');
  }
}

/** A finished statement whose rows are `Row`. Only the database handles run it. */
export class SqlQuery<Row = unknown> {
  declare private readonly kind: 'query';
  /** The row type, for the type checker only. */
  declare readonly row: Row;

  /** @internal */
  constructor(
    token: symbol,
    readonly text: string,
    readonly values: readonly SqlValue[],
  ) {
    if (token !== TOKEN) throw new TypeError('SQL queries are made with sql`…`.');
  }
}

function describe(value: unknown): string {
  if (value instanceof SqlQuery) return 'a finished sql`…` query (use sqlFragment`…` for a part of a query)';
  if (Array.isArray(value)) return 'an array (use sqlJoin(list) for a list)';
  return value === null ? 'null' : typeof value;
}

function isValue(value: unknown): value is SqlValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'bigint' ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    value instanceof Uint8Array
  );
}

function build(strings: TemplateStringsArray, parts: readonly unknown[]): { text: string; values: SqlValue[] } {
  let text = '';
  const values: SqlValue[] = [];
  strings.forEach((literal, i) => {
    // A `?` written by hand would take the place of the next value: values go in `${…}`.
    if (literal.includes('?')) {
      throw new TypeError('Write values as ${value} in an sql template, never as "?".');
    }
    text += literal;
    if (i >= parts.length) return;
    const part = parts[i];
    if (part instanceof SqlFragment) {
      text += part.text;
      values.push(...part.values);
    } else if (isValue(part)) {
      text += '?';
      values.push(part);
    } else {
      throw new TypeError(`An sql template cannot take ${describe(part)} as a value.`);
    }
  });
  return { text, values };
}

/** A part of a query, to splice into another template: `sql`… WHERE ${cond}`` */
export function sqlFragment(strings: TemplateStringsArray, ...parts: readonly SqlPart[]): SqlFragment {
  const { text, values } = build(strings, parts);
  return new SqlFragment(TOKEN, text, values);
}

/** A finished query: its text and its values, in order. */
export function sql<Row = unknown>(strings: TemplateStringsArray, ...parts: readonly SqlPart[]): SqlQuery<Row> {
  const { text, values } = build(strings, parts);
  return new SqlQuery<Row>(TOKEN, text, values);
}

/**
 * Like `Array.prototype.join` for SQL: values are bound, fragments are spliced, with
 * `separator` (a comma by default) between them. An empty list gives an empty fragment, and
 * SQLite reads `x IN ()` as false (and `x NOT IN ()` as true).
 */
export function sqlJoin(items: readonly SqlPart[], separator: SqlFragment = sqlFragment`, `): SqlFragment {
  let text = '';
  const values: SqlValue[] = [];
  items.forEach((item, i) => {
    if (i > 0) {
      text += separator.text;
      values.push(...separator.values);
    }
    const part = sqlFragment`${item}`;
    text += part.text;
    values.push(...part.values);
  });
  return new SqlFragment(TOKEN, text, values);
}

/**
 * A name SQLite gave (a table listed in `sqlite_master`), quoted as one identifier: whatever it
 * contains, it names a table or column and nothing more. Names written in code go in the
 * template itself; a value from outside is never a name.
 */
export function sqlIdentifier(name: string): SqlFragment {
  return new SqlFragment(TOKEN, `"${name.replace(/"/g, '""')}"`, []);
}

/** An empty fragment, for a clause that is not needed: `${limit ?? sqlEmpty}`. */
export const sqlEmpty: SqlFragment = sqlFragment``;
