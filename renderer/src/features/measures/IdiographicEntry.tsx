import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { MeasureProblem } from '../../../../shared/contract';
import { IDIOGRAPHIC } from '../../../../shared/measures';
import { errorMessage } from '../../api/client';
import { useProblems, useRecordMeasure, useSetProblems } from '../../api/measures';
import { FormError, TextField } from '../../components/Field';
import { errorMessages, showServerErrors } from '../../components/forms';
import { useDraft, useKeptDrafts } from '../../components/useDraft';
import { measureDraftKey } from './QuestionnaireEntry';

const problemsFormSchema = z
  .object({
    problems: z
      .array(z.object({ text: z.string().trim().max(200, 'A problem is too long (200 characters at most).') }))
      .length(IDIOGRAPHIC.maxProblems),
  })
  .refine((v) => v.problems.some((p) => p.text), {
    message: 'Please enter at least one problem.',
    path: ['problems', 0, 'text'],
  });
type ProblemsValues = z.input<typeof problemsFormSchema>;

/**
 * The idiographic measure: up to three problems in the client's own words, each rated 0–10, the
 * same problems every session. Set the problems once (and edit them when they change); then type
 * a rating for each and press Enter to go on.
 */
export function IdiographicEntry({
  clientId,
  sessionId,
  date,
  onSaved,
}: {
  clientId: string;
  sessionId: string | null;
  date: string;
  onSaved: (line: string) => void;
}) {
  const problems = useProblems(clientId);
  const [editing, setEditing] = useState(false);
  // The problems form left unsaved when Stepwise locked opens again, to offer its words back.
  const kept = useKeptDrafts(`problems:${clientId}`);
  const [reopened, setReopened] = useState(false);
  if (kept?.length && !reopened) {
    setReopened(true);
    setEditing(true);
  }
  if (problems.isPending) return <p className="loading">Loading the client’s problems…</p>;
  if (problems.isError) return <FormError message={errorMessage(problems.error)} />;
  const active = problems.data.active;
  if (editing || active.length === 0) {
    return <ProblemsForm clientId={clientId} active={active} onDone={() => setEditing(false)} canCancel={active.length > 0} />;
  }
  return (
    <Ratings
      clientId={clientId}
      sessionId={sessionId}
      date={date}
      active={active}
      onSaved={onSaved}
      onEdit={() => setEditing(true)}
    />
  );
}

