import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import { CHANNELS, channelNames, contract, internalContract, workerContract } from '../../shared/contract';

/**
 * The one door: a channel is named as a string only in the contract (shared/contract) and in the
 * host module (electron/host). Everywhere else — the main process, the core, the CLI, the renderer,
 * the tests — calls go through a typed client, so a renamed channel fails to compile.
 */
const ROOTS = ['electron', 'shared', 'renderer/src', 'tests', 'scripts'];
const ALLOWED = [path.join('shared', 'contract') + path.sep, path.join('electron', 'host') + path.sep];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'artifacts') out.push(...sources(p));
    } else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      out.push(p);
    }
  }
  return out;
}

/** Every string literal (and template literal without substitutions) in a file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ text: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

describe('the one door to the core', () => {
  it('names no channel as a string outside the contract and the host module', () => {
    const names = new Set([...channelNames(contract), ...channelNames(internalContract), ...channelNames(workerContract)]);
    expect(names.size).toBeGreaterThan(30);
    const offenders: string[] = [];
    for (const root of ROOTS) {
      for (const file of sources(root)) {
        if (ALLOWED.some((a) => file.startsWith(a))) continue;
        for (const l of literals(file)) if (names.has(l.text)) offenders.push(`${file}:${l.line} '${l.text}'`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the scan finds a channel name where one is written', () => {
    const probe = path.join('tests', 'artifacts', 'door-probe.ts');
    const name = CHANNELS[0]!;
    const text = `export const x = ${JSON.stringify(name)};\n`;
    const sf = ts.createSourceFile(probe, text, ts.ScriptTarget.Latest, true);
    let seen = '';
    sf.forEachChild(function visit(n): void {
      if (ts.isStringLiteral(n)) seen = n.text;
      n.forEachChild(visit);
    });
    expect(seen).toBe(name);
  });

  it("the preload's list of channel names is the contract's, in the same order", () => {
    expect([...CHANNEL_NAMES]).toEqual(channelNames(contract));
  });
});
