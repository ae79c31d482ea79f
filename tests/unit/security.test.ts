import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContractDispatcher } from '../../electron/host';
import { makeHandler } from '../../electron/main/handle';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { resolveAppFile } from '../../electron/main/security/files';
import { isNavigationAllowed, windowOpenHandler } from '../../electron/main/security/navigation';
import { APP_ENTRY, isAppUrl } from '../../electron/main/security/origin';
import { deviceRequestHandler, permissionCheckHandler, permissionRequestHandler } from '../../electron/main/security/permissions';
import { isRequestAllowed } from '../../electron/main/security/requests';
import { hardenedWebPreferences } from '../../electron/main/security/webPreferences';
import { electronNativeBinding } from '../../electron/main/native';
import { channel } from '../../shared/contract';

describe('origin', () => {
  it('trusts only the app scheme and host', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://stepwise/assets/x.js')).toBe(true);
    for (const bad of [
      'app://evil/index.html',
      'https://stepwise/index.html',
      'file:///index.html',
      'app://user:pw@stepwise/',
      '',
      undefined,
      null,
      'not a url',
      'http://localhost:5173/',
    ]) {
      expect(isAppUrl(bad as string)).toBe(false);
    }
  });
  it('trusts the dev server only when it is named, and only on localhost', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://example.com:5173/', 'http://example.com:5173')).toBe(false);
  });
});

describe('navigation and windows', () => {
  it('allows only a reload of the app entry', () => {
    expect(isNavigationAllowed(APP_ENTRY)).toBe(true);
    expect(isNavigationAllowed('app://stepwise/')).toBe(true);
    expect(isNavigationAllowed('app://stepwise/other.html')).toBe(false);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
  });
  it('denies every new window', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('refuses every permission request, check and device', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      let granted: boolean | undefined;
      permissionRequestHandler(null, p, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(permissionCheckHandler()).toBe(false);
    expect(deviceRequestHandler()).toBe(false);
  });
});

describe('network', () => {
  it('lets no request leave the machine', () => {
    expect(isRequestAllowed('app://stepwise/index.html')).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/x')).toBe(true);
    for (const bad of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost:1/',
      'ftp://x/',
      'file:///etc/passwd',
      'garbage',
    ]) {
      expect(isRequestAllowed(bad)).toBe(false);
    }
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isRequestAllowed('https://localhost:5173/x', 'http://localhost:5173')).toBe(false);
  });
});

describe('content security policy', () => {
  it('has no eval, no inline script, no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
  it('is the same text in renderer/index.html', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('window settings', () => {
  it('are hardened', () => {
    expect(hardenedWebPreferences('/p.cjs', false)).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });
});

describe('app protocol files', () => {
  const root = path.resolve('out/renderer');
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://stepwise/index.html', 'stepwise')).toEqual({
      file: path.join(root, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(resolveAppFile(root, 'app://stepwise/', 'stepwise')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://stepwise/assets/a.js', 'stepwise')?.type).toContain('javascript');
    for (const bad of [
      'app://stepwise/../../etc/passwd',
      'app://stepwise/%2e%2e/%2e%2e/etc/passwd',
      'app://stepwise/..%2f..%2fsecret.html',
      'app://stepwise/a%00.html',
      'app://other/index.html',
      'app://stepwise/secret.sqlite',
    ]) {
      expect(resolveAppFile(root, bad, 'stepwise')).toBeNull();
    }
  });
});

describe('native module for Electron', () => {
  it('is looked for in resources when packaged, in build/ when not, and omitted when absent', () => {
    expect(electronNativeBinding('/nowhere/app', '/nowhere/res', true)).toBeUndefined();
    expect(electronNativeBinding('/nowhere/app', '/nowhere/res', false)).toBeUndefined();
  });
});

describe('the IPC border', () => {
  const def = channel(z.object({ name: z.string().min(1, 'Please enter a name.') }), z.object({ n: z.number() }));
  const calls: unknown[] = [];
  // The border is the sender check plus the dispatcher that answers the channel (which parses the
  // input and checks the output), as the main process wires them.
  const answer = createContractDispatcher(
    { x: { y: def } },
    {
      x: {
        y: (input) => {
          calls.push(input);
          // A handler breaking the contract, to show the output check.
          return input.name === 'bad-output' ? ({ n: 'nope' } as unknown as { n: number }) : { n: 1 };
        },
      },
    },
    undefined,
    { log: () => {} },
  );
  const handler = makeHandler(
    'x.y',
    (url) => isAppUrl(url),
    answer,
    () => {},
  );
  it('refuses a frame that is not the app, without calling through', async () => {
    const r = await handler({ senderFrame: { url: 'https://evil.example/' } }, { name: 'a' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await handler({ senderFrame: null }, { name: 'a' })).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });
  it('parses input at the border, with the schema’s message', async () => {
    const r = await handler({ senderFrame: { url: APP_ENTRY } }, { name: '' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Please enter a name.', fields: { name: 'Please enter a name.' } },
    });
    expect(calls).toEqual([]);
  });
  it('passes good calls and checks the output', async () => {
    expect(await handler({ senderFrame: { url: APP_ENTRY } }, { name: 'a' })).toEqual({ ok: true, value: { n: 1 } });
    expect(await handler({ senderFrame: { url: APP_ENTRY } }, { name: 'bad-output' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
