import type { DoOf, ExportFiles, OutputTarget, PdfOutput, ShellHandlers, WorkerContract } from '../../shared/contract';
import { MAX_PDF_BYTES } from '../../shared/contract/data';
import { AppError } from '../../shared/result';
import type { Settings } from '../../shared/settings';

/** What the main process offers to save and print: Electron's dialogs in the app, a double in tests. */
export interface OutputHost {
  /** The core, typed (the renderer's channels and the internal ones); a failure throws an AppError. */
  core: DoOf<WorkerContract>;
  /** Asks where to save; null when the clinician cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Writes the file so that it is either complete or absent. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Opens the system print dialog for the PDF; false when it could not be opened. */
  openPrint(bytes: Uint8Array, title: string): Promise<boolean>;
  baseName(path: string): string;
  /** Asks for a PDF to open; null when the clinician cancels. `read` reads the chosen file. */
  chooseOpenPdf(): Promise<{ path: string; size: number; read(): Promise<Uint8Array<ArrayBuffer>> } | null>;
  /** Asks where to save an export: a JSON file, or the name of a new folder for the CSV files; null when cancelled. */
  chooseExportPath(suggestedName: string, format: 'json' | 'csv'): Promise<string | null>;
  /**
   * Writes an export so that it is complete or absent: JSON as the one file at `target`, CSV as a
   * new folder `target` holding the files (an existing folder is never written into).
   */
  writeExport(target: string, files: ExportFiles['files'], format: 'json' | 'csv'): Promise<void>;
  /** Asks for a folder (backups go there, or a backup is restored into a new one); null when cancelled. */
  chooseFolder(purpose: 'backupFolder' | 'restoreFolder'): Promise<string | null>;
  /** Asks for a Stepwise backup file to open; null when cancelled. */
  chooseBackupFile(): Promise<string | null>;
  /** Asks where to save a text file (the activity log as CSV, the recovery key as text); null when cancelled. */
  chooseTextSavePath(suggestedName: string, kind: 'csv' | 'txt'): Promise<string | null>;
}

/** The recovery key as a file: the key and what it is for, in plain words. */
export function recoveryKeyText(recoveryKey: string, at: Date): string {
  return [
    'Stepwise recovery key',
    '',
    recoveryKey,
    '',
    'This key opens your Stepwise vault if you forget your passphrase. Anyone who has it and your',
    'vault (or a backup of it) can read your records.',
    '',
    'Keep this file somewhere safe and away from this computer — on a USB stick in a locked drawer,',
    'or printed — and delete it from this computer once it is stored. If you make new keys in',
    'Settings, this key stops working: destroy it then.',
    '',
    `Saved on ${at.toISOString().slice(0, 10)}.`,
    '',
  ].join('\n');
}

/** What the main-process channels need from their host (Electron, or a test double). */
export interface ShellContext {
  settings: { get(): Settings; update(patch: Partial<Settings>): Settings };
  app: { version: string; vaultDir: string; platform: string };
  output: OutputHost;
}

type OutputEntity = 'assignment' | 'packet' | 'handout' | 'report' | 'client';

async function render(host: OutputHost, target: OutputTarget): Promise<{ pdf: PdfOutput; entity: OutputEntity; id: string }> {
  switch (target.kind) {
    case 'assignment': {
      const pdf = await host.core.print.assignment({
        assignmentId: target.assignmentId,
        fillable: target.fillable ?? false,
        options: target.options,
      });
      return { pdf, entity: 'assignment', id: target.assignmentId };
    }
    case 'packet':
      return {
        pdf: await host.core.print.packet({ clientId: target.clientId, fillable: target.fillable, options: target.options }),
        entity: 'packet',
        id: target.clientId,
      };
    case 'handout':
      return {
        pdf: await host.core.print.handout({ sessionId: target.sessionId, options: target.options }),
        entity: 'handout',
        id: target.sessionId,
      };
    case 'progressReport': {
      const { kind: _kind, ...input } = target;
      return { pdf: await host.core.reports.progress(input), entity: 'report', id: target.clientId };
    }
    case 'measure':
      return {
        pdf: await host.core.measures.printPdf({
          clientId: target.clientId,
          measure: target.measure,
          fillable: target.fillable ?? true,
          options: target.options,
        }),
        entity: 'client',
        id: target.clientId,
      };
  }
}

async function record(host: OutputHost, action: 'exported' | 'printed', entity: OutputEntity, id: string, detail: string) {
  await host.core.audit.record({ action, entity, entityId: id, detail });
}

