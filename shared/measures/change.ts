/**
 * Change between administrations: per measure (PHQ-9, GAD-7, PCL-5), and the NHS Talking Therapies
 * paired categories that need PHQ-9 and GAD-7 together (caseness, reliable improvement, reliable
 * deterioration, recovery, reliable recovery). Each comes per pair of consecutive administrations
 * and over the course (first → last).
 *
 * Only complete results count (an incomplete result has no total). Lower is better on every
 * built-in measure.
 *
 * Per measure, "reliable" means:
 * - PHQ-9 and GAD-7: a change of at least the NHS Talking Therapies points (6 and 4);
 * - PCL-5 (no NHS rule): the Jacobson–Truax index at or beyond ±1.96.
 * The Jacobson–Truax index is computed for every measure and reported beside the category, with
 * the SD and r used.
 *
 * NHS Talking Therapies definitions (Manual v7 2024; Data Handbook), applied to a pair of paired
 * points A (earlier) and B (later):
 * - at caseness: PHQ-9 ≥ 10 or GAD-7 ≥ 8 (either one);
 * - reliable improvement: a reliable fall on at least one of the two, and no reliable rise on
 *   the other;
 * - reliable deterioration: a reliable rise on at least one, and no reliable fall on the other;
 * - recovery: at caseness at A, and below caseness on both at B (not applicable — null — when A is
 *   not at caseness);
 * - reliable recovery: recovery and reliable improvement together.
 *
 * Pairing (how PHQ-9 and GAD-7 are matched): a "paired point" is one occasion on which both were
 * completed — the same session when the results are linked to a session, otherwise the same
 * date. If one occasion has two results of the same measure, the later-entered one counts. Points
 * are ordered by date; "per pair" compares consecutive points, "over the course" compares the
 * first paired point with the last. A PHQ-9 without a GAD-7 on the same occasion (or the other
 * way round) still counts for that measure's own change, never for the paired categories.
 */
import { MEASURES } from './definitions';
import { isCase } from './scoring';
import type { MeasureKey, RciParameters, StandardMeasureKey } from './types';
import { STANDARD_MEASURE_KEYS } from './types';

/** One stored result, as change needs it. */
export interface Administration {
  id: string;
  measure: MeasureKey;
  /** `YYYY-MM-DD`. */
  administeredOn: string;
  sessionId: string | null;
  /** Null when incomplete (ignored by change). */
  total: number | null;
  /** ISO instant; orders results of the same day. Optional. */
  createdAt?: string;
}

export interface ScorePoint {
  id: string;
  administeredOn: string;
  sessionId: string | null;
  total: number;
}

/** |RC| at or beyond this is reliable (p < .05, two-tailed; Jacobson & Truax 1991). */
export const RCI_CRITICAL = 1.96;

/** The formula, for display beside every result that uses it. */
export const RCI_FORMULA = 'RC = (x₂ − x₁) / (SD · √2 · √(1 − r))';

/** Jacobson & Truax (1991): RC = (x₂ − x₁) / (SD·√2·√(1 − r)). Negative = fewer symptoms. */
export function reliableChangeIndex(x1: number, x2: number, p: RciParameters): number {
  return (x2 - x1) / standardErrorOfDifference(p);
}

/** S_diff = SD·√2·√(1 − r). */
export function standardErrorOfDifference(p: RciParameters): number {
  return p.sd * Math.SQRT2 * Math.sqrt(1 - p.r);
}

/** The smallest change in points that is reliable under these parameters: 1.96·S_diff. */
export function rciCriterion(p: RciParameters): number {
  return RCI_CRITICAL * standardErrorOfDifference(p);
}

/** Parameters a clinician may set: SD > 0, 0 ≤ r < 1. Returns a message, or null when fine. */
export function rciParametersProblem(p: RciParameters): string | null {
  if (!Number.isFinite(p.sd) || p.sd <= 0 || p.sd > 100) return 'The standard deviation must be above 0 (and at most 100).';
  if (!Number.isFinite(p.r) || p.r < 0 || p.r >= 1) return 'The reliability r must be from 0 up to (not including) 1.';
  return null;
}

export type ChangeDirection = 'reliable-improvement' | 'reliable-deterioration' | 'no-reliable-change';

export const CHANGE_DIRECTION_LABELS: Record<ChangeDirection, string> = {
  'reliable-improvement': 'Reliable improvement',
  'reliable-deterioration': 'Reliable deterioration',
  'no-reliable-change': 'No reliable change',
};

export interface RciResult {
  /** The index, rounded to 2 decimals. */
  value: number;
  sd: number;
  r: number;
  /** Points needed for reliable change under these parameters (1.96·S_diff), 2 decimals. */
  criterion: number;
  /** |RC| ≥ 1.96. */
  reliable: boolean;
  direction: ChangeDirection;
}

