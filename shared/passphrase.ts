import { PASSPHRASE_MIN_LENGTH } from './contract/vault';

export interface StrengthHint {
  /** 0 (too weak) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

const COMMON = ['password', 'passwort', 'qwerty', '123456', 'letmein', 'welcome', 'stepwise', 'therapy', 'iloveyou', 'admin'];

/**
 * A rough, honest strength hint for a passphrase: length and variety, with penalties for
 * repeats, sequences and common words. It guides; the only hard rule is the minimum length.
 */
export function passphraseStrength(p: string): StrengthHint {
  if (p.length === 0)
    return {
      score: 0,
      label: 'Empty',
      hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters — a few unrelated words work well.`,
    };
  if (p.length < PASSPHRASE_MIN_LENGTH)
    return {
      score: 0,
      label: 'Too short',
      hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters (${PASSPHRASE_MIN_LENGTH - p.length} more).`,
    };
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^A-Za-z0-9]/.test(p)) pool += 33;
  const unique = new Set(p).size;
  let bits = Math.log2(Math.max(pool, 10)) * Math.min(p.length, unique * 2.5);
  const lower = p.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) bits -= 20;
  if (/(.)\1{2,}/.test(p)) bits -= 10;
  if (/(0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef|qwer|asdf)/i.test(p)) bits -= 10;
  const words = p
    .trim()
    .split(/[\s\-_.]+/)
    .filter((w) => w.length >= 3).length;
  if (words >= 4) bits += 10;
  if (bits < 40) return { score: 1, label: 'Weak', hint: 'Easy to guess. Add more words, or words that do not belong together.' };
  if (bits < 60) return { score: 2, label: 'Fair', hint: 'Could be stronger: add another unrelated word.' };
  if (bits < 80) return { score: 3, label: 'Good', hint: 'A good passphrase. Make sure you can remember it.' };
  return { score: 4, label: 'Strong', hint: 'A strong passphrase. Make sure you can remember it.' };
}
