import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHANNELS, shellContract, workerContract } from '../../shared/contract';
import { CoreWorker, createContractDispatcher, createRouter, hostClient } from '../host';
import { autoBackupFolder, BACKUP_POLL_MS, IDLE_POLL_MS, LOCK_EVENTS, shouldAutoLock } from './guard';
import { makeHandler } from './handle';
import { electronNativeBinding } from './native';
import { electronOutputHost, printResponse } from './output';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { resolveAppFile } from './security/files';
import { isNavigationAllowed, windowOpenHandler } from './security/navigation';
import { APP_ENTRY, APP_HOST, APP_SCHEME, isAppUrl } from './security/origin';
import { deviceRequestHandler, permissionCheckHandler, permissionRequestHandler } from './security/permissions';
import { isRequestAllowed } from './security/requests';
import { hardenedWebPreferences } from './security/webPreferences';
import { SettingsStore } from './settings';
import { shellHandlers } from './shell-handlers';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);
/** Only in development (electron-vite dev): the renderer's dev server. */
const devOrigin = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// The app's own scheme: standard and secure, so the renderer is an origin of its own.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

// One Stepwise at a time: two processes must never open the same vault.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

let mainWindow: BrowserWindow | null = null;
let core: CoreWorker | null = null;

async function start(): Promise<void> {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including any that might be created later, is locked down.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url, devOrigin)) event.preventDefault();
    });
    contents.setWindowOpenHandler(windowOpenHandler);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  await app.whenReady();

  const rendererRoot = path.join(here, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const pdf = printResponse(request.url);
    if (pdf) return pdf;
    const target = resolveAppFile(rendererRoot, request.url, APP_HOST);
    if (!target) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(target.file).toString());
    return new Response(res.body, {
      status: res.status,
      headers: {
        'content-type': target.type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  ses.setDevicePermissionHandler(deviceRequestHandler);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, devOrigin) }));

  const vaultDir = process.env.STEPWISE_VAULT_DIR || path.join(app.getPath('userData'), 'vault');
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.resourcesPath, app.isPackaged);
  const settings = new SettingsStore();
  const autoLockMinutes = settings.get().autoLockMinutes;
  const worker = new CoreWorker(
    new Worker(path.join(here, 'core-worker.js'), {
      workerData: nativeBinding ? { vaultDir, nativeBinding, autoLockMinutes } : { vaultDir, autoLockMinutes },
    }),
  );
  core = worker;
  const internal = hostClient(workerContract, worker.call).api;
  // The core locks on idle by itself too: it is told the clinician's minutes whenever they change.
  const shellSettings = {
    get: () => settings.get(),
    update: (patch: Parameters<SettingsStore['update']>[0]) => {
      const next = settings.update(patch);
      if (patch.autoLockMinutes !== undefined) void internal.idle.setMinutes({ minutes: next.autoLockMinutes });
      return next;
    },
  };
  const shellDispatch = createContractDispatcher(
    shellContract,
    shellHandlers,
    {
      settings: shellSettings,
      app: { version: app.getVersion(), vaultDir, platform: process.platform },
      output: electronOutputHost(() => mainWindow, hostClient(workerContract, worker.call).do),
    },
    { log },
  );
  // Every channel of the contract, routed to the core's worker or to the main process's own handlers.
  const route = createRouter({ core: worker.call, shell: shellDispatch });
  const isTrusted = (url: string | undefined) => isAppUrl(url, devOrigin);
  for (const name of CHANNELS) ipcMain.handle(name, makeHandler(name, isTrusted, route, log));

  createWindow();

  // Auto-lock, enforced here and not only by the window: the system's idle time (any keyboard or
  // mouse on the computer), the screen lock and suspend. The renderer sees the vault locked at its
  // next status check and forgets what it held.
  const coreCalls = hostClient(workerContract, worker.call).api;
  const lockNow = () => void coreCalls.vault.lock();
  for (const ev of LOCK_EVENTS) powerMonitor.on(ev as 'lock-screen', lockNow);
  setInterval(() => {
    if (shouldAutoLock(powerMonitor.getSystemIdleTime(), settings.get())) lockNow();
  }, IDLE_POLL_MS).unref();

  // Automatic backups (in the core's worker, never on this thread): daily while unlocked.
  const backupIfDue = async () => {
    const status = await coreCalls.backup.status();
    const folder = autoBackupFolder(settings.get(), status.ok ? status.value : null);
    if (folder) {
      const made = await coreCalls.backup.create({ folder, kind: 'auto' });
      if (!made.ok) log(`stepwise: automatic backup failed (${made.error.code})`);
    }
  };
  setInterval(() => void backupIfDue(), BACKUP_POLL_MS).unref();

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const c = core;
    core = null;
    // On quit, a backup when the last one is older than a day (only while unlocked), then close.
    void backupIfDue()
      .catch(() => undefined)
      .finally(() => void c.close().finally(() => app.quit()));
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Stepwise',
    backgroundColor: '#f7f7f5',
    webPreferences: hardenedWebPreferences(path.join(here, '../preload/index.cjs'), !app.isPackaged),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  // A form with unsaved input (the renderer's beforeunload, components/UnsavedChanges) asks
  // before the window closes or reloads; only "Close without saving" lets it go.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const win = mainWindow;
    const options = {
      type: 'question' as const,
      buttons: ['Keep editing', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      title: 'Leave without saving?',
      message: 'Some of what you typed has not been saved.',
      detail: 'If you close Stepwise now, it is lost.',
    };
    const choice = win ? dialog.showMessageBoxSync(win, options) : dialog.showMessageBoxSync(options);
    if (choice === 1) event.preventDefault();
  });
  // Stepwise opens no links outside itself: shell.openExternal is never called.
  void mainWindow.loadURL(devOrigin ?? APP_ENTRY);
}
