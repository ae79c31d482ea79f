import { useState } from 'react';
import { PASSPHRASE_MIN_LENGTH } from '../../../../shared/contract/vault';
import { TextField } from '../../components/Field';
import { PassphraseStrength } from './PassphraseStrength';
import { useStrength } from './strength';

/**
 * A new passphrase, typed twice. `field` is the key its own errors go under: the name of the
 * API's input field, so that an error from the core lands on the same box. The second box's
 * errors go under 'repeat'.
 */
export function useNewPassphrase(field: string) {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const strength = useStrength();
  return {
    field,
    value,
    setValue,
    repeat,
    setRepeat,
    /** What is wrong with the two boxes, by field; empty when the passphrase can be used. */
    problems(): Record<string, string> {
      const errs: Record<string, string> = {};
      if (value.length < PASSPHRASE_MIN_LENGTH) errs[field] = `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`;
      // The same minimum the vault applies (until the estimate has loaded, the vault's answer decides).
      else if (strength && !strength.passphraseStrength(value).acceptable)
        errs[field] = 'That passphrase is too easy to guess. Add another word or two that do not belong together.';
      if (repeat !== value) errs.repeat = 'The two passphrases are not the same. Please type it again.';
      return errs;
    },
    clear() {
      setValue('');
      setRepeat('');
    },
  };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;

/** The two boxes of a new passphrase, the first with its strength under it. */
export function NewPassphraseFields({
  passphrase,
  errors,
  label,
  repeatLabel,
  strengthId,
  autoFocus,
}: {
  passphrase: NewPassphrase;
  errors: Record<string, string>;
  label: string;
  repeatLabel: string;
  strengthId: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        value={passphrase.value}
        onChange={(e) => passphrase.setValue(e.target.value)}
        error={errors[passphrase.field]}
        hint={<PassphraseStrength value={passphrase.value} id={strengthId} />}
      />
      <TextField
        label={repeatLabel}
        type="password"
        autoComplete="new-password"
        value={passphrase.repeat}
        onChange={(e) => passphrase.setRepeat(e.target.value)}
        error={errors.repeat}
      />
    </>
  );
}
