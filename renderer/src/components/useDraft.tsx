import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';

/** How long after the last keystroke a form's unsaved contents are kept in the vault. */
const SAVE_AFTER_MS = 800;

/**
 * Keeps a form's unsaved contents in the vault (encrypted, as a draft) while the clinician types,
 * so that when Stepwise locks — by the clinician, the idle timer, the screen lock or sleep — the
 * place is kept; after unlocking, the form offers them back. `discard()` once the form is saved.
 */
export function useDraft<V>(formKey: string, values: V, initial: V, restore: (v: V) => void) {
  const [offer, setOffer] = useState<{ data: V; savedAt: string } | null>(null);
  const asked = useRef(false);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void unwrap(api().drafts.get({ formKey }))
      .then((d) => {
        if (d) setOffer({ data: JSON.parse(d.data) as V, savedAt: d.savedAt });
      })
      .catch(() => undefined);
  }, [formKey]);

  useEffect(() => {
    if (!dirty || offer) return;
    const t = window.setTimeout(() => {
      void api().drafts.save({ formKey, data: JSON.stringify(values) });
    }, SAVE_AFTER_MS);
    return () => window.clearTimeout(t);
  }, [formKey, values, dirty, offer]);

  const discard = () => {
    setOffer(null);
    void api().drafts.discard({ formKey });
  };

  const banner = offer ? (
    <div className="card notice" role="status">
      <p>
        You have unsaved changes to this form from{' '}
        {new Date(offer.savedAt).toLocaleString(undefined, { timeStyle: 'short', dateStyle: 'medium' })}, kept when Stepwise
        locked.
      </p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            restore(offer.data);
            setOffer(null);
          }}
        >
          Restore them
        </button>
        <button type="button" className="secondary" onClick={discard}>
          Discard
        </button>
      </div>
    </div>
  ) : null;

  return { banner, discard };
}
