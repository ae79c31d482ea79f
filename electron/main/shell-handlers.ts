import type { DoOf, OutputTarget, PdfOutput, ShellHandlers, WorkerContract } from '../../shared/contract';
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
}

/** What the main-process channels need from their host (Electron, or a test double). */
export interface ShellContext {
  settings: { get(): Settings; update(patch: Partial<Settings>): Settings };
  app: { version: string; vaultDir: string; platform: string };
  output: OutputHost;
}

async function render(
  host: OutputHost,
  target: OutputTarget,
): Promise<{ pdf: PdfOutput; entity: 'assignment' | 'packet'; id: string }> {
  const pdf =
    target.kind === 'assignment'
      ? await host.core.print.assignment({
          assignmentId: target.assignmentId,
          fillable: target.fillable ?? false,
          options: target.options,
        })
      : await host.core.print.packet({ clientId: target.clientId, options: target.options });
  return {
    pdf,
    entity: target.kind,
    id: target.kind === 'assignment' ? target.assignmentId : target.clientId,
  };
}

async function record(
  host: OutputHost,
  action: 'exported' | 'printed',
  entity: 'assignment' | 'packet',
  id: string,
  detail: string,
) {
  await host.core.audit.record({ action, entity, entityId: id, detail });
}

const describe = (pdf: PdfOutput, target: OutputTarget) =>
  `pdf, ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${target.options.paper ?? 'a4'}${target.options.largePrint ? ', large print' : ''}${target.kind === 'assignment' && target.fillable ? ', fillable' : ''}`;

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
  },
};
