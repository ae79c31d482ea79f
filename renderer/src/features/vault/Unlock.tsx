import { useState, type FormEvent } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import { FormError, TextField } from '../../components/Field';
import './vault.css';

/** Opens the vault with the passphrase, or with the recovery key (then asks for a new passphrase). */
export function Unlock({ onUnlocked }: { onUnlocked: (via: 'passphrase' | 'recovery', secret?: string) => void }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) {
      setError(mode === 'passphrase' ? 'Please enter your passphrase.' : 'Please enter your recovery key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(api().vault.unlock(mode === 'passphrase' ? { passphrase: value } : { recoveryKey: value }));
      const secret = value;
      setValue('');
      onUnlocked(mode, mode === 'recovery' ? secret : undefined);
    } catch (err) {
      setError(errorMessage(err));
      setValue('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit} noValidate aria-labelledby="unlock-title">
        <h1 id="unlock-title">Stepwise is locked</h1>
        <p className="lead">
          {mode === 'passphrase'
            ? 'Enter your passphrase to open your vault.'
            : 'Enter the recovery key you wrote down when you created the vault. You will then choose a new passphrase.'}
        </p>
        <FormError message={error} />
        {mode === 'passphrase' ? (
          <TextField
            key="passphrase"
            label="Passphrase"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        ) : (
          <TextField
            key="recovery"
            label="Recovery key"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            hint="Eight groups of four letters and digits. Dashes and spaces do not matter."
          />
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
              setValue('');
              setError(null);
            }}
          >
            {mode === 'passphrase' ? 'I forgot my passphrase' : 'Use my passphrase instead'}
          </button>
        </div>
      </form>
    </main>
  );
}
