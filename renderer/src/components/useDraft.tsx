import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';

/** How long after the last keystroke a form's unsaved contents are kept in the vault. */
const SAVE_AFTER_MS = 800;

/** Saves not yet made (typed less than SAVE_AFTER_MS ago), made at once by `flushDrafts`. */
const pending = new Set<() => Promise<unknown>>();

/** Saves every form's latest keystrokes now: called before Stepwise locks by hand. */
export async function flushDrafts(): Promise<void> {
  const all = [...pending];
  pending.clear();
  await Promise.all(all.map((save) => save().catch(() => undefined)));
}

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
    const save = () => {
      pending.delete(save);
      return api().drafts.save({ formKey, data: JSON.stringify(values) });
    };
    pending.add(save);
    const t = window.setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => {
      window.clearTimeout(t);
      pending.delete(save);
    };
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

/**
 * The form keys of kept drafts that start with `prefix`, read once when the screen opens (null
 * until known). A screen whose form is opened by a button (a goal, a practice record) uses it to
 * open that form again after a lock, so that the form can offer its kept contents back.
 */
export function useKeptDrafts(prefix: string): string[] | null {
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void unwrap(api().drafts.list())
      .then((all) => {
        if (live) setKeys(all.map((d) => d.formKey).filter((k) => k.startsWith(prefix)));
      })
      .catch(() => live && setKeys([]));
    return () => {
      live = false;
    };
  }, [prefix]);
  return keys;
}
