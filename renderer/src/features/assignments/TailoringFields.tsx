import { useId } from 'react';
import type { Assignment, AssignmentUpdateInput, Goal } from '../../../../shared/domain';
import { PHASE_LABELS, PHASES, type Frequency, type Phase, type WorksheetDefinition } from '../../../../shared/worksheet';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';

/** What the form holds: text as typed; numbers stay text until saving. */
export interface TailoringValues {
  personalInstructions: string;
  /** '' means no particular goal. */
  goalId: string;
  frequencyKind: Frequency['kind'];
  timesPerWeek: string;
  startDate: string;
  dueDate: string;
  stepCurrent: string;
  stepTotal: string;
  phase: Phase;
  agreedRationale: string;
}

/** The fields that follow from the worksheet; they are reset when another worksheet is chosen. */
export const WORKSHEET_KEYS = ['frequencyKind', 'timesPerWeek', 'phase', 'agreedRationale'] as const;

export function blankValues(today: string): TailoringValues {
  return {
    personalInstructions: '',
    goalId: '',
    frequencyKind: 'daily',
    timesPerWeek: '3',
    startDate: today,
    dueDate: '',
    stepCurrent: '',
    stepTotal: '',
    phase: 'skill-practice',
    agreedRationale: '',
  };
}

/** The worksheet's suggestions: its frequency, its first phase, its rationale. */
export function worksheetDefaults(def: WorksheetDefinition): Pick<TailoringValues, (typeof WORKSHEET_KEYS)[number]> {
  const f = def.suggestedFrequency;
  return {
    frequencyKind: f.kind,
    timesPerWeek: f.kind === 'weekly' ? String(f.times) : '3',
    phase: def.phases[0] ?? 'skill-practice',
    agreedRationale: def.rationale,
  };
}

export function valuesOfAssignment(a: Assignment): TailoringValues {
  return {
    personalInstructions: a.personalInstructions ?? '',
    goalId: a.goalId ?? '',
    frequencyKind: a.frequency.kind,
    timesPerWeek: a.frequency.kind === 'weekly' ? String(a.frequency.times) : '3',
    startDate: a.startDate,
    dueDate: a.dueDate ?? '',
    stepCurrent: a.step ? String(a.step.current) : '',
    stepTotal: a.step ? String(a.step.total) : '',
    phase: a.phase,
    agreedRationale: a.agreedRationale ?? '',
  };
}

type Fields = Omit<AssignmentUpdateInput, 'id'>;

/**
 * The values as the core takes them, or the few messages that only the form can give (a number
 * left empty). Everything else is checked once, by the core.
 */
export function toFields(
  v: TailoringValues,
): { fields: Fields; errors: null } | { fields: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let frequency: Frequency;
  if (v.frequencyKind === 'weekly') {
    const n = Number(v.timesPerWeek);
    if (!v.timesPerWeek.trim() || !Number.isInteger(n)) errors['frequency.times'] = 'Enter how many times a week, from 1 to 14.';
    frequency = { kind: 'weekly', times: n };
  } else {
    frequency = { kind: v.frequencyKind };
  }
  let step: Fields['step'] = null;
  const sc = v.stepCurrent.trim();
  const st = v.stepTotal.trim();
  if (sc || st) {
    if (!sc || !st || !Number.isInteger(Number(sc)) || !Number.isInteger(Number(st))) {
      errors.step = 'Enter both numbers as whole numbers (for example step 2 of 6), or leave both empty.';
    } else {
      step = { current: Number(sc), total: Number(st) };
    }
  }
  if (Object.keys(errors).length) return { fields: null, errors };
  return {
    fields: {
      personalInstructions: v.personalInstructions,
      goalId: v.goalId || null,
      frequency,
      startDate: v.startDate,
      dueDate: v.dueDate,
      step,
      phase: v.phase,
      agreedRationale: v.agreedRationale,
    },
    errors: null,
  };
}

/** The keys of every message the fields below can show next to themselves. */
export const TAILORING_ERROR_KEYS = [
  'personalInstructions',
  'goalId',
  'frequency',
  'frequency.times',
  'frequency.kind',
  'startDate',
  'dueDate',
  'step',
  'step.current',
  'step.total',
  'phase',
  'agreedRationale',
];

interface Props {
  values: TailoringValues;
  onChange: (patch: Partial<TailoringValues>) => void;
  errors: Record<string, string>;
  goals: readonly Goal[];
  /** The phases the worksheet suits, for the hint. */
  suitedPhases?: readonly Phase[];
  autoFocus?: boolean;
}

