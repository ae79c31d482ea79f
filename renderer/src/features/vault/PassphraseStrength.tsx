import { passphraseStrength } from '../../../../shared/passphrase';
import './vault.css';

export function PassphraseStrength({ value, id }: { value: string; id: string }) {
  const s = passphraseStrength(value);
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
