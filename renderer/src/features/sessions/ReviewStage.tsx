import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { PlanInput, ReviewItem, SessionDetail } from '../../../../shared/contract';
import { addDays, formatDate } from '../../../../shared/dates';
import { TEXT_LIMITS } from '../../../../shared/limits';
import {
  COMPLETION_LABELS,
  COMPLETIONS,
  OBSTACLE_LABELS,
  OBSTACLES,
  PLAN_LABELS,
  PLANS,
  QUALITY_ANCHORS,
  reviewFieldsSchema,
  UNDERSTOOD,
  UNDERSTOOD_LABELS,
  type Completion,
  type Obstacle,
  type Plan,
  type ReviewFields,
  type Understood,
} from '../../../../shared/domain';
import { frequencyLabel, type Frequency } from '../../../../shared/worksheet';
import { errorMessage, fieldErrors } from '../../api/client';
import { useLibrary } from '../../api/library';
import { usePlanReview, useReviewItems, useSaveReview } from '../../api/sessions';
import { FieldMessages, FormError, TextArea, TextField } from '../../components/Field';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { useDraft, useKeptDrafts } from '../../components/useDraft';

/** Step 1 of session mode: the homework, one assignment at a time, oldest first. */
export function ReviewStage({ session, onDone }: { session: SessionDetail; onDone: () => void }) {
  const items = useReviewItems(session.id);
  if (items.isPending) return <p className="muted">Loading the homework to review…</p>;
  if (items.isError) return <FormError message={errorMessage(items.error)} />;
  if (items.data.length === 0) {
    return (
      <section className="card stage" aria-labelledby="review-title">
        <h2 id="review-title">Homework review</h2>
        <p>There is no homework to review in this session: nothing was active or due since the last session.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={onDone}>
            Next: Measures
          </button>
        </div>
      </section>
    );
  }
  return <ReviewSteps session={session} list={items.data} onDone={onDone} />;
}

function ReviewSteps({ session, list, onDone }: { session: SessionDetail; list: ReviewItem[]; onDone: () => void }) {
  // Resume at the first assignment not reviewed yet.
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      list.findIndex((i) => i.review === null),
    ),
  );
  // A review left unsaved when Stepwise locked: its homework is shown, to offer what was typed back.
  const kept = useKeptDrafts(`review:${session.id}:`);
  // (State adjusted while rendering, as React advises.)
  const [reopened, setReopened] = useState(false);
  if (kept && !reopened) {
    setReopened(true);
    const i = list.findIndex((x) => kept.includes(`review:${session.id}:${x.assignment.id}`));
    if (i >= 0) setIndex(i);
  }
  const at = Math.min(index, list.length - 1);
  const item = list[at]!;
  return (
    <ReviewForm
      key={item.assignment.id}
      session={session}
      item={item}
      position={at + 1}
      total={list.length}
      onPrevious={at > 0 ? () => setIndex(at - 1) : null}
      onNext={() => (at + 1 < list.length ? setIndex(at + 1) : onDone())}
    />
  );
}

interface FormState {
  completion: Completion | null;
  amountDone: string;
  amountExpected: string;
  quality: number | null;
  understood: Understood | null;
  rationaleBelief: string;
  obstacles: Obstacle[];
  obstacleOther: string;
  learning: string;
  plan: Plan | null;
  planNote: string;
  dueDate: string;
  stepCurrent: string;
  stepTotal: string;
  frequency: Frequency;
  instructions: string;
  worksheetId: string;
}