export interface MeasureChange {
  measure: StandardMeasureKey;
  from: ScorePoint;
  to: ScorePoint;
  /** to − from, in points (negative = fewer symptoms). */
  difference: number;
  direction: ChangeDirection;
  /** What `direction` rests on: the NHS points rule, or the Jacobson–Truax index (PCL-5). */
  basis: 'nhs-points' | 'rci';
  caseAtStart: boolean | null;
  caseAtEnd: boolean | null;
  rci: RciResult;
}

export interface MeasureCourse {
  measure: StandardMeasureKey;
  /** Complete results, oldest first. */
  points: ScorePoint[];
  /** Results left out because they are incomplete. */
  incompleteCount: number;
  /** Consecutive complete results. */
  pairs: MeasureChange[];
  /** First complete → last complete; null with fewer than two. */
  overall: MeasureChange | null;
}

export interface PairedPoint {
  /** The occasion: the session id, or the date when the results have no session. */
  occasion: string;
  administeredOn: string;
  sessionId: string | null;
  phq9: ScorePoint;
  gad7: ScorePoint;
  /** PHQ-9 ≥ 10 or GAD-7 ≥ 8. */
  caseness: boolean;
}

export type PairedOutcome =
  'reliable-recovery' | 'recovery' | 'reliable-improvement' | 'reliable-deterioration' | 'no-reliable-change';

export const PAIRED_OUTCOME_LABELS: Record<PairedOutcome, string> = {
  'reliable-recovery': 'Reliable recovery',
  recovery: 'Recovery (not reliable improvement)',
  'reliable-improvement': 'Reliable improvement',
  'reliable-deterioration': 'Reliable deterioration',
  'no-reliable-change': 'No reliable change',
};

export interface PairedChange {
  from: PairedPoint;
  to: PairedPoint;
  phq9: MeasureChange;
  gad7: MeasureChange;
  caseAtStart: boolean;
  caseAtEnd: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  /** Null when not at caseness at the start (recovery does not apply). */
  recovery: boolean | null;
  reliableRecovery: boolean | null;
  /**
   * One word for the pair: reliable deterioration first, then reliable recovery, recovery,
   * reliable improvement, else no reliable change.
   */
  outcome: PairedOutcome;
}

export interface PairedCourse {
  points: PairedPoint[];
  pairs: PairedChange[];
  overall: PairedChange | null;
}

export interface ChangeSummary {
  /** One entry per standard measure with at least one result (complete or not), PHQ-9, GAD-7, PCL-5 order. */
  measures: MeasureCourse[];
  /** NHS Talking Therapies paired categories (PHQ-9 with GAD-7). */
  paired: PairedCourse;
  /** The Jacobson–Truax parameters used, per measure. */
  rciParameters: Record<StandardMeasureKey, RciParameters>;
  formula: string;
}

export type RciOverrides = Partial<Record<StandardMeasureKey, RciParameters>>;

