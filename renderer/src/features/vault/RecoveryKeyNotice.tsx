import { useEffect, useRef, useState } from 'react';
import './vault.css';

/** Shown once, right after the vault is created. The key is never shown again. */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="gate">
      <section className="card gate-card recovery" aria-labelledby="recovery-title">
        <h1 id="recovery-title" tabIndex={-1} ref={heading}>
          Your recovery key
        </h1>
        <p className="lead">
          If you ever forget your passphrase, this key is the only way to open your vault. Write it down or print it, and keep it
          somewhere safe — away from this computer. Stepwise shows it only now.
        </p>
        <p className="recovery-key" aria-label={`Recovery key: ${recoveryKey.split('').join(' ')}`} data-testid="recovery-key">
          {recoveryKey.split('-').map((group, i, all) => (
            <span key={i}>
              {group}
              {i < all.length - 1 ? '-' : ''}
            </span>
          ))}
        </p>
        <div className="actions">
          <button type="button" onClick={() => window.print()}>
            Print this page
          </button>
        </div>
        <div className="check">
          <input id="recovery-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          <label htmlFor="recovery-saved">I have written down or printed my recovery key and stored it safely.</label>
        </div>
        <div className="actions">
          <button type="button" className="primary" disabled={!saved} onClick={onDone}>
            Continue to Stepwise
          </button>
        </div>
      </section>
    </main>
  );
}
