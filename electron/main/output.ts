import { app, BrowserWindow, dialog } from 'electron';
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { OutputHost } from './shell-handlers';
import { writeExportFiles } from '../host';
import { hardenedWebPreferences } from './security/webPreferences';
import { APP_ORIGIN } from './security/origin';

/** PDFs waiting to be shown in a print window: in memory only, never a temp file. */
const printable = new Map<string, Uint8Array>();

/** Serves `app://stepwise/print/<token>.pdf` from memory; returns null for any other URL. */
export function printResponse(url: string): Response | null {
  const m = /^app:\/\/stepwise\/print\/([0-9a-f]{32})\.pdf$/.exec(url);
  if (!m) return null;
  const bytes = printable.get(m[1]!);
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(Buffer.from(bytes), {
    headers: { 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' },
  });
}

export function electronOutputHost(parent: () => BrowserWindow | null, core: OutputHost['core']): OutputHost {
  return {
    core,
    async chooseSavePath(suggestedName) {
      const win = parent();
      const options = {
        title: 'Save the PDF',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      return r.filePath.toLowerCase().endsWith('.pdf') ? r.filePath : `${r.filePath}.pdf`;
    },
    async writeFile(file, bytes) {
      // Written beside the target, then renamed: a crash leaves the old file or the new one.
      const tmp = `${file}.${randomBytes(4).toString('hex')}.part`;
      try {
        await writeFile(tmp, bytes, { mode: 0o600 });
        await rename(tmp, file);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
    async openPrint(bytes, title) {
      const token = randomBytes(16).toString('hex');
      printable.set(token, bytes);
      // A sandboxed window with Chromium's PDF viewer, whose Print button opens the system dialog.
      const win = new BrowserWindow({
        parent: parent() ?? undefined,
        width: 900,
        height: 1000,
        title: `Print — ${title}`,
        webPreferences: { ...hardenedWebPreferences('', false), preload: undefined, plugins: true },
      });
      win.on('closed', () => printable.delete(token));
      try {
        await win.loadURL(`${APP_ORIGIN}/print/${token}.pdf`);
        return true;
      } catch {
        win.destroy();
        return false;
      }
    },
    baseName: (file) => path.basename(file),
    async chooseOpenPdf() {
      const win = parent();
      const options = {
        title: 'Import a filled PDF',
        defaultPath: app.getPath('documents'),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        properties: ['openFile'] as 'openFile'[],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const file = r.filePaths[0];
      if (r.canceled || !file) return null;
      const { size } = await stat(file);
      return { path: file, size, read: async () => new Uint8Array(await readFile(file)) };
    },
    async chooseExportPath(suggestedName, format) {
      const win = parent();
      const options =
        format === 'json'
          ? {
              title: 'Save the export (not encrypted)',
              defaultPath: path.join(app.getPath('documents'), suggestedName),
              filters: [{ name: 'JSON file', extensions: ['json'] }],
              properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
            }
          : {
              // CSV: a new folder of files, named here.
              title: 'Name the new folder for the CSV files (not encrypted)',
              buttonLabel: 'Create folder',
              defaultPath: path.join(app.getPath('documents'), suggestedName),
              properties: ['createDirectory'] as 'createDirectory'[],
            };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      if (format === 'json' && !r.filePath.toLowerCase().endsWith('.json')) return `${r.filePath}.json`;
      return r.filePath;
    },
    writeExport: (target, files, format) => writeExportFiles(target, files, format),
    async chooseFolder(purpose) {
      const win = parent();
      const options = {
        title:
          purpose === 'backupFolder'
            ? 'Choose the folder for automatic backups'
            : 'Choose a new, empty folder for the restored vault',
        buttonLabel: 'Choose this folder',
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseBackupFile() {
      const win = parent();
      const options = {
        title: 'Choose a Stepwise backup',
        defaultPath: app.getPath('documents'),
        filters: [{ name: 'Stepwise backup', extensions: ['swbackup'] }],
        properties: ['openFile'] as 'openFile'[],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseTextSavePath(suggestedName, kind) {
      const win = parent();
      const options = {
        title: kind === 'csv' ? 'Save the activity log' : 'Save the recovery key',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [kind === 'csv' ? { name: 'CSV file', extensions: ['csv'] } : { name: 'Text file', extensions: ['txt'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      return r.filePath.toLowerCase().endsWith(`.${kind}`) ? r.filePath : `${r.filePath}.${kind}`;
    },
  };
}
