/**
 * The built-in outcome measures, with their published wording, response options, scoring, bands,
 * cut-offs and reliable-change parameters. Every number has its source beside it.
 *
 * Wording: PHQ-9 and GAD-7 as on the Pfizer forms (Kroenke, Spitzer & Williams 2001; Spitzer,
 * Kroenke, Williams & Löwe 2006; free to use, no permission needed, www.phqscreeners.com).
 * PCL-5 as on the National Center for PTSD's form (Weathers, Litz, Keane, Palmieri, Marx &
 * Schnurr 2013; public domain).
 */
import type { IdiographicDefinition, MeasureDefinition, MeasureItem, ResponseOption, StandardMeasureKey } from './types';

/** PHQ-9 and GAD-7 response options, scored 0–3 (Kroenke et al. 2001; Spitzer et al. 2006). */
export const FREQUENCY_OPTIONS: readonly ResponseOption[] = [
  { score: 0, label: 'Not at all' },
  { score: 1, label: 'Several days' },
  { score: 2, label: 'More than half the days' },
  { score: 3, label: 'Nearly every day' },
];

/** PHQ-9's tenth question (functional difficulty): recorded, never added to the total. */
export const DIFFICULTY_OPTIONS: readonly ResponseOption[] = [
  { score: 0, label: 'Not difficult at all' },
  { score: 1, label: 'Somewhat difficult' },
  { score: 2, label: 'Very difficult' },
  { score: 3, label: 'Extremely difficult' },
];

/** PCL-5 response options, scored 0–4 (Weathers et al. 2013). */
export const BOTHERED_OPTIONS: readonly ResponseOption[] = [
  { score: 0, label: 'Not at all' },
  { score: 1, label: 'A little bit' },
  { score: 2, label: 'Moderately' },
  { score: 3, label: 'Quite a bit' },
  { score: 4, label: 'Extremely' },
];

function scoredItems(texts: readonly string[], options: readonly ResponseOption[]): MeasureItem[] {
  return texts.map((text, i) => ({ number: i + 1, text, scored: true, optional: false, options }));
}

const PHQ9_ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

/** 1-based number of the PHQ-9 item on thoughts of death or self-harm. */
export const PHQ9_ITEM9_NUMBER = 9;

