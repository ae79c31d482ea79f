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
    await api.vault!.status!();
    await api.clients!.get!({ id: 'x' });
    expect(seen).toEqual([
      ['vault.status', undefined],
      ['clients.get', { id: 'x' }],
    ]);
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
