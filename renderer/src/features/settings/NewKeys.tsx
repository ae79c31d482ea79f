import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { queryKeys } from '../../api/keys';
import { FormError, TextField } from '../../components/Field';

/**
 * Rekey: a new database key and a new recovery key, the vault re-encrypted in place. For a lost
 * recovery key, or when a copy of the vault's key file is on a computer that is gone. Asks for
 * the passphrase once; the new recovery key is then shown by the page (`onDone`).
 */
export function NewKeys({ onDone }: { onDone: (recoveryKey: string) => void }) {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!passphrase) {
      setErrors({ passphrase: 'Please enter your passphrase.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { recoveryKey } = await unwrap(api().vault.rekey({ passphrase }));
      setPassphrase('');
      setAsking(false);
      void qc.invalidateQueries({ queryKey: queryKeys.vault.info() });
      onDone(recoveryKey);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card stack">
      <h2>Recovery key</h2>
      <p>
        Lost your recovery key, or left a copy of this vault on a computer you no longer have? Make new keys: Stepwise re-encrypts
        the vault and gives you a new recovery key. The old recovery key, and every old copy of the vault’s key file, stop
        working. Your passphrase stays the same.
      </p>
      {asking ? (
        <form onSubmit={submit} noValidate className="stack" aria-label="Make a new recovery key">
          <FormError message={formError} />
          <TextField
            label="Your passphrase, to confirm"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={errors.passphrase}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Re-encrypting the vault…' : 'Make new keys'}
            </button>
            <button
              type="button"
              onClick={() => {
                setAsking(false);
                setPassphrase('');
                setErrors({});
                setFormError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setAsking(true)}>
            Make a new recovery key
          </button>
        </div>
      )}
    </div>
  );
}