function initialState(item: ReviewItem): FormState {
  const r = item.review;
  const a = item.assignment;
  const p = item.proposal;
  return {
    completion: r?.completion ?? null,
    amountDone: r?.amountDone?.toString() ?? (p.records > 0 ? String(p.done) : ''),
    amountExpected: r?.amountExpected?.toString() ?? String(p.expected),
    quality: r?.quality ?? null,
    understood: r?.understood ?? null,
    rationaleBelief: r?.rationaleBelief?.toString() ?? '',
    obstacles: r?.obstacles ?? [],
    obstacleOther: r?.obstacleOther ?? '',
    learning: r?.learning ?? '',
    plan: r?.plan ?? null,
    planNote: r?.planNote ?? '',
    dueDate: '',
    // Modify: one step up from where the client is, prefilled.
    stepCurrent: a.step ? String(Math.min(a.step.current + 1, a.step.total)) : '',
    stepTotal: a.step ? String(a.step.total) : '',
    frequency: a.frequency,
    instructions: a.personalInstructions ?? '',
    worksheetId: '',
  };
}

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** Digit keys pick a choice inside a group of choices: `pick(n)` returns whether n was one. */
function digitKeys(pick: (n: number) => boolean) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[0-9]$/.test(e.key)) return;
    if (pick(Number(e.key))) e.preventDefault();
  };
}

