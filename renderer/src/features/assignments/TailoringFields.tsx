import { useId } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import type { Goal } from '../../../../shared/domain';
import { TEXT_LIMITS } from '../../../../shared/limits';
import { PHASE_LABELS, PHASES, type Frequency, type Phase } from '../../../../shared/worksheet';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';
import type { TailoringValues } from './tailoring';
import './assignments.css';

interface Props {
  /** Messages by the path of the core's input ('dueDate', 'frequency.times', 'step' …). */
  errors: Record<string, string>;
  goals: readonly Goal[];
  /** The phases the worksheet suits, for the hint. */
  suitedPhases?: readonly Phase[];
  autoFocus?: boolean;
}

const FREQUENCIES: readonly { kind: Exclude<Frequency['kind'], 'weekly'>; label: string }[] = [
  { kind: 'once', label: 'Once' },
  { kind: 'daily', label: 'Every day' },
];

/**
 * How this client does this homework: the tailoring, the same for assigning and for editing.
 * The fields of a react-hook-form form of TailoringValues (the page holds it, with FormProvider).
 */
export function TailoringFields({ errors, goals, suitedPhases, autoFocus }: Props) {
  const id = useId();
  const { register, control, setValue } = useFormContext<TailoringValues>();
  const [kind, goalId, startDate] = useWatch({ control, name: ['frequencyKind', 'goalId', 'startDate'] });
  const goalOptions = [
    { value: '', label: 'No particular goal' },
    ...goals
      .filter((g) => g.status === 'active' || g.id === goalId)
      .map((g) => ({
        value: g.id,
        label: g.status === 'active' ? g.title : `${g.title} (${g.status === 'met' ? 'met' : 'dropped'})`,
      })),
  ];
  const freqError = errors['frequency.times'] ?? errors.frequency ?? errors['frequency.kind'];
  const stepError = errors.step ?? errors['step.current'] ?? errors['step.total'];
  const weekly = () => {
    if (kind !== 'weekly') setValue('frequencyKind', 'weekly');
  };

  return (
    <>
      <TextArea
        label="Personal instructions (optional)"
        {...register('personalInstructions')}
        error={errors.personalInstructions}
        limit={TEXT_LIMITS.long}
        rows={3}
        autoFocus={autoFocus}
        hint="For this client: when, where and how. For example “After dinner, at the kitchen table, ten minutes.”"
      />
      {/* Controlled: its options (the client's goals) may arrive after the form opens. */}
      <Controller
        control={control}
        name="goalId"
        render={({ field }) => (
          <SelectField
            label="Treatment goal"
            {...field}
            options={goalOptions}
            error={errors.goalId}
            hint={goals.length === 0 ? 'This client has no goals yet. Add them on the client’s Overview.' : undefined}
          />
        )}
      />
      <fieldset
        className={`radio-group radio-list frequency${freqError ? ' field-invalid' : ''}`}
        aria-describedby={freqError ? `${id}-freq-error` : undefined}
      >
        <legend>How often</legend>
        <div className="radio-options">
          {FREQUENCIES.map((f) => (
            <label key={f.kind} className={kind === f.kind ? 'checked' : undefined}>
              <input type="radio" value={f.kind} {...register('frequencyKind')} />
              <span>{f.label}</span>
            </label>
          ))}
          <div className={`weekly-option${kind === 'weekly' ? ' checked' : ''}`}>
            <label>
              <input type="radio" value="weekly" {...register('frequencyKind')} />
              <span>Times a week</span>
            </label>
            <input
              type="number"
              className="number-small"
              min={1}
              max={14}
              aria-label="Number of times a week"
              aria-invalid={errors['frequency.times'] ? true : undefined}
              onFocus={weekly}
              {...register('timesPerWeek', { onChange: weekly })}
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
        <TextField label="Start date" type="date" {...register('startDate')} error={errors.startDate} />
        <TextField
          label="Due date (optional)"
          type="date"
          min={startDate || undefined}
          {...register('dueDate')}
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
            {...register('stepCurrent')}
          />
          <span aria-hidden="true">of</span>
          <input
            type="number"
            className="number-small"
            min={1}
            max={50}
            aria-label="Number of steps"
            aria-invalid={errors.step || errors['step.total'] ? true : undefined}
            {...register('stepTotal')}
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
      <Controller
        control={control}
        name="phase"
        render={({ field }) => (
          <RadioGroup
            legend="Phase of therapy"
            value={field.value}
            options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
            onChange={field.onChange}
            error={errors.phase}
            hint={
              suitedPhases?.length
                ? `This worksheet suits: ${suitedPhases.map((p) => PHASE_LABELS[p].toLowerCase()).join(', ')}.`
                : undefined
            }
          />
        )}
      />
      <TextArea
        label="Rationale agreed with the client"
        {...register('agreedRationale')}
        error={errors.agreedRationale}
        limit={TEXT_LIMITS.long}
        rows={7}
        hint="Starts as the worksheet’s own rationale. Put it in the words you found together."
      />
    </>
  );
}
