import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/vault';

/**
 * What the built app carries. The main process reaches the core only through electron/host, so
 * its bundle holds none of the core's heavy libraries (those load in the worker); the preload
 * holds the channel names and nothing of zod or the schemas.
 */
const out = tempDir('stepwise-bundles-');
afterAll(() => out.cleanup());

/** A built entry and every chunk it imports (statically or dynamically), as one text. */
function bundle(entry: string): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    texts.push(text);
    for (const m of text.matchAll(/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(path.resolve(path.dirname(file), m[1]!));
    }
  };
  visit(entry);
  return texts.join('\n');
}

/** An import or require of the core's heavy libraries, or their code inlined (their own names for their classes). */
const HEAVY = [
  /(?:from|import|require)\s*\(?\s*["'](?:pdfkit|fontkit|@cantoo\/pdf-lib|pdf-lib|better-sqlite3(?:-multiple-ciphers)?)(?:\/[^"']*)?["']/,
  /\bPDFDocument\b|\bPDFKit\b|\bSqliteError\b|\bPDFTextField\b/,
];

describe('the built bundles', () => {
  it('main carries no pdfkit, pdf-lib or better-sqlite3 (the worker does); the preload is small and has no zod', () => {
    const r = spawnSync('npx', ['electron-vite', 'build', '--outDir', out.dir, '--logLevel', 'error'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);

    const main = bundle(path.join(out.dir, 'main', 'index.js'));
    expect(main).toContain('ipcMain');
    for (const re of HEAVY) expect(main, String(re)).not.toMatch(re);

    const worker = bundle(path.join(out.dir, 'main', 'core-worker.js'));
    expect(worker).toMatch(/from ["']pdfkit["']/);
    expect(worker).toMatch(/from ["']better-sqlite3-multiple-ciphers["']/);

    const preloadFile = path.join(out.dir, 'preload', 'index.cjs');
    const preload = readFileSync(preloadFile, 'utf8');
    expect(statSync(preloadFile).size).toBeLessThan(20 * 1024);
    expect(preload).toContain('exposeInMainWorld');
    // zod's own code (its error class, parse functions, internals), or a require of it.
    expect(preload).not.toMatch(/ZodError|safeParse|\$ZodType|_zod|require\(["']zod/);
    expect(preload.match(/require\(["'][^"']+["']\)/g)).toEqual(['require("electron")']);
  }, 300_000);
});
