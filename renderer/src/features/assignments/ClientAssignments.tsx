import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDate } from '../../../../shared/dates';
import { ASSIGNMENT_STATE_LABELS, type Assignment } from '../../../../shared/domain';
import { frequencyLabel, PHASE_LABELS } from '../../../../shared/worksheet';
import { errorMessage } from '../../api/client';
import { ConfirmDialog } from '../../components/Dialog';
import { FormError } from '../../components/Field';
import { UndoNotice, type UndoMessage } from '../../components/UndoNotice';
import { useClient } from '../../api/clients';
import { useAssignments, useSetAssignmentStatus, type AssignmentStatus } from '../../api/assignments';
import { excerpt, STATE_ORDER } from './present';
import './assignments.css';

/** Location state after saving an assignment: which one to point out. */
export interface AssignedState {
  savedAssignment?: { id: string; message: string };
}

/** The Assignments tab: every assignment of the client, grouped by state, what needs attention first. */
export function ClientAssignments() {
  const { id = '' } = useParams();
  const location = useLocation();
  const client = useClient(id);
  const assignments = useAssignments(id);
  const setStatus = useSetAssignmentStatus();
  const saved = (location.state as AssignedState | null)?.savedAssignment;
  const [notice, setNotice] = useState<UndoMessage | null>(() => (saved ? { text: saved.message } : null));
  // From the client's Overview, a homework row opens here with focus on that assignment.
  const opened = (location.state as { openAssignment?: string } | null)?.openAssignment;
  const [focusId, setFocusId] = useState<{ id: string } | null>(() =>
    saved ? { id: saved.id } : opened ? { id: opened } : null,
  );
  const [discontinuing, setDiscontinuing] = useState<Assignment | null>(null);
  const list = useRef<HTMLDivElement>(null);

  // Bring the assignment just saved or just moved into view, with focus on it.
  useEffect(() => {
    if (!focusId || !assignments.data) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-assignment="${focusId.id}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }, [focusId, assignments.data]);

  const change = async (a: Assignment, status: AssignmentStatus, undoable: boolean) => {
    const before = a.status;
    try {
      await setStatus.mutateAsync({ id: a.id, status });
      const words = { completed: 'marked as completed', discontinued: 'discontinued', active: 'active again' }[status];
      setNotice({
        text: `“${a.title}” ${status === 'active' ? 'is' : 'was'} ${words}.`,
        ...(undoable
          ? {
              undo: () => {
                void change({ ...a, status }, before, false);
              },
            }
          : {}),
      });
      setFocusId({ id: a.id });
    } catch (e) {
      setNotice({ text: errorMessage(e) });
    }
  };

  if (assignments.isPending) return <p className="muted">Loading assignments…</p>;
  if (assignments.isError) return <FormError message={errorMessage(assignments.error)} />;

  const archived = client.data?.status === 'archived';
  const all = assignments.data;
  const groups = STATE_ORDER.map((state) => ({ state, items: all.filter((a) => a.state === state) })).filter(
    (g) => g.items.length,
  );

  return (
    <div ref={list} className="assignments-tab">
      <UndoNotice message={notice} onDismiss={() => setNotice(null)} />
      {all.length === 0 ? (
        <div className="empty">
          <h2>No homework yet</h2>
          <p>
            Choose a worksheet from the library and tailor it for this client: instructions, goal, how often, and when it is due.
          </p>
          {!archived ? (
            <Link className="button primary" to={`/clients/${id}/assign`}>
              Assign homework
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          <div className="tab-toolbar">
            <p className="muted">
              {all.length === 1 ? '1 assignment.' : `${all.length} assignments. Overdue and due-soon homework comes first.`}
            </p>
            {!archived ? (
              <Link className="button" to={`/clients/${id}/assign`}>
                Assign homework
              </Link>
            ) : null}
          </div>
          {groups.map((g) => (
            <section key={g.state} className={`assignment-group group-${g.state}`} aria-labelledby={`group-${g.state}`}>
              <h2 id={`group-${g.state}`}>
                {ASSIGNMENT_STATE_LABELS[g.state]} <span className="count">({g.items.length})</span>
              </h2>
              <ul className="plain-list">
                {g.items.map((a) => (
                  <li key={a.id}>
                    <AssignmentCard
                      a={a}
                      busy={setStatus.isPending}
                      onComplete={() => void change(a, 'completed', true)}
                      onDiscontinue={() => setDiscontinuing(a)}
                      onReactivate={() => void change(a, 'active', false)}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <ConfirmDialog
        open={!!discontinuing}
        title={`Discontinue “${discontinuing?.title ?? ''}”?`}
        confirmLabel="Discontinue"
        cancelLabel="Keep it active"
        danger
        busy={setStatus.isPending}
        onConfirm={() => {
          const a = discontinuing;
          setDiscontinuing(null);
          if (a) void change(a, 'discontinued', true);
        }}
        onCancel={() => setDiscontinuing(null)}
      >
        <p>
          It moves to Discontinued and leaves the client’s active homework. Nothing is deleted, and you can reactivate it later.
        </p>
      </ConfirmDialog>
    </div>
  );
}

interface CardProps {
  a: Assignment;
  busy: boolean;
  onComplete: () => void;
  onDiscontinue: () => void;
  onReactivate: () => void;
}

function AssignmentCard({ a, busy, onComplete, onDiscontinue, onReactivate }: CardProps) {
  const titleId = useId();
  const active = a.status === 'active';
  return (
    <article className={`assignment-card state-${a.state}`} aria-labelledby={titleId} data-assignment={a.id} tabIndex={-1}>
      <div className="assignment-head">
        <h3 id={titleId}>{a.title}</h3>
        <span className="muted version">version {a.worksheetVersion}</span>
      </div>
      <dl className="assignment-meta">
        <div>
          <dt>How often</dt>
          <dd>{frequencyLabel(a.frequency)}</dd>
        </div>
        <div>
          <dt>Starts</dt>
          <dd>{formatDate(a.startDate, undefined, 'medium')}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{a.dueDate ? formatDate(a.dueDate, undefined, 'medium') : <span className="muted">No due date</span>}</dd>
        </div>
        {a.step ? (
          <div>
            <dt>Difficulty</dt>
            <dd>
              Step {a.step.current} of {a.step.total}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Phase</dt>
          <dd>{PHASE_LABELS[a.phase]}</dd>
        </div>
        <div>
          <dt>Goal</dt>
          <dd>{a.goalTitle ?? <span className="muted">No particular goal</span>}</dd>
        </div>
      </dl>
      {a.personalInstructions ? (
        <p className="assignment-instructions">
          <span className="visually-hidden">Personal instructions: </span>
          {excerpt(a.personalInstructions)}
        </p>
      ) : null}
      {a.newerVersionAvailable ? (
        <p className="assignment-note">
          A newer version of this worksheet is available in the library. This assignment keeps version {a.worksheetVersion}.{' '}
          <Link to={`/assignments/${a.id}/version`} aria-describedby={titleId}>
            See what changed
          </Link>
        </p>
      ) : null}
      <div className="actions">
        {active ? (
          <button type="button" className="small" onClick={onComplete} disabled={busy} aria-describedby={titleId}>
            Mark completed
          </button>
        ) : (
          <button type="button" className="small" onClick={onReactivate} disabled={busy} aria-describedby={titleId}>
            Reactivate
          </button>
        )}
        <Link className="button small" to={`/print?assignment=${a.id}`} aria-describedby={titleId}>
          Print
        </Link>
        <Link className="button small" to={`/assignments/${a.id}/edit`} aria-describedby={titleId}>
          Edit tailoring
        </Link>
        {active ? (
          <button type="button" className="small" onClick={onDiscontinue} disabled={busy} aria-describedby={titleId}>
            Discontinue
          </button>
        ) : null}
      </div>
    </article>
  );
}
