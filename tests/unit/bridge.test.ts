import { describe, expect, it } from 'vitest';
import { buildApi } from '../../shared/bridge';
import { CHANNELS, CORE_CHANNELS, SHELL_CHANNELS, contract } from '../../shared/contract';
import { passphraseStrength } from '../../shared/passphrase';
import { handlers } from '../../electron/core/api';
import { shellHandlers } from '../../electron/main/shell-handlers';

describe('the bridge', () => {
  it('exposes one named function per channel, and nothing generic', async () => {
    const seen: [string, unknown][] = [];
    const api = buildApi(CHANNELS, async (c, i) => {
      seen.push([c, i]);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const d of Object.keys(api)) expect(Object.isFrozen(api[d])).toBe(true);
    expect('invoke' in api).toBe(false);
    // Each function sends its own channel name and its input (none when called without).
    for (const name of CHANNELS) {
      const [domain, verb] = name.split('.') as [string, string];
      await api[domain]![verb]!({ id: name });
    }
    expect(seen).toEqual(CHANNELS.map((c) => [c, { id: c }]));
    const [domain, verb] = CHANNELS[0]!.split('.') as [string, string];
    await api[domain]![verb]!();
    expect(seen.at(-1)).toEqual([CHANNELS[0], undefined]);
  });
  it('has a handler for every channel, in the core or in the main process', () => {
    for (const c of CORE_CHANNELS) {
      const [d, v] = c.split('.') as [string, string];
      expect(typeof (handlers as Record<string, Record<string, unknown>>)[d]?.[v], c).toBe('function');
    }
    for (const c of SHELL_CHANNELS) {
      const [d, v] = c.split('.') as [string, string];
      expect(typeof (shellHandlers as Record<string, Record<string, unknown>>)[d]?.[v], c).toBe('function');
    }
    expect(CHANNELS.length).toBe(CORE_CHANNELS.length + SHELL_CHANNELS.length);
  });
});

describe('passphrase strength hint', () => {
  it('grades short, common and strong passphrases', () => {
    expect(passphraseStrength('').score).toBe(0);
    expect(passphraseStrength('abc').label).toBe('Too short');
    expect(passphraseStrength('password123').score).toBeLessThanOrEqual(1);
    expect(passphraseStrength('aaaaaaaaaaaa').score).toBeLessThanOrEqual(1);
    expect(passphraseStrength('maple river quietly 42 lanterns').score).toBeGreaterThanOrEqual(3);
  });
});
