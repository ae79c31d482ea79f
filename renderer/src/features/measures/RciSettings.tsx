import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { RciSetting } from '../../../../shared/contract';
import { MEASURES, RCI_FORMULA } from '../../../../shared/measures';
import { errorMessage } from '../../api/client';
import { useRciSettings, useSetRci } from '../../api/measures';
import { FormError, TextField } from '../../components/Field';
import { errorMessages, showServerErrors } from '../../components/forms';
import './measures.css';

const rciFormSchema = z.object({
  sd: z
    .string()
    .trim()
    .max(8)
    .regex(/^\d+(\.\d+)?$/, 'Please enter the standard deviation as a number, e.g. 5.7.'),
  r: z
    .string()
    .trim()
    .max(8)
    .regex(/^(0|0?\.\d+)$/, 'Please enter r as a decimal from 0 up to (not including) 1, e.g. 0.84.'),
});
type Values = z.input<typeof rciFormSchema>;

/** Settings: the Jacobson–Truax SD and r per measure, the formula, and the sources of the defaults. */
export function RciSettings() {
  const settings = useRciSettings();
  return (
    <div className="card stack">
      <h2>Reliable change</h2>
      <p>
        The reliable change index (Jacobson &amp; Truax) is <strong>{RCI_FORMULA}</strong>; a change is reliable when |RC| is 1.96
        or more. The defaults and their sources are in the measure definitions; change them if your service uses other norms.
      </p>
      <FormError message={settings.isError ? errorMessage(settings.error) : null} />
      {settings.data?.map((s) => (
        <RciRow key={`${s.measure}-${s.sd}-${s.r}`} setting={s} />
      ))}
    </div>
  );
}

function RciRow({ setting }: { setting: RciSetting }) {
  const set = useSetRci();
  const name = MEASURES[setting.measure].name;
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof rciFormSchema>>({
    defaultValues: { sd: String(setting.sd), r: String(setting.r) },
    resolver: zodResolver(rciFormSchema),
  });
  const errs = errorMessages(formState.errors);
  const submit = handleSubmit(async (v) => {
    try {
      await set.mutateAsync({ measure: setting.measure, sd: Number(v.sd), r: Number(v.r) });
    } catch (e) {
      showServerErrors(setError, e);
    }
  });
  return (
    <form className="rci-row" onSubmit={(e) => void submit(e)} noValidate aria-label={`${name} reliable change`}>
      <h3>{name}</h3>
      <div className="rci-fields">
        <TextField label={`${name} SD`} inputMode="decimal" error={errs['sd']} {...register('sd')} />
        <TextField label={`${name} r`} inputMode="decimal" error={errs['r']} {...register('r')} />
      </div>
      <p className="muted">
        A change of {setting.criterion} points or more is reliable.{' '}
        {setting.custom ? `Default: SD ${setting.defaultSd}, r ${setting.defaultR}.` : 'These are the defaults.'}
      </p>
      <FormError message={set.isError && !errs['sd'] && !errs['r'] ? errorMessage(set.error) : null} />
      <div className="actions">
        <button type="submit" disabled={set.isPending}>
          Save {name}
        </button>
        {setting.custom ? (
          <button type="button" disabled={set.isPending} onClick={() => set.mutate({ measure: setting.measure, reset: true })}>
            Back to the default
          </button>
        ) : null}
      </div>
    </form>
  );
}
