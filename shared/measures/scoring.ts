/**
 * Scoring of one administration: total, band, completeness, PHQ-9 item 9.
 *
 * Rules (issue 9): a result with any scored item missing is incomplete and has no total (it is
 * never prorated); unscored items (PHQ-9's difficulty question) may be blank. PHQ-9 item 9 above 0
 * is flagged to the clinician, even on an incomplete result.
 */
import { IDIOGRAPHIC, MEASURES, PHQ9_ITEM9_NUMBER } from './definitions';
import type { MeasureDefinition, MeasureKey, MeasureScore, SeverityBand, StandardMeasureKey } from './types';

export type Answers = readonly (number | null)[];

/** The band a total falls in (edges inclusive), or null when the measure has no bands. */
export function bandFor(def: MeasureDefinition, total: number): SeverityBand | null {
  return def.bands.find((b) => total >= b.min && total <= b.max) ?? null;
}

/** At or above the caseness cut-off; null when the measure has none. */
export function isCase(key: StandardMeasureKey, total: number): boolean | null {
  const cut = MEASURES[key].caseness;
  return cut === null ? null : total >= cut;
}

/**
 * Checks answers against the definition; returns a message in the clinician's words, or null when
 * they fit. Blank answers (null) are allowed here: they make a result incomplete, not invalid.
 * For the idiographic measure pass `problemCount` (1..3).
 */
export function answersProblem(key: MeasureKey, answers: Answers, problemCount?: number): string | null {
  if (key === 'idiographic') {
    const n = problemCount ?? answers.length;
    if (n < 1) return 'Please add at least one problem to rate.';
    if (n > IDIOGRAPHIC.maxProblems) return `At most ${IDIOGRAPHIC.maxProblems} problems can be rated.`;
    if (answers.length !== n) return 'Each problem needs its own rating (or a blank).';
    for (const [i, a] of answers.entries()) {
      if (a === null) continue;
      if (!Number.isInteger(a) || a < IDIOGRAPHIC.minRating || a > IDIOGRAPHIC.maxRating) {
        return `The rating for problem ${i + 1} must be a whole number from ${IDIOGRAPHIC.minRating} to ${IDIOGRAPHIC.maxRating}.`;
      }
    }
    return null;
  }
  const def = MEASURES[key];
  if (answers.length !== def.items.length) {
    return `The ${def.name} has ${def.items.length} questions; ${answers.length} answers were given.`;
  }
  for (const [i, a] of answers.entries()) {
    if (a === null) continue;
    const item = def.items[i]!;
    if (!item.options.some((o) => o.score === a)) {
      const lo = item.options[0]!.score;
      const hi = item.options[item.options.length - 1]!.score;
      return `Question ${item.number} of the ${def.name} takes an answer from ${lo} to ${hi}.`;
    }
  }
  return null;
}

/**
 * Scores one administration. Assumes `answersProblem` found nothing wrong (out-of-range answers
 * are not clamped; call it first).
 */
export function scoreAnswers(key: MeasureKey, answers: Answers): MeasureScore {
  if (key === 'idiographic') {
    const missing = answers.flatMap((a, i) => (a === null ? [i + 1] : []));
    return {
      key,
      complete: answers.length > 0 && missing.length === 0,
      total: null,
      band: null,
      missingItems: missing,
      item9Flag: false,
      caseness: null,
    };
  }
  const def = MEASURES[key];
  const missingItems: number[] = [];
  let sum = 0;
  def.items.forEach((item, i) => {
    if (!item.scored) return;
    const a = answers[i];
    if (a === null || a === undefined) missingItems.push(item.number);
    else sum += a;
  });
  const complete = missingItems.length === 0;
  const total = complete ? sum : null;
  return {
    key,
    complete,
    total,
    band: total === null ? null : bandFor(def, total),
    missingItems,
    item9Flag: key === 'phq9' && item9Flagged(answers),
    caseness: total === null ? null : isCase(key, total),
  };
}

/** PHQ-9 item 9 ("Thoughts that you would be better off dead…") answered above 0. */
export function item9Flagged(phq9Answers: Answers): boolean {
  const a = phq9Answers[PHQ9_ITEM9_NUMBER - 1];
  return typeof a === 'number' && a > 0;
}

/** "12 · Moderate", "Incomplete (2 questions blank)", "24" (no bands): the score in one line. */
export function scoreLine(score: MeasureScore): string {
  if (!score.complete) {
    const n = score.missingItems.length;
    return n === 0 ? 'Incomplete' : `Incomplete (${n} ${n === 1 ? 'question' : 'questions'} blank)`;
  }
  if (score.total === null) return 'Complete';
  return score.band ? `${score.total} · ${score.band.label}` : String(score.total);
}
