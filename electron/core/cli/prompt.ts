import { createInterface } from 'node:readline';
import { CliError } from './commands';

/** The passphrase from STEPWISE_PASSPHRASE, or typed at a prompt without echo. */
export async function readPassphrase(purpose: 'unlock' | 'new'): Promise<string> {
  const env = process.env.STEPWISE_PASSPHRASE;
  if (env) return env;
  if (!process.stdin.isTTY) {
    throw new CliError('No passphrase: set STEPWISE_PASSPHRASE, or run this command in a terminal to be asked for it.', 2);
  }
  const first = await ask(purpose === 'new' ? 'Choose a passphrase for the new vault: ' : 'Passphrase: ');
  if (purpose === 'new') {
    const again = await ask('Type it again: ');
    if (again !== first) throw new CliError('The two passphrases are not the same. Nothing was created.', 2);
  }
  return first;
}

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    let muted = false;
    out._writeToOutput = (s: string) => {
      if (!muted) out.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
