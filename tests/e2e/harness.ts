import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApi } from '../../shared/bridge';
import { CHANNELS, contract, shellContract, workerContract, type ApiOf, type Contract, type DoOf } from '../../shared/contract';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings';
import { createWorkerDispatcher } from '../../electron/core/api';
import { Core } from '../../electron/core/core';
import { createContractDispatcher, createRouter, hostClient } from '../../electron/host';
import { shellHandlers } from '../../electron/main/shell-handlers';
import { testOutputHost } from '../support/output';
import { tempDir, testCallError } from '../support/vault';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RENDERER = path.resolve('out/renderer');
export const ARTIFACTS = path.resolve('tests/artifacts/e2e');
const ORIGIN = 'http://stepwise.test';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium).`);
  if (!existsSync(path.join(RENDERER, 'index.html')))
    throw new Error('The renderer is not built: run `npm run build:renderer` first.');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface AppPage {
  page: Page;
  core: Core;
  /** What the page can reach, typed: `app.api.<domain>.<verb>(input)` gives the Result… */
  api: ApiOf<Contract>;
  /** …and `app.do.<domain>.<verb>(input)` the value (a failure throws). To set the scene quickly. */
  do: DoOf<Contract>;
  vaultDir: string;
  settings: Settings;
  /** What the page saved or printed through the main process's (test double) dialogs. */
  output: ReturnType<typeof testOutputHost>['state'];
  exportsDir: string;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the built renderer in Chromium with `window.stepwise` installed through
 * page.exposeBinding onto the same dispatcher the Electron main process uses, running the real
 * core on a temp vault. The main process's own channels (settings) get an in-memory double.
 */
export async function openApp(browser: Browser, opts: { vaultDir?: string; now?: () => Date } = {}): Promise<AppPage> {
  const tmp = tempDir('stepwise-e2e-');
  const vaultDir = opts.vaultDir ?? path.join(tmp.dir, 'vault');
  const core = new Core({ vaultDir, ...(opts.now ? { now: opts.now } : {}) });
  const logs: string[] = [];
  const coreDispatch = createWorkerDispatcher(core, (l) => logs.push(l));
  const exportsDir = path.join(tmp.dir, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  const output = testOutputHost(hostClient(workerContract, coreDispatch).do, exportsDir);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const shellDispatch = createContractDispatcher(
    shellContract,
    shellHandlers,
    {
      settings: {
        get: () => settings,
        update: (patch: Partial<Settings>) => (settings = settingsSchema.parse({ ...settings, ...patch })),
      },
      app: { version: 'test', vaultDir, platform: process.platform },
      output: output.host,
    },
    { log: (l) => logs.push(l) },
  );
  // Like the main process: only the contract's channels are reachable from the page, each routed
  // to the core or to the main process's own handlers.
  const dispatch = createRouter({ core: coreDispatch, shell: shellDispatch });
  const client = hostClient(contract, dispatch, { error: testCallError });

  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
  const page = await context.newPage();
  // No network: every request is answered from the built renderer or refused.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.join(RENDERER, rel);
    if (!file.startsWith(RENDERER) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  await page.exposeBinding('__stepwiseInvoke', (_source, channel: string, input: unknown) => dispatch(channel, input));
  await page.addInitScript(
    `window.stepwise = (${buildApi.toString()})(${JSON.stringify(CHANNELS)}, (c, i) => window.__stepwiseInvoke(c, i));`,
  );
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${ORIGIN}/index.html`);
  mkdirSync(ARTIFACTS, { recursive: true });

  return {
    page,
    core,
    api: client.api,
    do: client.do,
    vaultDir,
    output: output.state,
    exportsDir,
    get settings() {
      return settings;
    },
    async shot(name: string) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      core.close();
      tmp.cleanup();
      if (pageErrors.length) throw new Error(`The page reported errors: ${pageErrors.join(' | ')}`);
      if (logs.some((l) => l.includes('unexpected'))) throw new Error(`The core logged unexpected errors: ${logs.join(' | ')}`);
    },
  };
}
