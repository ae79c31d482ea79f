import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { PAST_TARGET_QUESTION, todayIso } from '../../../../shared/dateBounds';
import { formatDate } from '../../../../shared/dates';
import { TEXT_LIMITS } from '../../../../shared/limits';
import {
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  goalInputSchema,
  type ClientDetail,
  type Goal,
  type GoalInput,
} from '../../../../shared/domain';
import { Badge, type BadgeTone } from '../../components/Badge';
import { ConfirmDialog } from '../../components/Dialog';
import { FormError, SelectField, TextArea, TextField } from '../../components/Field';
import { checkFields, errorMessages, formMessage, showServerErrors, useFocusAfterFailedSubmit } from '../../components/forms';
import { useDeleteGoal, useSaveGoal } from '../../api/clients';
import { ApiError, errorMessage } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { useDraft, useKeptDrafts } from '../../components/useDraft';
import './clients.css';

type GoalStatus = (typeof GOAL_STATUSES)[number];
const STATUS_TONES: Record<GoalStatus, BadgeTone> = { active: 'accent', met: 'ok', dropped: 'muted' };
const STATUS_OPTIONS = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }));
const GOAL_FIELDS = Object.keys(goalInputSchema.shape);
type GoalOutput = z.output<typeof goalInputSchema>;

