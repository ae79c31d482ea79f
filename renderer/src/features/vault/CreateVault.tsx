import { useState, type FormEvent } from 'react';
import { PASSPHRASE_MIN_LENGTH } from '../../../../shared/contract/vault';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { FormError, TextField } from '../../components/Field';
import { PassphraseStrength } from './PassphraseStrength';

/** First run: choose a passphrase; the vault is created and the recovery key shown once. */
export function CreateVault({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (passphrase.length < PASSPHRASE_MIN_LENGTH)
      next.passphrase = `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`;
    if (repeat !== passphrase) next.repeat = 'The two passphrases are not the same. Please type it again.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const { recoveryKey } = await unwrap(api().vault.create({ passphrase }));
      setPassphrase('');
      setRepeat('');
      onCreated(recoveryKey);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit} noValidate aria-labelledby="create-title">
        <h1 id="create-title">Welcome to Stepwise</h1>
        <p className="lead">
          Stepwise keeps your clients’ homework in an encrypted vault on this computer. Nothing leaves it. Choose a passphrase to
          protect the vault; you will type it each time you open Stepwise.
        </p>
        <FormError message={formError} />
        <TextField
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={errors.passphrase}
          hint={<PassphraseStrength value={passphrase} id="strength" />}
        />
        <TextField
          label="Type the passphrase again"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={errors.repeat}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating the vault…' : 'Create the vault'}
          </button>
        </div>
      </form>
    </main>
  );
}
