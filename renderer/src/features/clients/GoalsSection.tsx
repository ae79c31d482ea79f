import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatDate } from '../../../../shared/dates';
import { GOAL_STATUS_LABELS, GOAL_STATUSES, type ClientDetail, type Goal } from '../../../../shared/domain';
import { Badge, type BadgeTone } from '../../components/Badge';
import { FormError, SelectField, TextArea, TextField } from '../../components/Field';
import { fieldsOf, formMessage, useFocusFirstInvalid } from '../../components/forms';
import { useSaveGoal } from '../../api/clients';

type GoalStatus = (typeof GOAL_STATUSES)[number];
const STATUS_TONES: Record<GoalStatus, BadgeTone> = { active: 'accent', met: 'ok', dropped: 'muted' };
const STATUS_OPTIONS = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }));

/** Treatment goals: listed with status and target date; added and edited in place. */
export function GoalsSection({ client }: { client: ClientDetail }) {
  // null: no form open; 'new': adding; otherwise the id of the goal being edited.
  const [editing, setEditing] = useState<string | null>(null);
  // Where focus goes when a form closes: the Add button, or the goal's Edit button.
  const [focusAfter, setFocusAfter] = useState<{ target: string } | null>(null);
  const section = useRef<HTMLElement>(null);

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
                <GoalForm clientId={client.id} goal={g} onDone={() => close(g.id)} />
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
    </section>
  );
}

function GoalForm({ clientId, goal, onDone }: { clientId: string; goal: Goal | null; onDone: () => void }) {
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [status, setStatus] = useState<GoalStatus>(goal?.status ?? 'active');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const save = useSaveGoal(clientId);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, save.error);
  const errs = fieldsOf(save.error, 'goal.');

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await save.mutateAsync({ id: goal?.id ?? null, goal: { title, description, status, targetDate } });
      onDone();
    } catch {
      // Shown next to the fields.
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    }
  };

  const label = goal ? 'Edit goal' : 'New goal';
  return (
    <form ref={form} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={label} className="inline-form">
      <FormError message={formMessage(save.error, ['title', 'description', 'status', 'targetDate'], 'goal.')} />
      <TextField
        label="Goal"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errs.title}
        maxLength={160}
        autoComplete="off"
        autoFocus
        hint={goal ? undefined : 'In the client’s words where you can, e.g. “Take the bus to work on my own”.'}
      />
      <TextArea
        label="Description (optional)"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errs.description}
        maxLength={2000}
        rows={3}
      />
      <div className="field-row">
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as GoalStatus)}
          options={STATUS_OPTIONS}
          error={errs.status}
        />
        <TextField
          label="Target date (optional)"
          type="date"
          value={targetDate}
          onChange={(e) => setTargetDate(e.target.value)}
          error={errs.targetDate}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : goal ? 'Save goal' : 'Add goal'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