function ReviewForm({
  session,
  item,
  position,
  total,
  onPrevious,
  onNext,
}: {
  session: SessionDetail;
  item: ReviewItem;
  position: number;
  total: number;
  onPrevious: (() => void) | null;
  onNext: () => void;
}) {
  const [initial] = useState<FormState>(() => initialState(item));
  const [f, setF] = useState<FormState>(initial);
  // Unsaved contents are kept (encrypted, in the vault) while typing, and offered back after a lock.
  const kept = useDraft<FormState>(`review:${session.id}:${item.assignment.id}`, f, initial, setF);
  const unsaved = useUnsavedChanges(
    JSON.stringify(f) !== JSON.stringify(initial),
    `the review of “${item.assignment.title}”`,
    kept.discard,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveReview();
  const planReview = usePlanReview();
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const a = item.assignment;
  const planDone = item.review?.plan != null && (a.status !== 'active' || item.review.nextAssignmentId !== null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async () => {
    setFormError(null);
    const review: ReviewFields = {
      completion: f.completion,
      amountDone: num(f.amountDone),
      amountExpected: num(f.amountExpected),
      quality: f.quality,
      understood: f.understood,
      rationaleBelief: num(f.rationaleBelief),
      obstacles: f.obstacles,
      obstacleOther: f.obstacles.includes('other') ? f.obstacleOther : null,
      learning: f.learning,
    };
    const checked = reviewFieldsSchema.safeParse(review);
    if (!checked.success) {
      const out: Record<string, string> = {};
      for (const i of checked.error.issues) out[i.path.join('.')] ??= i.message;
      setErrors(out);
      setFormError(
        Object.keys(out).length === 1 ? 'Please check the field marked below.' : 'Please check the fields marked below.',
      );
      return;
    }
    if (!planDone && f.plan === 'discontinued' && !f.planNote.trim()) {
      setErrors({ note: 'Please say why this homework is discontinued (a few words are enough).' });
      setFormError('Please check the field marked below.');
      return;
    }
    try {
      await save.mutateAsync({ sessionId: session.id, assignmentId: a.id, review });
      if (!planDone && f.plan) await planReview.mutateAsync(planInput(session, item, f));
      setErrors({});
      unsaved.saved();
      kept.discard();
      onNext();
    } catch (e) {
      const fe = fieldErrors(e);
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(fe)) mapped[k.replace(/^review\./, '').replace(/^next\./, 'next.')] = v;
      setErrors(mapped);
      setFormError(errorMessage(e));
    }
  };

  // Enter saves and goes on (Ctrl+Enter inside a text box, where Enter makes a new line).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey)) return;
    if (target.tagName === 'BUTTON' || target.tagName === 'A' || target.tagName === 'SELECT') return;
    e.preventDefault();
    void submit();
  };

  const busy = save.isPending || planReview.isPending;
  const p = item.proposal;
  // The period runs up to the day before this session.
  const period = `${formatDate(p.from, undefined, 'medium')} – ${formatDate(p.to > p.from ? addDays(p.to, -1) : p.to, undefined, 'medium')}`;
  const unit = a.frequency.kind === 'daily' ? 'days' : 'times';

  return (
    <form
      className="card stage review-form"
      aria-labelledby="review-title"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="review-count muted">
        Homework {position} of {total}
      </p>
      <h2 id="review-title" tabIndex={-1} ref={heading}>
        {a.title}
        {a.step ? (
          <span className="h2-aside">
            {' '}
            — step {a.step.current} of {a.step.total}
          </span>
        ) : null}
      </h2>
      {kept.banner}
      <p className="muted review-meta">
        {frequencyLabel(a.frequency)} · since {formatDate(a.startDate, undefined, 'medium')}
        {a.dueDate ? ` · due ${formatDate(a.dueDate, undefined, 'medium')}` : ''}
      </p>
      {a.personalInstructions ? <p className="review-instructions">“{a.personalInstructions}”</p> : null}
      <p className="keys-hint muted">
        Keyboard: Tab between questions, number keys choose, <kbd>Enter</kbd> saves and goes to the next homework.
      </p>
      <FormError message={formError} />

      <Choices
        legend="Completion"
        hint="Keys 1–4"
        options={COMPLETIONS.map((c, i) => ({ value: c, label: COMPLETION_LABELS[c], key: i + 1 }))}
        value={f.completion}
        onChange={(v) => set('completion', v)}
        error={errors.completion}
      />

      <fieldset className="amount">
        <legend>How much</legend>
        <div className="amount-row">
          <TextField
            label="Done"
            inputMode="numeric"
            className="narrow"
            value={f.amountDone}
            error={errors.amountDone}
            onChange={(e) => set('amountDone', e.target.value.replace(/\D/g, ''))}
          />
          <span className="amount-of">of</span>
          <TextField
            label={`Asked (${unit})`}
            inputMode="numeric"
            className="narrow"
            value={f.amountExpected}
            error={errors.amountExpected}
            onChange={(e) => set('amountExpected', e.target.value.replace(/\D/g, ''))}
          />
        </div>
        <p className="field-hint suggestion">
          {p.records > 0
            ? `Suggested from ${p.records} practice record${p.records === 1 ? '' : 's'} entered for ${period}: ${p.done} of ${p.expected} ${unit}.`
            : `No practice records entered for ${period}; the frequency asked for ${p.expected} ${unit}.`}
        </p>
      </fieldset>

      <Choices
        legend="Quality of engagement"
        hint="Keys 0–4"
        look="scale"
        options={QUALITY_ANCHORS.map((q) => ({ value: q.value, label: q.label, key: q.value }))}
        value={f.quality}
        onChange={(v) => set('quality', v)}
        error={errors.quality}
      />

      <Choices
        legend="Did the client understand the task?"
        hint="Keys 1–3"
        options={UNDERSTOOD.map((u, i) => ({ value: u, label: UNDERSTOOD_LABELS[u], key: i + 1 }))}
        value={f.understood}
        onChange={(v) => set('understood', v)}
        error={errors.understood}
      />

      <TextField
        label="Belief in the rationale (0–100 %)"
        inputMode="numeric"
        className="narrow"
        hint="How far the client believes the task will help."
        value={f.rationaleBelief}
        error={errors.rationaleBelief}
        onChange={(e) => set('rationaleBelief', e.target.value.replace(/\D/g, '').slice(0, 3))}
      />

      <fieldset className="obstacles">
        <legend>What got in the way (several may apply)</legend>
        <div className="checks">
          {OBSTACLES.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                checked={f.obstacles.includes(o)}
                onChange={(e) => set('obstacles', e.target.checked ? [...f.obstacles, o] : f.obstacles.filter((x) => x !== o))}
              />
              <span>{OBSTACLE_LABELS[o]}</span>
            </label>
          ))}
        </div>
        {f.obstacles.includes('other') ? (
          <TextField
            label="Other obstacle"
            limit={TEXT_LIMITS.line}
            value={f.obstacleOther}
            error={errors.obstacleOther}
            onChange={(e) => set('obstacleOther', e.target.value)}
          />
        ) : null}
      </fieldset>

      <TextArea
        label="What the client learned (their words)"
        rows={3}
        limit={TEXT_LIMITS.long}
        value={f.learning}
        error={errors.learning}
        onChange={(e) => set('learning', e.target.value)}
      />

      {planDone ? (
        <div className="plan-done">
          <h3>Plan</h3>
          <p>
            Carried out: <strong>{PLAN_LABELS[item.review!.plan!]}</strong>
            {item.review?.planNote ? ` — ${item.review.planNote}` : ''}. To change it, edit the homework itself on the{' '}
            <Link to={`/clients/${session.clientId}/assignments`}>Assignments tab</Link>.
          </p>
        </div>
      ) : (
        <PlanFields item={item} f={f} set={set} errors={errors} />
      )}

      <div className="actions review-actions">
        {onPrevious ? (
          <button type="button" onClick={() => unsaved.confirmLeave(onPrevious)} disabled={busy}>
            Previous homework
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : position < total ? 'Save and next homework' : 'Save and go to measures'}
        </button>
      </div>
    </form>
  );
}

