import type { DoOf, PrintOptionsInput, WorkerContract } from '../../../shared/contract';
import type { Core } from '../core';
import { existsSync, linkSync, writeFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../demo';

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
  backup  --vault DIR --out FILE  Write an encrypted backup of the vault (opens with its passphrase or recovery key).
  restore --backup FILE --vault NEWDIR
                                 Restore a backup into a new, empty folder, then open and check it there.
  check-backup --backup FILE     Open a backup (in memory and an encrypted temporary copy) and check it.

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
      host.out(
        summary.created
          ? `Added demo data: ${summary.clients} fictional clients, ${summary.goals} goals, ${summary.assignments} assignments.\n`
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
        withAssignments.push({ ...c, assignments });
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
      }
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
    default:
      throw new CliError(`Unknown command “${command}”. Run “npm run cli -- help” for the commands.`, 2);
  }
}
