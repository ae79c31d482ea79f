import type { Scale } from '../worksheet';

/**
 * The rating scales the built-in worksheets share, and the designer offers as presets. Each is a
 * function returning a fresh object, so that no two worksheets hold (and could mutate) the same
 * scale.
 */

/** Subjective units of distress: the exposure scale. */
export const sudsScale = (): Scale => ({
  min: 0,
  max: 100,
  step: 10,
  anchors: [
    { value: 0, label: 'calm' },
    { value: 50, label: 'moderately anxious' },
    { value: 100, label: 'the most anxious I have ever felt' },
  ],
});

/** How much you believe a thought or a prediction, 0–100 %; `halfway: false` names the two ends only. */
export const beliefScale = ({ halfway = true }: { halfway?: boolean } = {}): Scale => ({
  min: 0,
  max: 100,
  step: 10,
  unit: '%',
  anchors: [
    { value: 0, label: 'do not believe it at all' },
    ...(halfway ? [{ value: 50, label: 'half believe it' }] : []),
    { value: 100, label: 'completely sure it is true' },
  ],
});

/** How strong a feeling is, 0–100. */
export const feelingScale = (): Scale => ({
  min: 0,
  max: 100,
  step: 10,
  anchors: [
    { value: 0, label: 'not at all' },
    { value: 50, label: 'moderate' },
    { value: 100, label: 'as strong as it gets' },
  ],
});

/** A 0–10 scale with its three anchors. */
export const tenPointScale = (low: string, middle: string, high: string): Scale => ({
  min: 0,
  max: 10,
  step: 1,
  anchors: [
    { value: 0, label: low },
    { value: 5, label: middle },
    { value: 10, label: high },
  ],
});

export const moodScale = (): Scale => tenPointScale('very low', 'okay', 'very good');
export const intensityScale = (): Scale => tenPointScale('not at all', 'moderate', 'extremely strong');
export const tensionScale = (): Scale => tenPointScale('completely relaxed', 'some tension', 'extremely tense');
export const anxietyScale = (): Scale => tenPointScale('not anxious', 'moderately anxious', 'extremely anxious');
export const confidenceScale = (): Scale => tenPointScale('not at all confident', 'fairly confident', 'completely confident');
export const masteryScale = (): Scale => tenPointScale('no achievement', 'some achievement', 'a real achievement');
export const pleasureScale = (): Scale => tenPointScale('no enjoyment', 'some enjoyment', 'great enjoyment');

/** The 0–5 scale of the diary card: short, so a week fits one column each. */
export const diaryCardScale = (): Scale => ({
  min: 0,
  max: 5,
  step: 1,
  anchors: [
    { value: 0, label: 'none' },
    { value: 5, label: 'as strong as it gets' },
  ],
});

/** Sleep quality and how rested, 1–5. */
export const fivePointScale = (low: string, middle: string, high: string): Scale => ({
  min: 1,
  max: 5,
  step: 1,
  anchors: [
    { value: 1, label: low },
    { value: 3, label: middle },
    { value: 5, label: high },
  ],
});
