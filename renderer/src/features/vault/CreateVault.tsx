import { useState, type FormEvent } from 'react';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { FormError } from '../../components/Field';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
import './vault.css';

/** First run: choose a passphrase; the vault is created and the recovery key shown once. */
export function CreateVault({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const passphrase = useNewPassphrase('passphrase');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = passphrase.problems();
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const { recoveryKey } = await unwrap(api().vault.create({ passphrase: passphrase.value }));
      passphrase.clear();
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
        <NewPassphraseFields
          passphrase={passphrase}
          errors={errors}
          label="Passphrase"
          repeatLabel="Type the passphrase again"
          strengthId="strength"
          autoFocus
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
