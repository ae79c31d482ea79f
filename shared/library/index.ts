import type { WorksheetDefinitionInput } from '../worksheet';
import { abcRecord } from './abc-record';
import { activityMoodDiary } from './activity-mood-diary';
import { activityScheduling } from './activity-scheduling';
import { assertivenessPractice } from './assertiveness-practice';
import { baselineObservation } from './baseline-observation';
import { behaviouralExperiment } from './behavioural-experiment';
import { dbtDiaryCard } from './dbt-diary-card';
import { evidenceForAgainst } from './evidence-for-against';
import { exposureHierarchy } from './exposure-hierarchy';
import { exposurePracticeLog } from './exposure-practice-log';
import { gratitudeJournal } from './gratitude-journal';
import { mindfulnessLog } from './mindfulness-log';
import { problemSolving } from './problem-solving';
import { readingFilmReflection } from './reading-film-reflection';
import { reflectiveJournal } from './reflective-journal';
import { relaxationLog } from './relaxation-log';
import { sleepDiary } from './sleep-diary';
import { stayingWellPlan } from './staying-well-plan';
import { thinkingTraps } from './thinking-traps';
import { thoughtRecord3 } from './thought-record-3';
import { thoughtRecord7 } from './thought-record-7';
import { valuesBasedAction } from './values-based-action';
import { worryLog } from './worry-log';

export interface BuiltInWorksheet {
  /** Stable slug; never changes once shipped (vaults refer to built-ins by it). */
  readonly key: string;
  readonly definition: WorksheetDefinitionInput;
}

/**
 * The worksheets Stepwise ships with, in the order a therapist browses them: by category (the order
 * of CATEGORIES), and within a category from first steps to later ones.
 */
export const BUILT_IN_WORKSHEETS: readonly BuiltInWorksheet[] = Object.freeze([
  // Thoughts and beliefs: from noticing thoughts to weighing them
  { key: 'thought-record-3', definition: thoughtRecord3 },
  { key: 'thinking-traps', definition: thinkingTraps },
  { key: 'evidence-for-against', definition: evidenceForAgainst },
  { key: 'thought-record-7', definition: thoughtRecord7 },
  // Behavioural experiments
  { key: 'behavioural-experiment', definition: behaviouralExperiment },
  // Exposure: plan the ladder, then log the practice
  { key: 'exposure-hierarchy', definition: exposureHierarchy },
  { key: 'exposure-practice-log', definition: exposurePracticeLog },
  // Activity and behaviour: monitor, then schedule, then act on values
  { key: 'activity-mood-diary', definition: activityMoodDiary },
  { key: 'activity-scheduling', definition: activityScheduling },
  { key: 'values-based-action', definition: valuesBasedAction },
  // Relaxation and mindfulness
  { key: 'relaxation-log', definition: relaxationLog },
  { key: 'mindfulness-log', definition: mindfulnessLog },
  // Journaling and writing
  { key: 'reflective-journal', definition: reflectiveJournal },
  { key: 'gratitude-journal', definition: gratitudeJournal },
  // Self-monitoring
  { key: 'baseline-observation', definition: baselineObservation },
  { key: 'abc-record', definition: abcRecord },
  // Worry
  { key: 'worry-log', definition: worryLog },
  { key: 'problem-solving', definition: problemSolving },
  // Sleep
  { key: 'sleep-diary', definition: sleepDiary },
  // Skills practice, ending with relapse prevention
  { key: 'assertiveness-practice', definition: assertivenessPractice },
  { key: 'dbt-diary-card', definition: dbtDiaryCard },
  { key: 'staying-well-plan', definition: stayingWellPlan },
  // Reading and film reflection
  { key: 'reading-film-reflection', definition: readingFilmReflection },
]);