/** Treatment goals: listed with status and target date; added and edited in place. */
export function GoalsSection({ client }: { client: ClientDetail }) {
  // null: no form open; 'new': adding; otherwise the id of the goal being edited.
  const [editing, setEditing] = useState<string | null>(null);
  // Where focus goes when a form closes: the Add button, or the goal's Edit button.
  const [focusAfter, setFocusAfter] = useState<{ target: string } | null>(null);
  const [deleting, setDeleting] = useState<Goal | null>(null);
  const section = useRef<HTMLElement>(null);
  // A goal form left open when Stepwise locked opens again, to offer what was typed back.
  const kept = useKeptDrafts(`goal:${client.id}:`);
  // (State adjusted while rendering, as React advises.)
  const [reopened, setReopened] = useState(false);
  if (kept && !reopened) {
    setReopened(true);
    const id = kept[0]?.slice(`goal:${client.id}:`.length);
    if (id === 'new' || client.goals.some((g) => g.id === id)) setEditing(id ?? null);
  }

  useEffect(() => {
    if (!focusAfter) return;
    section.current?.querySelector<HTMLElement>(`[data-focus-target="${focusAfter.target}"]`)?.focus();
  }, [focusAfter]);

  const close = (target: string) => {
    setEditing(null);
    setFocusAfter({ target });
  };

  const goals = client.goals;
  return (
    <section className="card" aria-labelledby="goals-title" ref={section}>
      <div className="card-header">
        <h2 id="goals-title">Treatment goals</h2>
        {editing !== 'new' ? (
          <button type="button" className="small" data-focus-target="add" onClick={() => setEditing('new')}>
            Add a goal
          </button>
        ) : null}
      </div>
      {goals.length === 0 && editing !== 'new' ? (
        <p className="muted">No goals yet. Add the goals you agreed with the client, so that homework can serve them.</p>
      ) : null}
      {goals.length > 0 ? (
        <ul className="plain-list goal-list">
          {goals.map((g) =>
            editing === g.id ? (
              <li key={g.id} className="goal-editing">
                <GoalForm clientId={client.id} goal={g} onDone={() => close(g.id)} onDelete={() => setDeleting(g)} />
              </li>
            ) : (
              <li key={g.id} className="goal">
                <div className="goal-head">
                  <h3 className="goal-title">{g.title}</h3>
                  <Badge tone={STATUS_TONES[g.status]}>{GOAL_STATUS_LABELS[g.status]}</Badge>
                  <button
                    type="button"
                    className="small goal-edit"
                    data-focus-target={g.id}
                    aria-label={`Edit goal: ${g.title}`}
                    onClick={() => setEditing(g.id)}
                  >
                    Edit
                  </button>
                </div>
                {g.targetDate ? <p className="muted goal-target">Target date {formatDate(g.targetDate)}</p> : null}
                {g.description ? <p className="prewrap">{g.description}</p> : null}
              </li>
            ),
          )}
        </ul>
      ) : null}
      {editing === 'new' ? (
        <div className="goal-editing">
          <GoalForm clientId={client.id} goal={null} onDone={() => close('add')} />
        </div>
      ) : null}
      {deleting ? (
        <DeleteGoalDialog
          clientId={client.id}
          goal={deleting}
          onClose={() => setDeleting(null)}
          onDone={(kept) => {
            setDeleting(null);
            close(kept ? deleting.id : 'add');
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * Deleting a goal: asked once. When records point to it (homework serves it), the core refuses
 * and says why; the dialog then offers to mark it as dropped instead, which keeps the history.
 */
function DeleteGoalDialog({
  clientId,
  goal,
  onClose,
  onDone,
}: {
  clientId: string;
  goal: Goal;
  onClose: () => void;
  /** `kept`: the goal is still there (marked as dropped). */
  onDone: (kept: boolean) => void;
}) {
  const del = useDeleteGoal(clientId);
  const save = useSaveGoal(clientId);
  const refused = del.error instanceof ApiError && del.error.code === 'CONFLICT';
  const failed = (del.isError && !refused) || save.isError;
  // When the core refuses, the offer replaces the Delete button: focus moves to it.
  const offer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refused) offer.current?.focus();
  }, [refused]);

  const remove = async () => {
    try {
      await del.mutateAsync({ id: goal.id });
      onDone(false);
    } catch {
      // Said in the dialog.
    }
  };
  const drop = async () => {
    try {
      const { title, description, targetDate } = goal;
      await save.mutateAsync({ id: goal.id, goal: { title, description, targetDate, status: 'dropped' } });
      onDone(true);
    } catch {
      // Said in the dialog.
    }
  };

  return (
    <Dialog open title={`Delete the goal “${goal.title}”?`} onClose={onClose} role="alertdialog" className="confirm">
      <div className="dialog-body">
        {refused ? <p role="alert">{errorMessage(del.error)}</p> : <p>The goal is removed for good. This cannot be undone.</p>}
      </div>
      {failed ? (
        <div className="form-error" role="alert">
          {errorMessage(save.error ?? del.error)}
        </div>
      ) : null}
      <div className="actions dialog-actions">
        {refused ? (
          <button type="button" className="primary" ref={offer} onClick={() => void drop()} disabled={save.isPending}>
            Mark as dropped
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => void remove()} disabled={del.isPending}>
            Delete goal
          </button>
        )}
        <button type="button" onClick={onClose} data-autofocus>
          Keep it
        </button>
      </div>
    </Dialog>
  );
}

function GoalForm({
  clientId,
  goal,
  onDone,
  onDelete,
}: {
  clientId: string;
  goal: Goal | null;
  onDone: () => void;
  onDelete?: () => void;
}) {
  const save = useSaveGoal(clientId);
  const [initial] = useState<GoalInput>(() => ({
    title: goal?.title ?? '',
    description: goal?.description ?? '',
    status: goal?.status ?? 'active',
    targetDate: goal?.targetDate ?? '',
  }));
  const { register, handleSubmit, setError, formState, control, reset } = useForm<
    GoalInput,
    unknown,
    z.output<typeof goalInputSchema>
  >({
    defaultValues: initial,
    resolver: zodResolver(goalInputSchema),
    shouldFocusError: false,
  });
  const form = useRef<HTMLFormElement>(null);
  const onRefused = useFocusAfterFailedSubmit(form, formState.submitCount);
  const errs = errorMessages(formState.errors);
  // Unsaved contents are kept (encrypted, in the vault) while typing, and offered back after a lock.
  const values = useWatch({ control }) as GoalInput;
  const draft = useDraft<GoalInput>(`goal:${clientId}:${goal?.id ?? 'new'}`, values, initial, (v) =>
    reset(v, { keepDefaultValues: true }),
  );
  const unsaved = useUnsavedChanges(
    formState.isDirty || JSON.stringify(values) !== JSON.stringify(initial),
    goal ? 'this goal' : 'the new goal',
    draft.discard,
  );
  // An active goal's target date in the past asks once (a slip of the year, or a goal carried on).
  const [pastTarget, setPastTarget] = useState<GoalOutput | null>(null);
  const [pastAccepted, setPastAccepted] = useState<string | null>(null);
  const cancel = () => unsaved.confirmLeave(onDone);

  const submit = handleSubmit(
    async (input) => {
      const t = input.targetDate;
      if (t && input.status === 'active' && t < todayIso() && t !== goal?.targetDate && pastAccepted !== t) {
        setPastTarget(input);
        return;
      }
      await saveGoal(input);
    },
    () => {
      save.reset();
    },
  );

  const saveGoal = async (input: GoalOutput) => {
    try {
      await save.mutateAsync({ id: goal?.id ?? null, goal: input });
      unsaved.saved();
      draft.discard();
      onDone();
    } catch (e) {
      // Shown next to the fields.
      showServerErrors(setError, e, 'goal.');
      onRefused();
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  const label = goal ? 'Edit goal' : 'New goal';
  return (
    <form ref={form} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={label} className="inline-form">
      {draft.banner}
      <FormError message={save.error ? formMessage(save.error, GOAL_FIELDS, 'goal.') : checkFields(Object.keys(errs).length)} />
      <TextField
        label="Goal"
        {...register('title')}
        error={errs.title}
        limit={TEXT_LIMITS.line}
        autoComplete="off"
        autoFocus
        hint={goal ? undefined : 'In the client’s words where you can, e.g. “Take the bus to work on my own”.'}
      />
      <TextArea
        label="Description (optional)"
        {...register('description')}
        error={errs.description}
        limit={TEXT_LIMITS.long}
        rows={3}
      />
      <div className="field-row">
        <SelectField label="Status" {...register('status')} options={STATUS_OPTIONS} error={errs.status} />
        <TextField label="Target date (optional)" type="date" {...register('targetDate')} error={errs.targetDate} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : goal ? 'Save goal' : 'Add goal'}
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        {goal && onDelete ? (
          <button type="button" className="danger goal-delete" onClick={onDelete}>
            Delete goal…
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={!!pastTarget}
        title={PAST_TARGET_QUESTION}
        confirmLabel="Save anyway"
        cancelLabel="Change the date"
        onConfirm={() => {
          if (!pastTarget) return;
          setPastAccepted(pastTarget.targetDate);
          setPastTarget(null);
          void saveGoal(pastTarget);
        }}
        onCancel={() => setPastTarget(null)}
      >
        <p>
          The target date {pastTarget?.targetDate ? formatDate(pastTarget.targetDate) : ''} has already passed, and the goal is
          still active.
        </p>
      </ConfirmDialog>
    </form>
  );
}
