import { useEffect, useRef, useState, type ReactNode } from 'react';
import './vault.css';

/**
 * Shown once, right after the vault is created (a screen of its own) or after new keys were made
 * in Settings (`inline`, inside the page). The key is never shown again.
 */
export function RecoveryKeyNotice({
  recoveryKey,
  onDone,
  inline = false,
  title = 'Your recovery key',
  lead = 'If you ever forget your passphrase, this key is the only way to open your vault. Write it down or print it, and keep it somewhere safe — away from this computer. Stepwise shows it only now.',
  doneLabel = 'Continue to Stepwise',
}: {
  recoveryKey: string;
  onDone: () => void;
  inline?: boolean;
  title?: string;
  lead?: ReactNode;
  doneLabel?: string;
}) {
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const card = (
    <section className={`card recovery${inline ? '' : ' gate-card'}`} aria-labelledby="recovery-title">
      <h1 id="recovery-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p className="lead">{lead}</p>
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
          {doneLabel}
        </button>
      </div>
    </section>
  );
  return inline ? card : <main className="gate">{card}</main>;
}