function ProblemsForm({
  clientId,
  active,
  onDone,
  canCancel,
}: {
  clientId: string;
  active: MeasureProblem[];
  onDone: () => void;
  canCancel: boolean;
}) {
  const setProblems = useSetProblems();
  const [initial] = useState<ProblemsValues>(() => ({
    problems: Array.from({ length: IDIOGRAPHIC.maxProblems }, (_, i) => ({ text: active[i]?.text ?? '' })),
  }));
  const { register, handleSubmit, formState, setError, control, reset } = useForm<
    ProblemsValues,
    unknown,
    z.output<typeof problemsFormSchema>
  >({
    defaultValues: initial,
    resolver: zodResolver(problemsFormSchema),
  });
  // The words typed are kept (encrypted, in the vault) and offered back after a lock.
  const values = useWatch({ control }) as ProblemsValues;
  const kept = useDraft<ProblemsValues>(`problems:${clientId}`, values, initial, (v) => reset(v, { keepDefaultValues: true }));
  const leave = () => {
    kept.discard();
    onDone();
  };
  const errs = errorMessages(formState.errors);
  const submit = handleSubmit(async (v) => {
    // A problem keeps its identity (and its history) when its words are edited in the same place.
    const list = v.problems.flatMap((p, i) => (p.text ? [{ ...(active[i] ? { id: active[i].id } : {}), text: p.text }] : []));
    try {
      await setProblems.mutateAsync({ clientId, problems: list });
      leave();
    } catch (e) {
      showServerErrors(setError, e);
    }
  });
  return (
    <form className="measure-entry" onSubmit={(e) => void submit(e)} noValidate>
      <h3>The client’s problems, in their own words</h3>
      {kept.banner}
      <p className="muted">
        Up to three. They stay the same from session to session, so the ratings can be compared; a problem you remove stays in the
        record of earlier ratings.
      </p>
      {[0, 1, 2].map((i) => (
        <TextField key={i} label={`Problem ${i + 1}`} error={errs[`problems.${i}.text`]} {...register(`problems.${i}.text`)} />
      ))}
      <FormError message={setProblems.isError ? errorMessage(setProblems.error) : null} />
      <div className="actions">
        <button type="submit" className="primary" disabled={setProblems.isPending}>
          Save problems
        </button>
        {canCancel ? (
          <button type="button" onClick={leave}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Ratings({
  clientId,
  sessionId,
  date,
  active,
  onSaved,
  onEdit,
}: {
  clientId: string;
  sessionId: string | null;
  date: string;
  active: MeasureProblem[];
  onSaved: (line: string) => void;
  onEdit: () => void;
}) {
  const [blank] = useState<string[]>(() => active.map(() => ''));
  const [values, setValues] = useState<string[]>(blank);
  // Ratings typed so far are kept (encrypted, in the vault) and offered back after a lock.
  const kept = useDraft(measureDraftKey(clientId, sessionId, 'idiographic'), values, blank, (v) =>
    setValues(active.map((_, i) => v[i] ?? '')),
  );
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const save = useRef<HTMLButtonElement>(null);
  const record = useRecordMeasure();
  const id = useId();
  useEffect(() => inputs.current[0]?.focus(), []);
  const ratings = values.map((v) => (v === '' ? null : Number(v)));
  const bad = ratings.findIndex((r) => r !== null && (!Number.isInteger(r) || r < 0 || r > 10));

  const submit = async () => {
    try {
      await record.mutateAsync({
        clientId,
        sessionId,
        measure: 'idiographic',
        administeredOn: date,
        answers: ratings,
        problemIds: active.map((p) => p.id),
        source: 'paper',
      });
      kept.discard();
      onSaved(
        `Own problems saved: ${active.map((p, i) => `${p.text} ${ratings[i] ?? 'blank'}`).join(', ')}${ratings.includes(null) ? ' (incomplete)' : ''}.`,
      );
    } catch {
      // The message shows above the button.
    }
  };

  return (
    <section className="measure-entry" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{IDIOGRAPHIC.title}</h3>
      {kept.banner}
      <p className="measure-stem">{IDIOGRAPHIC.stem}</p>
      <p className="measure-options" id={`${id}-scale`}>
        0 = {IDIOGRAPHIC.anchors.min.toLowerCase()} · 10 = {IDIOGRAPHIC.anchors.max.toLowerCase()}. Type the rating and press
        Enter.
      </p>
      <ol className="measure-items">
        {active.map((p, i) => (
          <li key={p.id} className="measure-item">
            <label htmlFor={`${id}-p${i}`}>
              {i + 1}. {p.text}
            </label>
            <input
              id={`${id}-p${i}`}
              ref={(el) => {
                inputs.current[i] = el;
              }}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={2}
              aria-describedby={`${id}-scale`}
              aria-invalid={bad === i || undefined}
              value={values[i]}
              onChange={(e) => setValues((v) => v.map((x, j) => (j === i ? e.target.value.replace(/\D/g, '') : x)))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (i + 1 < active.length) inputs.current[i + 1]?.focus();
                  else save.current?.focus();
                } else if (e.key === 'Backspace' && values[i] === '' && i > 0) {
                  e.preventDefault();
                  inputs.current[i - 1]?.focus();
                }
              }}
            />
            <span />
          </li>
        ))}
      </ol>
      <p className="field-error" role="alert">
        {bad >= 0 ? `Problem ${bad + 1}: please give a rating from 0 to 10.` : ''}
      </p>
      <FormError message={record.isError ? errorMessage(record.error) : null} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          ref={save}
          disabled={bad >= 0 || ratings.every((r) => r === null) || record.isPending}
          onClick={() => void submit()}
        >
          Save ratings
        </button>
        <button type="button" onClick={onEdit}>
          Edit problems
        </button>
      </div>
    </section>
  );
}
