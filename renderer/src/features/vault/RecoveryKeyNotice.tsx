import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import './vault.css';

/** The key's groups, four to a row: "AAAA-BBBB-CCCC-DDDD", "EEEE-…". */
function rows(key: string): string[] {
  const groups = key.split('-');
  const out: string[] = [];
  for (let i = 0; i < groups.length; i += 4) out.push(groups.slice(i, i + 4).join('-'));
  return out;
}

/**
 * Shown once, right after the vault is created (a screen of its own) or after new keys were made
 * in Settings (`inline`, inside the page). The key is never shown again.
 */
export function RecoveryKeyNotice({
  recoveryKey,
  onDone,
  inline = false,
  title = 'Your recovery key',
  lead = 'If you ever forget your passphrase, this key is the only way to open your vault. Write it down, print it or save it as a file, and keep it somewhere safe — away from this computer. Stepwise shows it only now.',
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
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  async function saveFile() {
    setFileNote(null);
    try {
      const r = await unwrap(api().output.saveRecoveryKey({ recoveryKey }));
      if (r.saved)
        setFileNote({
          ok: true,
          text: `Saved as ${r.fileName}. Move it off this computer (a USB stick in a locked drawer, or print it), then delete it here.`,
        });
    } catch (e) {
      setFileNote({ ok: false, text: errorMessage(e) });
    }
  }
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const card = (
    <section className={`card recovery${inline ? '' : ' gate-card'}`} aria-labelledby="recovery-title">
      <h1 id="recovery-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p className="lead">{lead}</p>
      {/* Rows of four groups that never break inside: no group is split or left hanging at a line's end. */}
      <p className="recovery-key" aria-label={`Recovery key: ${recoveryKey.split('').join(' ')}`} data-testid="recovery-key">
        {rows(recoveryKey).map((row, i, all) => (
          <span key={i} className="key-row">
            {row}
            {i < all.length - 1 ? '-' : ''}
          </span>
        ))}
      </p>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          Print this page
        </button>
        <button type="button" onClick={() => void saveFile()}>
          Save as a file…
        </button>
      </div>
      {fileNote ? <p role={fileNote.ok ? 'status' : 'alert'}>{fileNote.text}</p> : null}
      <div className="check">
        <input id="recovery-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor="recovery-saved">I have written down, printed or saved my recovery key and stored it safely.</label>
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
