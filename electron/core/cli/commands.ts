import type { Dispatch } from '../api';
import type { Core } from '../core';
import { writeFileSync, renameSync, rmSync } from 'node:fs';
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

The passphrase comes from the STEPWISE_PASSPHRASE environment variable, or is asked for.
`;

export interface CliHost {
  dispatch: Dispatch;
  core: Core;
  out: (s: string) => void;
  passphrase: (purpose: 'unlock' | 'new') => Promise<string>;
}

/** Calls a channel; a failure becomes one clear line (the message written for the clinician). */
async function call<T>(host: CliHost, channel: string, input?: unknown): Promise<T> {
  const r = await host.dispatch(channel, input);
  if (!r.ok) throw new CliError(r.error.message);
  return r.value as T;
}

async function unlock(host: CliHost): Promise<void> {
  const status = await call<{ exists: boolean }>(host, 'vault.status');
  if (!status.exists) throw new CliError(`There is no Stepwise vault in ${host.core.vaultDir}. Create one with “init”.`);
  await call(host, 'vault.unlock', { passphrase: await host.passphrase('unlock') });
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

interface ClientRow {
  id: string;
  name: string;
  status: string;
}
interface AssignmentRow {
  id: string;
  title: string;
  state: string;
  dueDate: string | null;
  worksheetVersion: number;
}

export async function runCommand(command: string, flags: Map<string, string | true>, host: CliHost): Promise<number> {
  switch (command) {
    case 'init': {
      const { exists } = await call<{ exists: boolean }>(host, 'vault.status');
      if (exists) throw new CliError(`A Stepwise vault already exists in ${host.core.vaultDir}.`);
      const { recoveryKey } = await call<{ recoveryKey: string }>(host, 'vault.create', {
        passphrase: await host.passphrase('new'),
      });
      host.out(`Created a new vault in ${host.core.vaultDir}.\n\n${recoveryNotice(recoveryKey)}`);
      return 0;
    }
    case 'demo': {
      const { exists } = await call<{ exists: boolean }>(host, 'vault.status');
      if (exists) {
        await unlock(host);
      } else {
        const { recoveryKey } = await call<{ recoveryKey: string }>(host, 'vault.create', {
          passphrase: await host.passphrase('new'),
        });
        host.out(`Created a new vault in ${host.core.vaultDir}.\n\n${recoveryNotice(recoveryKey)}`);
      }
      const summary = await seedDemo(host.dispatch, host.core.now());
      host.out(
        summary.created
          ? `Added demo data: ${summary.clients} fictional clients, ${summary.goals} goals, ${summary.assignments} assignments.\n`
          : 'The demo data is already in this vault.\n',
      );
      return 0;
    }
    case 'verify': {
      await unlock(host);
      const v = await call<{ healthy: boolean; integrity: string; schemaVersion: number }>(host, 'vault.verify');
      if (!v.healthy)
        throw new CliError(
          `The vault has problems (integrity: ${v.integrity}; format version ${v.schemaVersion}). Restore it from a backup.`,
        );
      host.out(`The vault is healthy (integrity ok, format version ${v.schemaVersion}).\n`);
      return 0;
    }
    case 'info': {
      await unlock(host);
      const info = await call<Record<string, unknown>>(host, 'vault.info');
      const clients = await call<ClientRow[]>(host, 'clients.list', { status: 'all' });
      const withAssignments = [];
      for (const c of clients) {
        const assignments = await call<AssignmentRow[]>(host, 'assignments.list', { clientId: c.id });
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
      const paper = flags.get('paper') ?? 'a4';
      if (paper !== 'a4' && paper !== 'letter') throw new CliError('The paper size is a4 or letter.', 2);
      const options = {
        paper,
        largePrint: flags.has('large-print'),
        nameOnWorksheets: flags.has('initials') ? 'initials' : 'full',
      };
      await unlock(host);
      const pdf =
        command === 'print'
          ? await call<{ bytes: Uint8Array; pages: number }>(host, 'print.assignment', {
              assignmentId: id,
              fillable: flags.has('fillable'),
              options,
            })
          : await call<{ bytes: Uint8Array; pages: number }>(host, 'print.packet', { clientId: id, options });
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
      await call(host, 'audit.record', {
        action: 'exported',
        entity: command === 'print' ? 'assignment' : 'packet',
        entityId: id,
        detail,
      });
      host.out(`Wrote ${file} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}).\n`);
      return 0;
    }
    default:
      throw new CliError(`Unknown command “${command}”. Run “npm run cli -- help” for the commands.`, 2);
  }
}