function planInput(session: SessionDetail, item: ReviewItem, f: FormState): PlanInput {
  const base = { sessionId: session.id, assignmentId: item.assignment.id, plan: f.plan! };
  const step =
    f.stepCurrent && f.stepTotal
      ? { current: Number(f.stepCurrent), total: Number(f.stepTotal) }
      : item.assignment.step
        ? null
        : undefined;
  switch (f.plan) {
    case 'continue':
      return { ...base, ...(f.dueDate ? { next: { dueDate: f.dueDate } } : {}) };
    case 'modify':
      return {
        ...base,
        note: f.planNote || null,
        next: { step, frequency: f.frequency, personalInstructions: f.instructions, dueDate: f.dueDate || null },
      };
    case 'replace':
      return {
        ...base,
        note: f.planNote || null,
        next: { worksheetId: f.worksheetId || undefined, frequency: f.frequency, dueDate: f.dueDate || null },
      };
    default:
      return { ...base, note: f.planNote || null };
  }
}

function PlanFields({
  item,
  f,
  set,
  errors,
}: {
  item: ReviewItem;
  f: FormState;
  set: <K extends keyof FormState>(k: K, v: FormState[K]) => void;
  errors: Record<string, string>;
}) {
  const library = useLibrary({});
  const a = item.assignment;
  return (
    <div className="plan">
      <Choices
        legend="The plan"
        hint="Keys 1–5"
        options={PLANS.map((p, i) => ({ value: p, label: PLAN_LABELS[p], key: i + 1 }))}
        value={f.plan}
        onChange={(v) => set('plan', v)}
        error={errors.plan}
      />
      {f.plan === 'continue' ? (
        <TextField
          label="New due date (optional)"
          type="date"
          className="narrow"
          value={f.dueDate}
          error={errors['next.dueDate']}
          onChange={(e) => set('dueDate', e.target.value)}
        />
      ) : null}
      {f.plan === 'modify' ? (
        <div className="plan-details">
          <p className="field-hint">A new assignment follows this one, so the steps stay visible as a chain.</p>
          {a.step ? (
            <div className="amount-row">
              <TextField
                label="Step"
                inputMode="numeric"
                className="narrow"
                value={f.stepCurrent}
                error={errors['next.step.current']}
                onChange={(e) => set('stepCurrent', e.target.value.replace(/\D/g, ''))}
              />
              <span className="amount-of">of</span>
              <TextField
                label="Steps in all"
                inputMode="numeric"
                className="narrow"
                value={f.stepTotal}
                error={errors['next.step.total']}
                onChange={(e) => set('stepTotal', e.target.value.replace(/\D/g, ''))}
              />
            </div>
          ) : null}
          <FrequencyField value={f.frequency} onChange={(v) => set('frequency', v)} />
          <TextArea
            label="Instructions for the next step"
            rows={2}
            limit={TEXT_LIMITS.long}
            value={f.instructions}
            error={errors['next.personalInstructions']}
            onChange={(e) => set('instructions', e.target.value)}
          />
          <TextField
            label="Due date (optional)"
            type="date"
            className="narrow"
            value={f.dueDate}
            error={errors['next.dueDate']}
            onChange={(e) => set('dueDate', e.target.value)}
          />
        </div>
      ) : null}
      {f.plan === 'replace' ? (
        <div className="plan-details">
          <div className={`field${errors['next.worksheetId'] ? ' field-invalid' : ''}`}>
            <label htmlFor="replace-worksheet">Worksheet to use instead</label>
            <select id="replace-worksheet" value={f.worksheetId} onChange={(e) => set('worksheetId', e.target.value)}>
              <option value="">Choose a worksheet…</option>
              {(library.data ?? [])
                .filter((w) => !w.archived)
                .map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.title}
                  </option>
                ))}
            </select>
            <FieldMessages error={errors['next.worksheetId']} errorId="replace-worksheet-error" />
          </div>
          <FrequencyField value={f.frequency} onChange={(v) => set('frequency', v)} />
        </div>
      ) : null}
      {f.plan === 'discontinued' || f.plan === 'modify' || f.plan === 'replace' ? (
        <TextField
          label={f.plan === 'discontinued' ? 'Why it is discontinued' : 'Note on the plan (optional)'}
          limit={TEXT_LIMITS.long}
          value={f.planNote}
          error={errors.note}
          onChange={(e) => set('planNote', e.target.value)}
        />
      ) : null}
    </div>
  );
}

