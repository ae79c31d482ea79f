/**
 * The data shapes of outcome measures. Pure TypeScript, no I/O: shared by the core (scoring on
 * save, change summaries, caseload flags, reports) and the renderer (entry screen, charts).
 *
 * Conventions used everywhere:
 * - `answers` is an array in item order, one entry per item of the definition (`null` = not
 *   answered). For PHQ-9 that is 10 entries: items 1–9 (scored) and the optional, unscored
 *   difficulty question. For the idiographic measure it is one rating per problem, in the order
 *   of the result's `problemIds`.
 * - Higher totals mean more distress on every built-in measure, so a fall is an improvement.
 * - Dates of administration are calendar dates `YYYY-MM-DD`.
 */

export const MEASURE_KEYS = ['phq9', 'gad7', 'pcl5', 'idiographic'] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

/** The questionnaires with a fixed item list and a total (all but the idiographic measure). */
export const STANDARD_MEASURE_KEYS = ['phq9', 'gad7', 'pcl5'] as const;
export type StandardMeasureKey = (typeof STANDARD_MEASURE_KEYS)[number];

export interface ResponseOption {
  /** The score the option carries (what is stored in `answers`). */
  score: number;
  /** The option's wording as printed on the published form. */
  label: string;
}

export interface MeasureItem {
  /** 1-based item number as printed. */
  number: number;
  /** The item's exact wording. */
  text: string;
  /** Counts towards the total. PHQ-9's difficulty question does not. */
  scored: boolean;
  /** May be left blank without making the result incomplete (only unscored items are optional). */
  optional: boolean;
  /** The response options for this item (PHQ-9's difficulty question has its own). */
  options: readonly ResponseOption[];
  /** Shown before this item only (PHQ-9's difficulty question has its own question line). */
  stem?: string;
}

export interface SeverityBand {
  /** Stable key for styling and charts. */
  key: 'minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';
  label: string;
  /** Inclusive lower edge. */
  min: number;
  /** Inclusive upper edge. */
  max: number;
}

/** Jacobson–Truax parameters: the standard deviation of the measure and its reliability r. */
export interface RciParameters {
  sd: number;
  r: number;
}

export interface MeasureDefinition {
  key: StandardMeasureKey;
  /** Short name, e.g. "PHQ-9". */
  name: string;
  /** Full title, e.g. "Patient Health Questionnaire (PHQ-9)". */
  title: string;
  /** Instructions printed above the stem, when the form has them (PCL-5). */
  instructions?: string;
  /** The question every item answers, e.g. "Over the last 2 weeks, how often…". */
  stem: string;
  items: readonly MeasureItem[];
  /** Lowest and highest possible total. */
  minTotal: number;
  maxTotal: number;
  /** Severity bands, in order, covering minTotal..maxTotal exactly. Empty when none are defined. */
  bands: readonly SeverityBand[];
  /** Total at or above which the client counts as a "case" (NHS Talking Therapies). Null: none. */
  caseness: number | null;
  /**
   * NHS Talking Therapies reliable-change criterion: a change of at least this many points is
   * reliable. Null: reliable change is judged by the Jacobson–Truax index instead (PCL-5).
   */
  reliableChangePoints: number | null;
  /** Default Jacobson–Truax parameters (editable per vault; sources in definitions.ts). */
  rci: RciParameters;
  /** Where the wording and scoring come from, in one line. */
  source: string;
}

export interface IdiographicDefinition {
  key: 'idiographic';
  name: string;
  title: string;
  stem: string;
  /** At most this many problems per client. */
  maxProblems: number;
  /** Ratings run minRating..maxRating. */
  minRating: number;
  maxRating: number;
  /** Anchor labels for the ends of the scale. */
  anchors: { min: string; max: string };
  options: readonly ResponseOption[];
}

export type AnyMeasureDefinition = MeasureDefinition | IdiographicDefinition;

/** The score of one administration. */
export interface MeasureScore {
  key: MeasureKey;
  /** Every scored item answered (for the idiographic measure: every problem rated). */
  complete: boolean;
  /** The total, or null when incomplete. Always null for the idiographic measure (not summed). */
  total: number | null;
  /** The band of the total, or null when incomplete or the measure has no bands. */
  band: SeverityBand | null;
  /** 1-based numbers of the scored items left blank. */
  missingItems: number[];
  /** PHQ-9 item 9 answered above 0 ("Thoughts that you would be better off dead…"). */
  item9Flag: boolean;
  /** At or above the measure's caseness cut-off; null when incomplete or no cut-off. */
  caseness: boolean | null;
}
