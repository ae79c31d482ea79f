import { Controller, useFormContext, useWatch } from 'react-hook-form';
import type { Goal } from '../../../../shared/domain';
import { prefillSchema, printedPrefill, type WorksheetDefinition } from '../../../../shared/worksheet';
import { WorksheetPreview } from '../library';
import { PrefillFields } from './PrefillFields';
import { prefillOfForm, type TailoringValues } from './tailoring';

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : undefined);

/** The message keys of what is filled in ahead, for the form's top message. */
export const prefillErrorKeys = (def: WorksheetDefinition | undefined) => (def?.blocks ?? []).map((b) => `prefill.${b.id}`);

/** The pre-fill fields of a tailoring form (inside its FormProvider). */
export function TailoredContent({
  definition,
  errors,
  goals,
}: {
  definition: WorksheetDefinition;
  errors: Record<string, string>;
  goals: readonly Goal[];
}) {
  const { control } = useFormContext<TailoringValues>();
  const [goalId, stepTotal] = useWatch({ control, name: ['goalId', 'stepTotal'] });
  const goal = goals.find((g) => g.id === goalId)?.title;
  const partErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('prefill.'))
      .map(([k, v]) => [k.slice('prefill.'.length), v]),
  );
  return (
    <Controller
      control={control}
      name="prefill"
      render={({ field }) => (
        <PrefillFields
          definition={definition}
          value={field.value}
          onChange={field.onChange}
          errors={partErrors}
          goalTitle={goal}
          stepTotal={whole(stepTotal)}
        />
      )}
    />
  );
}

/** The worksheet as it will print for this client, following the form as it is typed. */
export function TailoredPreview({
  definition,
  clientLabel,
  goals,
}: {
  definition: WorksheetDefinition;
  clientLabel: string;
  goals: readonly Goal[];
}) {
  const { control } = useFormContext<TailoringValues>();
  const v = useWatch({ control }) as TailoringValues;
  const parsed = v.prefill ? prefillSchema.safeParse(prefillOfForm(v.prefill).prefill ?? undefined) : null;
  const total = whole(v.stepTotal ?? '');
  const prefill = printedPrefill(definition, parsed?.success ? parsed.data : null, total ? { total } : null);
  const goal = goals.find((g) => g.id === v.goalId)?.title;
  const times = whole(v.timesPerWeek ?? '');
  return (
    <section className="assign-preview" aria-labelledby="assign-preview-title">
      <h2 id="assign-preview-title">As it will print</h2>
      <div className="preview-frame">
        <WorksheetPreview
          definition={definition}
          clientLabel={clientLabel}
          prefill={prefill}
          headingLevel={3}
          {...(v.personalInstructions?.trim() ? { personalInstructions: v.personalInstructions } : {})}
          {...(v.agreedRationale?.trim() ? { agreedRationale: v.agreedRationale } : {})}
          {...(v.dueDate ? { dueDate: v.dueDate } : {})}
          {...(v.startDate ? { startDate: v.startDate } : {})}
          {...(goal ? { goal } : {})}
          {...(v.phase ? { phase: v.phase } : {})}
          frequency={v.frequencyKind === 'weekly' ? { kind: 'weekly', times: times ?? 1 } : { kind: v.frequencyKind ?? 'once' }}
        />
      </div>
    </section>
  );
}