/** Defaults from the definitions, overridden by the vault's settings where given. */
export function rciParametersFor(overrides?: RciOverrides): Record<StandardMeasureKey, RciParameters> {
  const out = {} as Record<StandardMeasureKey, RciParameters>;
  for (const k of STANDARD_MEASURE_KEYS) out[k] = overrides?.[k] ?? { ...MEASURES[k].rci };
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function rciResult(x1: number, x2: number, p: RciParameters): RciResult {
  const value = reliableChangeIndex(x1, x2, p);
  const reliable = Math.abs(value) >= RCI_CRITICAL;
  return {
    value: round2(value),
    sd: p.sd,
    r: p.r,
    criterion: round2(rciCriterion(p)),
    reliable,
    direction: !reliable ? 'no-reliable-change' : value < 0 ? 'reliable-improvement' : 'reliable-deterioration',
  };
}

/** The change from one complete result to a later one of the same measure. */
export function measureChange(
  measure: StandardMeasureKey,
  from: ScorePoint,
  to: ScorePoint,
  params: RciParameters = MEASURES[measure].rci,
): MeasureChange {
  const difference = to.total - from.total;
  const rci = rciResult(from.total, to.total, params);
  const points = MEASURES[measure].reliableChangePoints;
  let direction: ChangeDirection;
  if (points !== null) {
    direction =
      difference <= -points ? 'reliable-improvement' : difference >= points ? 'reliable-deterioration' : 'no-reliable-change';
  } else {
    direction = rci.direction;
  }
  return {
    measure,
    from,
    to,
    difference,
    direction,
    basis: points !== null ? 'nhs-points' : 'rci',
    caseAtStart: isCase(measure, from.total),
    caseAtEnd: isCase(measure, to.total),
    rci,
  };
}

function byDate(a: { administeredOn: string; createdAt?: string }, b: { administeredOn: string; createdAt?: string }) {
  if (a.administeredOn !== b.administeredOn) return a.administeredOn < b.administeredOn ? -1 : 1;
  const ca = a.createdAt ?? '';
  const cb = b.createdAt ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

function point(a: Administration): ScorePoint {
  return { id: a.id, administeredOn: a.administeredOn, sessionId: a.sessionId, total: a.total! };
}

/** The course of one measure: consecutive pairs and first → last. */
export function measureCourse(
  measure: StandardMeasureKey,
  administrations: readonly Administration[],
  params?: RciParameters,
): MeasureCourse {
  const mine = administrations.filter((a) => a.measure === measure).sort(byDate);
  const complete = mine.filter((a) => a.total !== null);
  const points = complete.map(point);
  const pairs: MeasureChange[] = [];
  for (let i = 1; i < points.length; i++) pairs.push(measureChange(measure, points[i - 1]!, points[i]!, params));
  return {
    measure,
    points,
    incompleteCount: mine.length - complete.length,
    pairs,
    overall: points.length >= 2 ? measureChange(measure, points[0]!, points[points.length - 1]!, params) : null,
  };
}

/** Paired PHQ-9 + GAD-7 occasions (see the pairing rule at the top of this file), oldest first. */
export function pairedPoints(administrations: readonly Administration[]): PairedPoint[] {
  const occasions = new Map<string, { phq9?: Administration; gad7?: Administration }>();
  for (const a of [...administrations].sort(byDate)) {
    if (a.total === null || (a.measure !== 'phq9' && a.measure !== 'gad7')) continue;
    const key = a.sessionId ? `session:${a.sessionId}` : `date:${a.administeredOn}`;
    const slot = occasions.get(key) ?? {};
    slot[a.measure] = a; // later-entered wins (sorted ascending)
    occasions.set(key, slot);
  }
  const out: PairedPoint[] = [];
  for (const [occasion, slot] of occasions) {
    if (!slot.phq9 || !slot.gad7) continue;
    const phq9 = point(slot.phq9);
    const gad7 = point(slot.gad7);
    const date = phq9.administeredOn > gad7.administeredOn ? phq9.administeredOn : gad7.administeredOn;
    out.push({
      occasion: occasion.slice(occasion.indexOf(':') + 1),
      administeredOn: date,
      sessionId: slot.phq9.sessionId ?? slot.gad7.sessionId,
      phq9,
      gad7,
      caseness: isCase('phq9', phq9.total) === true || isCase('gad7', gad7.total) === true,
    });
  }
  return out.sort((a, b) => (a.administeredOn < b.administeredOn ? -1 : a.administeredOn > b.administeredOn ? 1 : 0));
}

/** NHS Talking Therapies categories between two paired points. */
export function pairedChange(
  from: PairedPoint,
  to: PairedPoint,
  params: Record<StandardMeasureKey, RciParameters> = rciParametersFor(),
): PairedChange {
  const phq9 = measureChange('phq9', from.phq9, to.phq9, params.phq9);
  const gad7 = measureChange('gad7', from.gad7, to.gad7, params.gad7);
  const up = (c: MeasureChange) => c.direction === 'reliable-improvement';
  const down = (c: MeasureChange) => c.direction === 'reliable-deterioration';
  const reliableImprovement = (up(phq9) && !down(gad7)) || (up(gad7) && !down(phq9));
  const reliableDeterioration = (down(phq9) && !up(gad7)) || (down(gad7) && !up(phq9));
  const caseAtStart = from.caseness;
  const caseAtEnd = to.caseness;
  const recovery = caseAtStart ? !caseAtEnd : null;
  const reliableRecovery = recovery === null ? null : recovery && reliableImprovement;
  const outcome: PairedOutcome = reliableDeterioration
    ? 'reliable-deterioration'
    : reliableRecovery
      ? 'reliable-recovery'
      : recovery
        ? 'recovery'
        : reliableImprovement
          ? 'reliable-improvement'
          : 'no-reliable-change';
  return {
    from,
    to,
    phq9,
    gad7,
    caseAtStart,
    caseAtEnd,
    reliableImprovement,
    reliableDeterioration,
    recovery,
    reliableRecovery,
    outcome,
  };
}

export function pairedCourse(
  administrations: readonly Administration[],
  params: Record<StandardMeasureKey, RciParameters> = rciParametersFor(),
): PairedCourse {
  const points = pairedPoints(administrations);
  const pairs: PairedChange[] = [];
  for (let i = 1; i < points.length; i++) pairs.push(pairedChange(points[i - 1]!, points[i]!, params));
  return {
    points,
    pairs,
    overall: points.length >= 2 ? pairedChange(points[0]!, points[points.length - 1]!, params) : null,
  };
}

/** Everything about change for one client: per measure, paired, with the RCI parameters used. */
export function summarizeChange(administrations: readonly Administration[], overrides?: RciOverrides): ChangeSummary {
  const rciParameters = rciParametersFor(overrides);
  const measures = STANDARD_MEASURE_KEYS.filter((k) => administrations.some((a) => a.measure === k)).map((k) =>
    measureCourse(k, administrations, rciParameters[k]),
  );
  return { measures, paired: pairedCourse(administrations, rciParameters), rciParameters, formula: RCI_FORMULA };
}