function FrequencyField({ value, onChange }: { value: Frequency; onChange: (f: Frequency) => void }) {
  const kind = value.kind === 'weekly' ? `weekly-${value.times}` : value.kind;
  const options = [
    { value: 'once', label: 'Once' },
    { value: 'daily', label: 'Every day' },
    ...[1, 2, 3, 4, 5].map((n) => ({ value: `weekly-${n}`, label: n === 1 ? 'Once a week' : `${n} times a week` })),
  ];
  return (
    <div className="field narrow-select">
      <label htmlFor="plan-frequency">How often</label>
      <select
        id="plan-frequency"
        value={kind}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === 'once' || v === 'daily' ? { kind: v } : { kind: 'weekly', times: Number(v.split('-')[1]) });
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radio buttons, each with its number key shown; digits choose while focus is in the group. */
function Choices<T extends string | number>({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  look = 'list',
}: {
  legend: string;
  hint: ReactNode;
  options: readonly { value: T; label: string; key: number }[];
  value: T | null;
  onChange: (v: T) => void;
  error?: string | undefined;
  look?: 'list' | 'scale';
}) {
  const name = useId();
  const onKey = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const group = e.currentTarget;
    digitKeys((n) => {
      const o = options.find((x) => x.key === n);
      if (!o) return false;
      onChange(o.value);
      // Focus follows the choice, as the arrow keys do.
      group.querySelector<HTMLInputElement>(`input[value="${String(o.value)}"]`)?.focus();
      return true;
    })(e);
  };
  return (
    <fieldset className={`choices choices-${look}${error ? ' field-invalid' : ''}`} onKeyDown={onKey}>
      <legend>
        {legend} <span className="keys muted">({hint})</span>
      </legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={String(o.value)} className={o.value === value ? 'checked' : undefined}>
            <input
              type="radio"
              name={name}
              value={String(o.value)}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span className="choice-key" aria-hidden="true">
              {o.key}
            </span>
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages error={error} errorId={error ? `${name}-error` : undefined} />
    </fieldset>
  );
}
