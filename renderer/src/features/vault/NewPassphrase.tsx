import { useState, type FormEvent } from 'react';
import { PASSPHRASE_MIN_LENGTH } from '../../../../shared/contract/vault';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { FormError, TextField } from '../../components/Field';
import { PassphraseStrength } from './PassphraseStrength';

/**
 * Sets a new passphrase. After unlocking with the recovery key, the key proves who you are;
 * otherwise the current passphrase does.
 */
export function NewPassphraseForm({
  recoveryKey,
  onDone,
  onCancel,
}: {
  recoveryKey?: string | undefined;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!recoveryKey && !current) errs['current.passphrase'] = 'Please enter your current passphrase.';
    if (next.length < PASSPHRASE_MIN_LENGTH) errs.next = `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`;
    if (repeat !== next) errs.repeat = 'The two passphrases are not the same. Please type it again.';
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await unwrap(api().vault.changePassphrase({ current: recoveryKey ? { recoveryKey } : { passphrase: current }, next }));
      onDone();
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Change passphrase">
      <FormError message={formError} />
      {recoveryKey ? null : (
        <TextField
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors['current.passphrase']}
        />
      )}
      <TextField
        label="New passphrase"
        type="password"
        autoComplete="new-password"
        autoFocus={!!recoveryKey}
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={errors.next}
        hint={<PassphraseStrength value={next} id="new-strength" />}
      />
      <TextField
        label="Type the new passphrase again"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={errors.repeat}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save the new passphrase'}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