export const PHQ9: MeasureDefinition = {
  key: 'phq9',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    ...scoredItems(PHQ9_ITEMS, FREQUENCY_OPTIONS),
    {
      number: 10,
      text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      scored: false,
      optional: true,
      options: DIFFICULTY_OPTIONS,
    },
  ],
  minTotal: 0,
  maxTotal: 27, // 9 items × 3 (Kroenke et al. 2001)
  // Severity bands 0–4, 5–9, 10–14, 15–19, 20–27: Kroenke, Spitzer & Williams (2001), J Gen Intern
  // Med 16:606–613, table 4.
  bands: [
    { key: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { key: 'mild', label: 'Mild', min: 5, max: 9 },
    { key: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { key: 'moderately-severe', label: 'Moderately severe', min: 15, max: 19 },
    { key: 'severe', label: 'Severe', min: 20, max: 27 },
  ],
  // Caseness PHQ-9 ≥ 10 and reliable change ≥ 6 points: NHS Talking Therapies for anxiety and
  // depression Manual (NHS England, v7 2024) and the IAPT/NHS Talking Therapies Data Handbook.
  caseness: 10,
  reliableChangePoints: 6,
  rci: {
    // SD 3.5: general-population norms, Kocalevent, Hinz & Brähler (2013), Gen Hosp Psychiatry
    // 35:551–555 (n = 5018; women 3.1 (SD 3.5), men 2.7 (SD 3.5)).
    sd: 3.5,
    // r 0.84: 48-hour test–retest reliability, Kroenke, Spitzer & Williams (2001).
    r: 0.84,
    // Note: with these defaults the Jacobson–Truax criterion is 1.96·3.5·√2·√0.16 ≈ 3.9 points,
    // a smaller change than the NHS 6-point rule, which rests on clinical samples with a wider
    // SD. Clinicians who prefer a clinical-sample SD can change it (measure settings).
  },
  source: 'Kroenke, Spitzer & Williams (2001). PHQ-9 © Pfizer Inc., free to use without permission.',
};

const GAD7_ITEMS = [
  'Feeling nervous, anxious or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid as if something awful might happen',
] as const;

export const GAD7: MeasureDefinition = {
  key: 'gad7',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder scale (GAD-7)',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: scoredItems(GAD7_ITEMS, FREQUENCY_OPTIONS),
  minTotal: 0,
  maxTotal: 21, // 7 items × 3 (Spitzer et al. 2006)
  // Bands 0–4, 5–9, 10–14, 15–21: Spitzer, Kroenke, Williams & Löwe (2006), Arch Intern Med
  // 166:1092–1097.
  bands: [
    { key: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { key: 'mild', label: 'Mild', min: 5, max: 9 },
    { key: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { key: 'severe', label: 'Severe', min: 15, max: 21 },
  ],
  // Caseness GAD-7 ≥ 8 and reliable change ≥ 4 points: NHS Talking Therapies Manual (v7 2024) and
  // Data Handbook.
  caseness: 8,
  reliableChangePoints: 4,
  rci: {
    // SD 3.4: general-population norms, Löwe et al. (2008), Med Care 46:266–274 (n = 5030; women
    // 3.2 (SD 3.5), men 2.7 (SD 3.2)). 3.4 is our pooled approximation of the two; the paper's
    // whole-sample SD was not checked here.
    sd: 3.4,
    // r 0.83: test–retest reliability (intraclass correlation, one week), Spitzer et al. (2006).
    r: 0.83,
  },
  source: 'Spitzer, Kroenke, Williams & Löwe (2006). GAD-7 © Pfizer Inc., free to use without permission.',
};

const PCL5_ITEMS = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being “superalert” or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
] as const;

export const PCL5: MeasureDefinition = {
  key: 'pcl5',
  name: 'PCL-5',
  title: 'PTSD Checklist for DSM-5 (PCL-5)',
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then circle one of the numbers to the right to indicate how much you have been bothered by that problem in the past month.',
  stem: 'In the past month, how much were you bothered by:',
  items: scoredItems(PCL5_ITEMS, BOTHERED_OPTIONS),
  minTotal: 0,
  maxTotal: 80, // 20 items × 4 (Weathers et al. 2013)
  // The issue defines no bands for the PCL-5; the literature's provisional cut-off (31–33) is a
  // screening aid, not a severity band, so none is built in.
  bands: [],
  caseness: null,
  // No NHS points rule: reliable change on the PCL-5 is judged by the Jacobson–Truax index.
  reliableChangePoints: null,
  rci: {
    // r 0.82: one-week test–retest reliability, Blevins, Weathers, Davis, Witte & Domino (2015),
    // J Trauma Stress 28:489–498, Study 1 (n = 278). Bovin et al. (2016), Psychol Assess
    // 28:1379–1391, report a similar test–retest value in veterans.
    r: 0.82,
    // SD 14: UNCERTAIN. An approximation of the total-score SD in trauma-exposed samples of the
    // order reported by Blevins et al. (2015) and Bovin et al. (2016); the exact figure was not
    // checked against the papers. With these defaults the criterion is ≈ 16.5 points, in line
    // with the National Center for PTSD's guidance that 10–20 points is clinically meaningful
    // change. Check and edit (measure settings) before relying on it.
    sd: 14,
  },
  source: 'Weathers, Litz, Keane, Palmieri, Marx & Schnurr (2013), National Center for PTSD. Public domain.',
};

/** Ratings 0–10 for the client's own problems. */
const RATING_OPTIONS: readonly ResponseOption[] = Array.from({ length: 11 }, (_, score) => ({
  score,
  label: score === 0 ? '0 — not a problem at all' : score === 10 ? '10 — as bad as it could be' : String(score),
}));

/**
 * The idiographic measure: up to three problems in the client's own words, each rated 0–10, the
 * same problems every session. Not summed: each problem is its own series.
 */
export const IDIOGRAPHIC: IdiographicDefinition = {
  key: 'idiographic',
  name: 'Own problems',
  title: 'Idiographic measure: problems in the client’s own words (0–10)',
  stem: 'How much has each of these problems bothered you over the past week?',
  maxProblems: 3,
  minRating: 0,
  maxRating: 10,
  anchors: { min: 'Not a problem at all', max: 'As bad as it could be' },
  options: RATING_OPTIONS,
};

export const MEASURES: Readonly<Record<StandardMeasureKey, MeasureDefinition>> = { phq9: PHQ9, gad7: GAD7, pcl5: PCL5 };

/** Display name of any measure key ("PHQ-9", "GAD-7", "PCL-5", "Own problems"). */
export function measureName(key: StandardMeasureKey | 'idiographic'): string {
  return key === 'idiographic' ? IDIOGRAPHIC.name : MEASURES[key].name;
}
