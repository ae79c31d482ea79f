import path from 'node:path';
import { workerContract } from '../shared/contract';
import { createWorkerDispatcher } from './core/api';
import { Core } from './core/core';
import { runCommand, CliError, USAGE } from './core/cli/commands';
import { readPassphrase } from './core/cli/prompt';
import { hostClient } from './host';

/**
 * Stepwise from a terminal: the same core as the app. Exit 0 on success; on failure one clear
 * line on stderr and a non-zero exit, never a stack trace.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const flags = parseFlags(rest);
  const backupFile = flags.get('backup');
  // check-backup needs no vault: the core serves the backup's own folder and never opens a vault there.
  const vault =
    command === 'check-backup' && typeof backupFile === 'string' ? path.dirname(path.resolve(backupFile)) : flags.get('vault');
  if (typeof vault !== 'string' || !vault) throw new CliError('Please name the vault folder with --vault DIR.', 2);
  const core = new Core({ vaultDir: path.resolve(vault) });
  // The CLI is the clinician's own process: it may record exports in the audit trail (internal channel).
  const { do: calls } = hostClient(
    workerContract,
    createWorkerDispatcher(core, () => {}),
  );
  try {
    return await runCommand(command, flags, {
      calls,
      core,
      out: (s) => process.stdout.write(s),
      passphrase: (purpose) => readPassphrase(purpose),
    });
  } finally {
    core.close();
  }
}

function parseFlags(args: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new CliError(`Unexpected argument “${a}”. Run “npm run cli -- help” for the commands.`, 2);
    const eq = a.indexOf('=');
    if (eq > 0) {
      flags.set(a.slice(2, eq), a.slice(eq + 1));
    } else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) {
      flags.set(a.slice(2), args[++i]!);
    } else {
      flags.set(a.slice(2), true);
    }
  }
  return flags;
}

process.on('uncaughtException', () => {
  process.stderr.write('stepwise: something went wrong inside Stepwise; nothing was changed.\n');
  process.exit(1);
});

// The exit code is set, not forced: the process ends once stdout and stderr have drained, so a
// long listing arrives whole through a pipe (process.exit would cut it at the pipe's buffer).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const msg =
      e instanceof Error && (e instanceof CliError || e.name === 'AppError')
        ? e.message
        : 'something went wrong inside Stepwise; nothing was changed.';
    process.stderr.write(`stepwise: ${msg}\n`);
    process.exitCode = e instanceof CliError ? e.exitCode : 1;
  },
);
