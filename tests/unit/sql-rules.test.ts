import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Services read through `core.read` and write only inside `core.write()` (ARCHITECTURE.md rule 5).
 * The type of their context hides the connection; these lint rules keep them from reaching it
 * another way.
 */
const eslint = new ESLint({ cwd: process.cwd() });
const SERVICE = 'electron/core/services/probe.ts';

async function flagged(code: string, filePath = SERVICE): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('database rules for services', () => {
  it('forbid raw statements and transactions', async () => {
    const head = "import type { WriteDb } from '../db/handle';\nimport { sql } from '../db/sql';\n";
    for (const body of [
      "export const f = (db: WriteDb & { prepare(s: string): { get(): unknown } }) => db.prepare('SELECT 1').get();",
      "export const f = (db: { exec(s: string): void }) => db.exec('DELETE FROM client');",
      'export const f = (stmt: { run(...a: unknown[]): void }) => stmt.run(1, 2);',
      'export const f = (db: { transaction(fn: () => void): () => void }) => db.transaction(() => {})();',
      "export const f = (db: { pragma(s: string): void }) => db.pragma('foreign_keys = OFF');",
      'export const f = (w: WriteDb) => { const q = sql`DELETE FROM client`; w.run(q); };',
    ]) {
      expect(await flagged(head + body), body).toHaveLength(1);
    }
    expect(await flagged(`${head}export const f = (w: WriteDb) => w.run(sql\`DELETE FROM goal WHERE id = \${'x'}\`);`)).toEqual(
      [],
    );
  });

  it('forbid reaching the connection by import', async () => {
    for (const code of [
      "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;\n",
      "import { Core } from '../core';\nexport const x = Core;\n",
      "import { Vault } from '../vault/vault';\nexport const x = Vault;\n",
      "import { migrate } from '../vault/migrate';\nexport const x = migrate;\n",
      "import { inTransaction } from '../db/handle';\nexport const x = inTransaction;\n",
      "import { recordAudit } from '../db/audit';\nexport const x = recordAudit;\n",
    ]) {
      expect(await flagged(code), code).toHaveLength(1);
    }
    expect(
      await flagged(
        "import type { CoreContext } from '../core';\nimport type { ReadDb } from '../db/handle';\nexport const x = (c: CoreContext): ReadDb => c.read;\n",
      ),
    ).toEqual([]);
  });

  it('leave the vault, which owns the connection, alone', async () => {
    expect(
      await flagged(
        "export const f = (db: { exec(s: string): void }) => db.exec('CREATE TABLE t (v TEXT)');\n",
        'electron/core/vault/migrations/probe.ts',
      ),
    ).toEqual([]);
  });
});
