import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputHost } from '../../electron/main/shell-handlers';
import { writeExportFiles } from '../../electron/host';

/**
 * The main process's save and print, with Electron's own dialogs replaced by a double: "the
 * clinician chooses" a file in `dir` (or cancels), and a print window "opens".
 */
export function testOutputHost(core: OutputHost['core'], dir: string) {
  const state = {
    cancelNext: false,
    printed: [] as { bytes: Uint8Array; title: string }[],
    saved: [] as string[],
    /** The file "the clinician chooses" in the next open dialog (null: they cancel). */
    openNext: null as string | null,
    /** The folder "the clinician chooses" in the next folder dialog (null: they cancel), and what each dialog was for. */
    folderNext: null as string | null,
    folderPurposes: [] as string[],
  };
  const host: OutputHost = {
    core,
    async chooseSavePath(name) {
      if (state.cancelNext) {
        state.cancelNext = false;
        return null;
      }
      return path.join(dir, name);
    },
    async writeFile(file, bytes) {
      writeFileSync(`${file}.part`, bytes);
      renameSync(`${file}.part`, file);
      state.saved.push(file);
    },
    async openPrint(bytes, title) {
      state.printed.push({ bytes, title });
      return true;
    },
    baseName: (f) => path.basename(f),
    async chooseOpenPdf() {
      const file = state.openNext;
      state.openNext = null;
      if (!file) return null;
      return { path: file, size: statSync(file).size, read: async () => new Uint8Array(readFileSync(file)) };
    },
    async chooseExportPath(name) {
      if (state.cancelNext) {
        state.cancelNext = false;
        return null;
      }
      return path.join(dir, name);
    },
    async chooseFolder(purpose) {
      state.folderPurposes.push(purpose);
      const folder = state.folderNext;
      state.folderNext = null;
      return folder;
    },
    async chooseBackupFile() {
      const file = state.openNext;
      state.openNext = null;
      return file;
    },
    async chooseTextSavePath(name) {
      if (state.cancelNext) {
        state.cancelNext = false;
        return null;
      }
      return path.join(dir, name);
    },
    async writeExport(target, files, format) {
      await writeExportFiles(target, files, format);
      state.saved.push(target);
    },
  };
  return { host, state };
}
