import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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

/** Builds the app once for the tests below. */
let builtOnce = false;
function build(): void {
  if (builtOnce) return;
  const r = spawnSync('npx', ['electron-vite', 'build', '--outDir', out.dir, '--logLevel', 'error'], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  builtOnce = true;
}

/**
 * The JavaScript the first screen loads: the renderer's entry script, the chunks index.html
 * preloads, and every chunk those import statically (not the ones a screen imports on demand).
 */
function firstScreenScripts(rendererDir: string): string[] {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const start = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+\.js)"/g)].map((m) =>
    path.join(rendererDir, m[1]!),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // `import{a as b}from"./x.js"` and `import"./x.js"`; never `import("./x.js")`.
    for (const m of text.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(path.resolve(path.dirname(file), m[1]!));
    }
  };
  start.forEach(visit);
  return [...seen];
}

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
    build();

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

  // issue 9: the chart library and pdf.js load only when a screen needs them.
  it("the first screen's JavaScript is under 250 KB gzip, without ECharts or pdf.js", () => {
    build();
    const files = firstScreenScripts(path.join(out.dir, 'renderer'));
    expect(files.length).toBeGreaterThan(0);
    const texts = files.map((f) => readFileSync(f));
    const gzip = texts.reduce((n, t) => n + gzipSync(t).length, 0);
    expect(gzip, `first screen: ${files.map((f) => path.basename(f)).join(', ')}`).toBeLessThan(250 * 1024);
    const all = texts.map((t) => t.toString('utf8')).join('\n');
    // ECharts' and pdf.js's own names for their entry points.
    expect(all).not.toMatch(/renderToSVGString|GlobalWorkerOptions/);
  }, 300_000);
});
