import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import { createRouter, hostClient, type Dispatch } from '../../electron/host';
import {
  CHANNELS,
  channelNames,
  contract,
  coreContract,
  internalContract,
  shellContract,
  workerContract,
} from '../../shared/contract';
import { AppError } from '../../shared/result';

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

/** Every string literal (and template literal without substitutions) in a source, with its line. */
function literals(file: string, text = readFileSync(file, 'utf8')): { text: string; line: number }[] {
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

  it('the scan sees a channel name however it is quoted', () => {
    const name = CHANNELS[0]!;
    const probe = [`call(${JSON.stringify(name)});`, `call('${name}');`, `call(\`${name}\`);`].join('\n');
    expect(literals('probe.ts', probe).map((l) => [l.text, l.line])).toEqual([
      [name, 1],
      [name, 2],
      [name, 3],
    ]);
  });

  it("the preload's list of channel names is the contract's, in the same order", () => {
    expect([...CHANNEL_NAMES]).toEqual(channelNames(contract));
  });
});

describe('the typed client and the router', () => {
  // A double of the core: answers with the channel it was called on, or fails on request.
  const echo: Dispatch = async (channel, input) => {
    return input === 'fail'
      ? { ok: false, error: { code: 'NOT_FOUND', message: 'Not there.' } }
      : { ok: true, value: { channel } };
  };

  it('gives one function per channel: api returns the Result, do the value or an AppError', async () => {
    const client = hostClient(workerContract, echo);
    expect(Object.keys(client.api).sort()).toEqual(Object.keys(workerContract).sort());
    expect(Object.isFrozen(client.api.vault)).toBe(true);
    const [name] = channelNames(internalContract);
    expect(
      await client.api.audit.record({ action: 'printed', entity: 'packet', entityId: 'a'.repeat(32), detail: null }),
    ).toEqual({ ok: true, value: { channel: name } });
    expect(await client.do.vault.status()).toEqual({ channel: channelNames({ vault: coreContract.vault })[0] });
    // @ts-expect-error -- an input the contract refuses, to make the double fail
    const failed = client.do.vault.unlock('fail');
    await expect(failed).rejects.toBeInstanceOf(AppError);
    await expect(failed).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Not there.' });
  });

  it('routes the page’s channels to the core or the main process, and refuses the internal ones', async () => {
    const core: string[] = [];
    const shell: string[] = [];
    const route = createRouter({
      core: async (c) => (core.push(c), { ok: true, value: null }),
      shell: async (c) => (shell.push(c), { ok: true, value: null }),
    });
    for (const c of CHANNELS) await route(c, undefined);
    expect(core).toEqual(channelNames(coreContract));
    expect(shell).toEqual(channelNames(shellContract));
    for (const c of [...channelNames(internalContract), 'nothing.here', 'constructor', '__proto__.x'])
      expect(await route(c, undefined)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Unknown request.' } });
    expect(core.length + shell.length).toBe(CHANNELS.length);
  });
});