const describe = (pdf: PdfOutput, target: OutputTarget) =>
  `pdf, ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${target.options.paper ?? 'a4'}${target.options.largePrint ? ', large print' : ''}${target.kind === 'assignment' && target.fillable ? ', fillable' : ''}${target.kind === 'progressReport' ? `, ${target.audience ?? 'clinician'} report${target.from || target.to ? ', date range' : ''}` : ''}${target.kind === 'measure' ? `, ${target.measure} questionnaire${target.fillable === false ? '' : ', fillable'}` : ''}`;

export const shellHandlers: ShellHandlers<ShellContext> = {
  app: { info: (_i, ctx) => ctx.app },
  settings: {
    get: (_i, ctx) => ctx.settings.get(),
    update: (patch, ctx) => ctx.settings.update(patch),
  },
  output: {
    async save(target, ctx) {
      const { pdf, entity, id } = await render(ctx.output, target);
      const file = await ctx.output.chooseSavePath(pdf.fileName);
      if (!file) return { saved: false, fileName: null };
      try {
        await ctx.output.writeFile(file, pdf.bytes);
      } catch {
        throw new AppError('IO', 'The PDF could not be saved there. Choose another folder, or check that the disk is not full.');
      }
      await record(ctx.output, 'exported', entity, id, describe(pdf, target));
      return { saved: true, fileName: ctx.output.baseName(file) };
    },
    async print(target, ctx) {
      const { pdf, entity, id } = await render(ctx.output, target);
      const opened = await ctx.output.openPrint(pdf.bytes, pdf.fileName);
      if (opened) await record(ctx.output, 'printed', entity, id, describe(pdf, target));
      return { opened };
    },
    async openPdf(_input, ctx) {
      const unreadable = 'That file could not be read. Check that it is still there, then try again.';
      const file = await ctx.output.chooseOpenPdf().catch(() => {
        throw new AppError('IO', unreadable);
      });
      if (!file) return { bytes: null, fileName: null };
      // A file larger than any worksheet is refused before it is read into memory.
      if (file.size > MAX_PDF_BYTES) {
        throw new AppError('VALIDATION', 'This file is larger than any worksheet Stepwise makes (20 MB at most).');
      }
      const bytes = await file.read().catch(() => {
        throw new AppError('IO', unreadable);
      });
      return { bytes, fileName: ctx.output.baseName(file.path) };
    },
    async exportData({ clientId, format }, ctx) {
      const out = await ctx.output.core.export.build({
        ...(clientId ? { clientId } : {}),
        format,
        appVersion: ctx.app.version,
      });
      const target = await ctx.output.chooseExportPath(out.suggestedName, format);
      if (!target) return { saved: false, location: null, files: 0 };
      try {
        await ctx.output.writeExport(target, out.files, format);
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError(
          'IO',
          'The export could not be saved there. Choose another folder, or check that the disk is not full.',
        );
      }
      await ctx.output.core.audit.record({
        action: 'exported',
        entity: clientId ? 'client' : 'vault',
        entityId: clientId ?? null,
        detail: `${format}, ${out.files.length} file${out.files.length === 1 ? '' : 's'}`,
      });
      return { saved: true, location: ctx.output.baseName(target), files: out.files.length };
    },
    chooseFolder: async ({ purpose }, ctx) => ({ path: await ctx.output.chooseFolder(purpose) }),
    chooseBackupFile: async (_input, ctx) => ({ path: await ctx.output.chooseBackupFile() }),
    async saveActivityCsv(filter, ctx) {
      const { csv, rows } = await ctx.output.core.audit.csv(filter);
      const file = await ctx.output.chooseTextSavePath(`stepwise-activity-${new Date().toISOString().slice(0, 10)}.csv`, 'csv');
      if (!file) return { saved: false, fileName: null, rows: 0 };
      await writeText(ctx, file, csv, 'The activity log');
      return { saved: true, fileName: ctx.output.baseName(file), rows };
    },
    async saveRecoveryKey({ recoveryKey }, ctx) {
      const file = await ctx.output.chooseTextSavePath('Stepwise recovery key.txt', 'txt');
      if (!file) return { saved: false, fileName: null };
      await writeText(ctx, file, recoveryKeyText(recoveryKey, new Date()), 'The recovery key');
      return { saved: true, fileName: ctx.output.baseName(file) };
    },
  },
};

/** Writes a text file the clinician named, complete or not at all, with a plain message on failure. */
async function writeText(ctx: ShellContext, file: string, text: string, what: string): Promise<void> {
  try {
    await ctx.output.writeFile(file, new TextEncoder().encode(text));
  } catch {
    throw new AppError('IO', `${what} could not be saved there. Choose another folder, or check that the disk is not full.`);
  }
}