/** How this client does this homework: the tailoring, the same for assigning and for editing. */
export function TailoringFields({ values: v, onChange, errors, goals, suitedPhases, autoFocus }: Props) {
  const id = useId();
  const goalOptions = [
    { value: '', label: 'No particular goal' },
    ...goals
      .filter((g) => g.status === 'active' || g.id === v.goalId)
      .map((g) => ({
        value: g.id,
        label: g.status === 'active' ? g.title : `${g.title} (${g.status === 'met' ? 'met' : 'dropped'})`,
      })),
  ];
  const freqError = errors['frequency.times'] ?? errors.frequency ?? errors['frequency.kind'];
  const stepError = errors.step ?? errors['step.current'] ?? errors['step.total'];

  return (
    <>
      <TextArea
        label="Personal instructions (optional)"
        value={v.personalInstructions}
        onChange={(e) => onChange({ personalInstructions: e.target.value })}
        error={errors.personalInstructions}
        maxLength={2000}
        rows={3}
        autoFocus={autoFocus}
        hint="For this client: when, where and how. For example “After dinner, at the kitchen table, ten minutes.”"
      />
      <SelectField
        label="Treatment goal"
        value={v.goalId}
        onChange={(e) => onChange({ goalId: e.target.value })}
        options={goalOptions}
        error={errors.goalId}
        hint={goals.length === 0 ? 'This client has no goals yet. Add them on the client’s Overview.' : undefined}
      />
      <fieldset
        className={`radio-group radio-list frequency${freqError ? ' field-invalid' : ''}`}
        aria-describedby={freqError ? `${id}-freq-error` : undefined}
      >
        <legend>How often</legend>
        <div className="radio-options">
          <label className={v.frequencyKind === 'once' ? 'checked' : undefined}>
            <input
              type="radio"
              name={`${id}-freq`}
              checked={v.frequencyKind === 'once'}
              onChange={() => onChange({ frequencyKind: 'once' })}
            />
            <span>Once</span>
          </label>
          <label className={v.frequencyKind === 'daily' ? 'checked' : undefined}>
            <input
              type="radio"
              name={`${id}-freq`}
              checked={v.frequencyKind === 'daily'}
              onChange={() => onChange({ frequencyKind: 'daily' })}
            />
            <span>Every day</span>
          </label>
          <div className={`weekly-option${v.frequencyKind === 'weekly' ? ' checked' : ''}`}>
            <label>
              <input
                type="radio"
                name={`${id}-freq`}
                checked={v.frequencyKind === 'weekly'}
                onChange={() => onChange({ frequencyKind: 'weekly' })}
              />
              <span>Times a week</span>
            </label>
            <input
              type="number"
              className="number-small"
              min={1}
              max={14}
              aria-label="Number of times a week"
              aria-invalid={errors['frequency.times'] ? true : undefined}
              value={v.timesPerWeek}
              onFocus={() => v.frequencyKind !== 'weekly' && onChange({ frequencyKind: 'weekly' })}
              onChange={(e) => onChange({ timesPerWeek: e.target.value, frequencyKind: 'weekly' })}
            />
          </div>
        </div>
        {freqError ? (
          <p className="field-error" id={`${id}-freq-error`} role="alert">
            {freqError}
          </p>
        ) : null}
      </fieldset>
      <div className="field-row">
        <TextField
          label="Start date"
          type="date"
          value={v.startDate}
          onChange={(e) => onChange({ startDate: e.target.value })}
          error={errors.startDate}
        />
        <TextField
          label="Due date (optional)"
          type="date"
          value={v.dueDate}
          min={v.startDate || undefined}
          onChange={(e) => onChange({ dueDate: e.target.value })}
          error={errors.dueDate}
          hint="Often the day of the next session."
        />
      </div>
      <fieldset
        className={`step-pair${stepError ? ' field-invalid' : ''}`}
        aria-describedby={`${id}-step-hint${stepError ? ` ${id}-step-error` : ''}`}
      >
        <legend>Difficulty step (optional)</legend>
        <div className="step-inputs">
          <span aria-hidden="true">Step</span>
          <input
            type="number"
            className="number-small"
            min={1}
            max={50}
            aria-label="Current step"
            aria-invalid={errors.step || errors['step.current'] ? true : undefined}
            value={v.stepCurrent}
            onChange={(e) => onChange({ stepCurrent: e.target.value })}
          />
          <span aria-hidden="true">of</span>
          <input
            type="number"
            className="number-small"
            min={1}
            max={50}
            aria-label="Number of steps"
            aria-invalid={errors.step || errors['step.total'] ? true : undefined}
            value={v.stepTotal}
            onChange={(e) => onChange({ stepTotal: e.target.value })}
          />
        </div>
        <p className="field-hint" id={`${id}-step-hint`}>
          For graded work, such as a step on an exposure ladder.
        </p>
        {stepError ? (
          <p className="field-error" id={`${id}-step-error`} role="alert">
            {stepError}
          </p>
        ) : null}
      </fieldset>
      <RadioGroup
        legend="Phase of therapy"
        value={v.phase}
        options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
        onChange={(phase) => onChange({ phase })}
        error={errors.phase}
        hint={
          suitedPhases?.length
            ? `This worksheet suits: ${suitedPhases.map((p) => PHASE_LABELS[p].toLowerCase()).join(', ')}.`
            : undefined
        }
      />
      <TextArea
        label="Rationale agreed with the client"
        value={v.agreedRationale}
        onChange={(e) => onChange({ agreedRationale: e.target.value })}
        error={errors.agreedRationale}
        maxLength={2000}
        rows={7}
        hint="Starts as the worksheet’s own rationale. Put it in the words you found together."
      />
    </>
  );
}
