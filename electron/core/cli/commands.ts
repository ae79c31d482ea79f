import type { DoOf, PrintOptionsInput, WorkerContract } from '../../../shared/contract';
import type { Core } from '../core';
import { existsSync, linkSync, readFileSync, writeFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../demo';
import { seedDemoHistory } from '../demoHistory';
import { writeExportFiles } from '../../host';
import { sql } from '../db/sql';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const USAGE = `Stepwise command line — the same encrypted vault as the app.

Usage: npm run cli -- <command> --vault DIR [options]

Commands:
  init    --vault DIR            Create a new vault; prints its recovery key once.
  demo    --vault DIR            Create the vault if needed and fill it with fictional demo clients.
  verify  --vault DIR            Check the vault's integrity and format version.
  info    --vault DIR [--json]   Show the vault, its clients and their assignments (with IDs).
  print   --vault DIR --assignment ID --out FILE [--fillable] [--paper a4|letter] [--large-print] [--initials]
                                 Print one assignment's worksheet to a PDF (fillable: with form fields).
  packet  --vault DIR --client ID --out FILE [--paper a4|letter] [--large-print] [--initials]
                                 One PDF with a cover page and every active assignment of a client.
  report  --vault DIR --client ID --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
          [--audience clinician|client] [--initials] [--paper a4|letter]
                                 A progress report (measures, change, charts, homework, goals) for a
                                 date range; the client's version has no item 9 and no private notes.
  import  --vault DIR --pdf FILE [--dry-run] [--date YYYY-MM-DD]
                                 Save a filled fillable worksheet's answers as practice records (a daily
                                 log: one per filled day; --date: the day of a sheet without one).
                                 --dry-run shows what would be saved and saves nothing.
  export  --vault DIR (--client ID | --all) --format json|csv --out PATH
                                 Export one client or the whole vault, NOT encrypted: JSON to the file
                                 PATH, CSV to a new folder PATH (a file per table).
  import-clients --vault DIR --csv FILE [--dry-run]
                                 Import clients from a CSV file (name or first/last name, preferred
                                 name, date of birth, start date); --dry-run only shows what would happen.
  backup  --vault DIR --out FILE  Write an encrypted backup of the vault (opens with its passphrase or recovery key).
  restore --backup FILE --vault NEWDIR
                                 Restore a backup into a new, empty folder, then open and check it there.
  check-backup --backup FILE     Open a backup (streamed into an encrypted temporary copy) and check it.
  delete-client --vault DIR --client ID --yes
                                 Delete an archived client and all of their records for good (the right
                                 to erasure); without --yes nothing is deleted. Backups made before keep them.

The passphrase comes from the STEPWISE_PASSPHRASE environment variable, or is asked for.
`;

export interface CliHost {
  /** The core, typed: the renderer's channels and the internal ones (the CLI records its exports). */
  calls: DoOf<WorkerContract>;
  core: Core;
  out: (s: string) => void;
  passphrase: (purpose: 'unlock' | 'new') => Promise<string>;
}

// A failed call throws an AppError: cli.ts prints its message (written for the clinician) as one line.

async function unlock(host: CliHost): Promise<void> {
  const status = await host.calls.vault.status();
  if (!status.exists) throw new CliError(`There is no Stepwise vault in ${host.core.vaultDir}. Create one with “init”.`);
  await host.calls.vault.unlock({ passphrase: await host.passphrase('unlock') });
}

/** The passphrase (or, with STEPWISE_RECOVERY_KEY set, the recovery key) that opens a backup. */
async function backupSecret(host: CliHost): Promise<{ passphrase: string } | { recoveryKey: string }> {
  const recoveryKey = process.env.STEPWISE_RECOVERY_KEY;
  if (recoveryKey) return { recoveryKey };
  return { passphrase: await host.passphrase('unlock') };
}

function recoveryNotice(key: string): string {
  return [
    'Your recovery key (shown only now — write it down or print it, and keep it away from this computer):',
    '',
    `    ${key}`,
    '',
    'If you forget your passphrase, this key is the only way to open the vault.',
    '',
  ].join('\n');
}

/** How much history a client has, counted from the tables (deleted practice records aside). */
function counts(core: Core, clientId: string): { sessions: number; reviews: number; practiceRecords: number } {
  const n = (q: ReturnType<typeof sql<{ n: number }>>) => core.read.pluck(q) ?? 0;
  return {
    sessions: n(sql<{ n: number }>`SELECT count(*) AS n FROM session WHERE client_id = ${clientId}`),
    reviews: n(
      sql<{
        n: number;
      }>`SELECT count(*) AS n FROM homework_review r JOIN session s ON s.id = r.session_id WHERE s.client_id = ${clientId}`,
    ),
    practiceRecords: n(
      sql<{ n: number }>`SELECT count(*) AS n FROM practice_record WHERE client_id = ${clientId} AND deleted_at IS NULL`,
    ),
  };
}

export async function runCommand(command: string, flags: Map<string, string | true>, host: CliHost): Promise<number> {
  switch (command) {
    case 'init': {
      const { exists } = await host.calls.vault.status();
      if (exists) throw new CliError(`A Stepwise vault already exists in ${host.core.vaultDir}.`);
      const { recoveryKey } = await host.calls.vault.create({ passphrase: await host.passphrase('new') });
      host.out(`Created a new vault in ${host.core.vaultDir}.\n\n${recoveryNotice(recoveryKey)}`);
      return 0;
    }
    case 'demo': {
      const { exists } = await host.calls.vault.status();
      if (exists) {
        await unlock(host);
      } else {
        const { recoveryKey } = await host.calls.vault.create({ passphrase: await host.passphrase('new') });
        host.out(`Created a new vault in ${host.core.vaultDir}.\n\n${recoveryNotice(recoveryKey)}`);
      }
      const summary = await seedDemo(host.calls, host.core.now());
      const history = summary.created ? await seedDemoHistory(host.calls, host.core, host.core.now()) : null;
      host.out(
        summary.created && history
          ? `Added demo data: ${summary.clients} fictional clients, ${summary.goals} goals, ${summary.assignments} assignments; ` +
              `${history.sessions} sessions, ${history.reviews} reviews, ${history.practiceRecords} practice records, ` +
              `${history.measures} questionnaire results.\n`
          : 'The demo data is already in this vault.\n',
      );
      return 0;
    }
    case 'verify': {
      await unlock(host);
      const v = await host.calls.vault.verify();
      if (!v.healthy)
        throw new CliError(
          `The vault has problems (integrity: ${v.integrity}; format version ${v.schemaVersion}). Restore it from a backup.`,
        );
      host.out(`The vault is healthy (integrity ok, format version ${v.schemaVersion}).\n`);
      return 0;
    }
    case 'info': {
      await unlock(host);
      const info = await host.calls.vault.info();
      const clients = await host.calls.clients.list({ status: 'all' });
      const withAssignments = [];
      for (const c of clients) {
        const assignments = await host.calls.assignments.list({ clientId: c.id });
        withAssignments.push({ ...c, assignments, ...counts(host.core, c.id) });
      }
      if (flags.get('json')) {
        host.out(`${JSON.stringify({ vault: { folder: host.core.vaultDir, ...info }, clients: withAssignments }, null, 2)}\n`);
        return 0;
      }
      host.out(
        `Vault ${host.core.vaultDir}\n  format version ${String(info.schemaVersion)}, ${String(info.cipher)}\n  ${withAssignments.length} clients\n`,
      );
      for (const c of withAssignments) {
        host.out(`\n${c.name}${c.status === 'archived' ? ' (archived)' : ''}  [${c.id}]\n`);
        for (const a of c.assignments)
          host.out(`  - ${a.title} v${a.worksheetVersion} — ${a.state}${a.dueDate ? `, due ${a.dueDate}` : ''}  [${a.id}]\n`);
        host.out(`  ${c.sessions} sessions, ${c.reviews} reviews, ${c.practiceRecords} practice records\n`);
      }
      return 0;
    }
    case 'export': {
      const client = flags.get('client');
      const all = flags.get('all') === true;
      const format = flags.get('format');
      const out = flags.get('out');
      if ((typeof client === 'string') === all) {
        throw new CliError('Please choose what to export: --client ID (see “info --json”) or --all.', 2);
      }
      if (format !== 'json' && format !== 'csv')
        throw new CliError('Please choose the format: --format json or --format csv.', 2);
      if (typeof out !== 'string') {
        throw new CliError(`Please name where to write with --out ${format === 'json' ? 'FILE' : 'FOLDER'}.`, 2);
      }
      await unlock(host);
      const built = await host.calls.export.build({
        ...(typeof client === 'string' ? { clientId: client } : {}),
        format,
        ...(process.env.npm_package_version ? { appVersion: process.env.npm_package_version } : {}),
      });
      const target = path.resolve(out);
      try {
        await writeExportFiles(target, built.files, format);
      } catch (e) {
        if (e instanceof Error && e.name === 'AppError') throw e;
        throw new CliError(`The export could not be written to ${target}. Check that the folder exists and can be written to.`);
      }
      await host.calls.audit.record({
        action: 'exported',
        entity: typeof client === 'string' ? 'client' : 'vault',
        entityId: typeof client === 'string' ? client : null,
        detail: `${format}, ${built.files.length} file${built.files.length === 1 ? '' : 's'}`,
      });
      host.out(
        format === 'json'
          ? `Wrote ${target}. It is not encrypted: keep it safe, and delete it when you no longer need it.\n`
          : `Wrote ${built.files.length} CSV files to the new folder ${target}. They are not encrypted: keep them safe, and delete them when you no longer need them.\n`,
      );
      return 0;
    }
    case 'import-clients': {
      const file = flags.get('csv');
      if (typeof file !== 'string') throw new CliError('Please name the CSV file with --csv FILE.', 2);
      let csv: string;
      try {
        csv = readFileSync(path.resolve(file), 'utf8');
      } catch {
        throw new CliError(`The file ${path.resolve(file)} could not be read.`);
      }
      await unlock(host);
      const preview = await host.calls.clientImport.preview({ csv });
      host.out(`Columns: ${preview.columns.join('; ')}\n${preview.dateFormats}\n\n`);
      for (const r of preview.rows) {
        const note = r.problem
          ? `not imported: ${r.problem}`
          : r.duplicateOf
            ? `possible duplicate of ${r.duplicateOf.id ? 'a client already in the vault' : `row ${r.duplicateOf.line}`}; imported anyway`
            : 'ok';
        host.out(`  row ${r.line}: ${r.name || '(no name)'}${r.dateOfBirth ? `, born ${r.dateOfBirth}` : ''} — ${note}\n`);
      }
      const good = preview.rows.filter((r) => !r.problem);
      const bad = preview.rows.length - good.length;
      if (flags.has('dry-run') || good.length === 0) {
        host.out(
          `\n${good.length} of ${preview.rows.length} rows can be imported${bad ? `, ${bad} cannot` : ''}. ${flags.has('dry-run') ? 'Dry run: nothing was saved.' : 'Nothing was saved.'}\n`,
        );
        return good.length === 0 ? 1 : 0;
      }
      const { created } = await host.calls.clientImport.save({ csv, lines: good.map((r) => r.line) });
      host.out(
        `\nImported ${created.length} client${created.length === 1 ? '' : 's'}${bad ? `; ${bad} row${bad === 1 ? '' : 's'} could not be imported` : ''}.\n`,
      );
      return 0;
    }
    case 'print':
    case 'packet': {
      const idFlag = command === 'print' ? 'assignment' : 'client';
      const id = flags.get(idFlag);
      const out = flags.get('out');
      if (typeof id !== 'string') throw new CliError(`Please name the ${idFlag} with --${idFlag} ID (see “info --json”).`, 2);
      if (typeof out !== 'string') throw new CliError('Please name the PDF to write with --out FILE.', 2);
      const paperFlag = flags.get('paper') ?? 'a4';
      if (paperFlag !== 'a4' && paperFlag !== 'letter') throw new CliError('The paper size is a4 or letter.', 2);
      const paper = paperFlag === 'letter' ? 'letter' : 'a4';
      const options: PrintOptionsInput = {
        paper,
        largePrint: flags.has('large-print'),
        nameOnWorksheets: flags.has('initials') ? 'initials' : 'full',
      };
      await unlock(host);
      const pdf =
        command === 'print'
          ? await host.calls.print.assignment({ assignmentId: id, fillable: flags.has('fillable'), options })
          : await host.calls.print.packet({ clientId: id, options });
      const file = path.resolve(out);
      const tmp = `${file}.part`;
      try {
        writeFileSync(tmp, pdf.bytes, { mode: 0o600 });
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
        throw new CliError(`The PDF could not be written to ${file}. Check that the folder exists and can be written to.`);
      }
      const detail = `pdf, ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${paper}${options.largePrint ? ', large print' : ''}${flags.has('fillable') ? ', fillable' : ''}`;
      await host.calls.audit.record({
        action: 'exported',
        entity: command === 'print' ? 'assignment' : 'packet',
        entityId: id,
        detail,
      });
      host.out(`Wrote ${file} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}).\n`);
      return 0;
    }
    // issue 9: the progress report
    case 'report': {
      const id = flags.get('client');
      const out = flags.get('out');
      if (typeof id !== 'string') throw new CliError('Please name the client with --client ID (see “info --json”).', 2);
      if (typeof out !== 'string') throw new CliError('Please name the PDF to write with --out FILE.', 2);
      const paper = flags.get('paper') ?? 'a4';
      if (paper !== 'a4' && paper !== 'letter') throw new CliError('The paper size is a4 or letter.', 2);
      const audience = flags.get('audience') ?? 'clinician';
      if (audience !== 'clinician' && audience !== 'client') throw new CliError('The audience is clinician or client.', 2);
      const dateFlag = (name: 'from' | 'to') => {
        const v = flags.get(name);
        if (v === undefined) return null;
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
          throw new CliError(`Please give --${name} as a date, YYYY-MM-DD.`, 2);
        return v;
      };
      const from = dateFlag('from');
      const to = dateFlag('to');
      await unlock(host);
      const pdf = await host.calls.reports.progress({
        clientId: id,
        from,
        to,
        audience,
        options: { paper, largePrint: false, nameOnWorksheets: flags.has('initials') ? 'initials' : 'full' },
      });
      const file = path.resolve(out);
      const tmp = `${file}.part`;
      try {
        writeFileSync(tmp, pdf.bytes, { mode: 0o600 });
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
        throw new CliError(`The PDF could not be written to ${file}. Check that the folder exists and can be written to.`);
      }
      await host.calls.audit.record({
        action: 'exported',
        entity: 'report',
        entityId: id,
        detail: `pdf, ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${paper}, ${audience} report${from || to ? ', date range' : ''}`,
      });
      host.out(`Wrote ${file} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}).\n`);
      return 0;
    }
    case 'import': {
      const file = flags.get('pdf');
      if (typeof file !== 'string') throw new CliError('Please name the filled PDF with --pdf FILE.', 2);
      const date = flags.get('date');
      if (date !== undefined && typeof date !== 'string') throw new CliError('Please give the day like --date 2026-03-14.', 2);
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(readFileSync(path.resolve(file)));
      } catch {
        throw new CliError(`The file ${path.resolve(file)} could not be read. Check the name and that it exists.`);
      }
      await unlock(host);
      const input = { bytes, ...(date ? { practicedOn: date } : {}) };
      const preview = await host.calls.imports.previewPdf(input);
      host.out(`${preview.title} — ${preview.clientName}  [assignment ${preview.assignmentId}]\n`);
      for (const r of preview.records) {
        host.out(`\n  ${r.practicedOn}\n`);
        for (const f of r.fields) host.out(`    ${f.label}: ${f.value.replace(/\n/g, ' / ')}\n`);
      }
      const n = preview.records.length;
      const records = `${n} practice record${n === 1 ? '' : 's'}`;
      if (preview.empty) {
        host.out('\nNothing was filled in on this worksheet, so there is nothing to save.\n');
        return 0;
      }
      if (preview.alreadyImported) {
        throw new CliError('This file was imported before, so its answers are already saved. Nothing was saved again.');
      }
      if (flags.has('dry-run')) {
        host.out(`\nWould save ${records}. Nothing was saved (--dry-run).\n`);
        return 0;
      }
      const saved = await host.calls.imports.savePdf(input);
      host.out(`\nSaved ${saved.records.length} practice record${saved.records.length === 1 ? '' : 's'}.\n`);
      return 0;
    }
    case 'backup': {
      const out = flags.get('out');
      if (typeof out !== 'string') throw new CliError('Please name the backup file to write with --out FILE.', 2);
      const file = path.resolve(out);
      if (existsSync(file)) throw new CliError(`${file} already exists; a backup never writes over a file. Choose a new name.`);
      await unlock(host);
      const made = await host.calls.backup.create({ folder: path.dirname(file), kind: 'manual' });
      try {
        // The backup was written under its own new name in the same folder; give it the one asked for
        // (a hard link refuses an existing name, so nothing is ever replaced).
        linkSync(made.file, file);
        unlinkSync(made.file);
      } catch {
        throw new CliError(`The backup was written as ${made.file}, but could not be renamed to ${file}.`);
      }
      host.out(`Wrote an encrypted backup to ${file} (${Math.ceil(made.bytes / 1024)} KB). It was checked after writing.\n`);
      return 0;
    }
    case 'restore': {
      const backup = flags.get('backup');
      if (typeof backup !== 'string') throw new CliError('Please name the backup file with --backup FILE.', 2);
      const secret = await backupSecret(host);
      const r = await host.calls.backup.restore({
        file: path.resolve(backup),
        secret,
        target: { kind: 'new', vaultDir: host.core.vaultDir },
      });
      host.out(`Restored the backup of ${r.createdAt} into ${r.vaultDir}; it opened and passed its check.\n`);
      return 0;
    }
    case 'check-backup': {
      const backup = flags.get('backup');
      if (typeof backup !== 'string') throw new CliError('Please name the backup file with --backup FILE.', 2);
      const secret = await backupSecret(host);
      const c = await host.calls.backup.check({ file: path.resolve(backup), secret });
      const rows = Object.entries(c.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      if (!c.healthy) throw new CliError(`The backup of ${c.createdAt} has problems (${c.integrity}).`);
      host.out(`The backup of ${c.createdAt} is good (integrity ok, format version ${c.schemaVersion}; ${rows}).\n`);
      return 0;
    }
    case 'delete-client': {
      const id = flags.get('client');
      if (typeof id !== 'string') throw new CliError('Please name the client with --client ID (see “info --json”).', 2);
      await unlock(host);
      const client = await host.calls.clients.get({ id });
      if (flags.get('yes') !== true) {
        host.out(
          `This would delete ${client.name} and all of their goals, assignments, sessions, reviews and practice records for good.\n` +
            'Nothing was deleted. Run the command again with --yes to delete.\n',
        );
        return 2;
      }
      const r = await host.calls.clients.delete({ id });
      host.out(
        `Deleted ${client.name} and all of their records for good.${r.tracesOverwritten ? '' : ' The vault was busy: the deleted content is overwritten on disk when it is next locked.'}\n` +
          'Backups made before now still contain them; delete those backups too if the records must be gone everywhere.\n',
      );
      return 0;
    }
    default:
      throw new CliError(`Unknown command “${command}”. Run “npm run cli -- help” for the commands.`, 2);
  }
}
