import { useState, type FormEvent } from 'react';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { FormError, TextField } from '../../components/Field';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';

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
  const next = useNewPassphrase('next');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!recoveryKey && !current) errs['current.passphrase'] = 'Please enter your current passphrase.';
    Object.assign(errs, next.problems());
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await unwrap(
        api().vault.changePassphrase({ current: recoveryKey ? { recoveryKey } : { passphrase: current }, next: next.value }),
      );
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
      <NewPassphraseFields
        passphrase={next}
        errors={errors}
        label="New passphrase"
        repeatLabel="Type the new passphrase again"
        strengthId="new-strength"
        autoFocus={!!recoveryKey}
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
