import { useEffect, useState } from 'react';

/**
 * The passphrase-strength estimate (shared/passphrase.ts, zxcvbn-ts) with its word lists is a few
 * MB: it is loaded on its own, the first time a screen asks for a new passphrase, and not as part
 * of the app's main bundle.
 */
export type StrengthModule = typeof import('../../../../shared/passphrase');

let loaded: StrengthModule | null = null;
let loading: Promise<StrengthModule> | null = null;

export function loadStrength(): Promise<StrengthModule> {
  loading ??= import('../../../../shared/passphrase').then((m) => (loaded = m));
  return loading;
}

/** The estimate once it has loaded (null until then); starts loading on first use. */
export function useStrength(): StrengthModule | null {
  const [mod, setMod] = useState<StrengthModule | null>(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void loadStrength().then((m) => {
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
