import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';
import { PASSPHRASE_MIN_LENGTH } from './contract/vault';

/**
 * How hard a passphrase is to guess, estimated by zxcvbn (Dropbox's estimator, as zxcvbn-ts):
 * it looks for what attackers try first — common passwords, dictionary words and names, keyboard
 * patterns, dates, repeats, sequences, l33t spellings — and counts the guesses left. Scores:
 * 0 (< 10^3 guesses) … 2 (< 10^8), 3 (< 10^10), 4 (more).
 *
 * The word lists are large (a few MB): the renderer loads this module lazily, and the core
 * imports it on the first create or passphrase change.
 */

/** The weakest passphrase Stepwise accepts: zxcvbn's 3, "safely unguessable" (10^8 guesses or more). */
export const PASSPHRASE_MIN_SCORE = 3;

/** Words an attacker of a Stepwise vault would try first. */
const APP_WORDS = [
  'stepwise',
  'vault',
  'therapy',
  'therapist',
  'psychotherapy',
  'client',
  'clients',
  'homework',
  'worksheet',
  'session',
];

/** Longer passphrases are judged by their first 128 characters (the estimate is slow beyond). */
const MAX_CHECKED = 128;

let estimator: ZxcvbnFactory | undefined;
function estimate(p: string): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonWords, ...englishWords },
  });
  return estimator.check(p.slice(0, MAX_CHECKED), APP_WORDS);
}

export interface StrengthHint {
  /** 0 (too weak) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  /** What the estimate found, in plain words, and what to do about it. */
  hint: string;
  /** Strong enough for Stepwise to accept. */
  acceptable: boolean;
}

const LABELS = ['Very easy to guess', 'Very easy to guess', 'Easy to guess', 'Good', 'Strong'] as const;

function sentence(s: string): string {
  const t = s.trim();
  return t && !/[.!?]$/.test(t) ? `${t}.` : t;
}

/** A strength estimate with a plain explanation, for the screens and the command line. */
export function passphraseStrength(p: string): StrengthHint {
  if (p.length === 0)
    return {
      score: 0,
      label: 'Empty',
      hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters — a few unrelated words work well.`,
      acceptable: false,
    };
  if (p.length < PASSPHRASE_MIN_LENGTH)
    return {
      score: 0,
      label: 'Too short',
      hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters (${PASSPHRASE_MIN_LENGTH - p.length} more).`,
      acceptable: false,
    };
  const r = estimate(p);
  const score = r.score as StrengthHint['score'];
  const time = r.crackTimes.offlineSlowHashingXPerSecond.display;
  const acceptable = score >= PASSPHRASE_MIN_SCORE;
  const parts: string[] = [];
  if (r.feedback.warning) parts.push(sentence(r.feedback.warning));
  parts.push(`Someone with a copy of your vault, guessing quickly, would need ${time} to find it.`);
  if (!acceptable) {
    parts.push(
      r.feedback.suggestions[0] ? sentence(r.feedback.suggestions[0]) : 'Add another word or two that do not belong together.',
    );
  } else {
    parts.push('Make sure you can remember it.');
  }
  return { score, label: LABELS[score], hint: parts.join(' '), acceptable };
}

/** Why a new passphrase is refused, or null when it may be used. */
export function passphraseProblem(p: string): string | null {
  if (p.length < PASSPHRASE_MIN_LENGTH) return `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`;
  const s = passphraseStrength(p);
  if (s.acceptable) return null;
  return `That passphrase is too easy to guess. ${s.hint}`;
}
