import { PASSPHRASE_MIN_LENGTH } from '../../../../shared/contract/vault';
import { useStrength } from './strength';
import './vault.css';

/**
 * How hard the passphrase is to guess, as you type: a four-step bar, a word, and a plain
 * explanation of what the estimate found (a common password, a name, a keyboard pattern …),
 * how long a thief with the vault would need, and what to do. Weaker than "Good" is refused.
 */
export function PassphraseStrength({ value, id }: { value: string; id: string }) {
  const strength = useStrength();
  const s = strength
    ? strength.passphraseStrength(value)
    : value.length < PASSPHRASE_MIN_LENGTH
      ? {
          score: 0 as const,
          label: value ? 'Too short' : 'Empty',
          hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters — a few unrelated words work well.`,
        }
      : { score: 0 as const, label: 'Checking', hint: 'Checking how hard it is to guess…' };
  return (
    <div className="strength" id={id} aria-live="polite">
      <div className={`strength-bar strength-${s.score}`} aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= s.score ? 'on' : ''} />
        ))}
      </div>
      <p>
        <strong>{s.label}.</strong> {s.hint}
      </p>
    </div>
  );
}
