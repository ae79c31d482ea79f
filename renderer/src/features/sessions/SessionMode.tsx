import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SessionDetail } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import {
  ATTENDANCE,
  ATTENDANCE_LABELS,
  MODALITIES,
  MODALITY_LABELS,
  SESSION_STAGE_LABELS,
  SESSION_STAGES,
  type SessionStage,
} from '../../../../shared/domain';
import { frequencyLabel } from '../../../../shared/worksheet';
import { useAssignments } from '../../api/assignments';
import { errorMessage } from '../../api/client';
import { useFinishSession, useReopenSession, useSession, useUpdateSession } from '../../api/sessions';
import { FormError, SelectField, TextArea, TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useAutosave } from './autosave';
import { ReviewStage } from './ReviewStage';
import { MeasuresStage } from '../measures';
import './sessions.css';

/** /clients/:id/sessions/:sid — session mode: five stages, saved as it goes, resumed where it stopped. */
export function SessionMode() {
  const { sid = '' } = useParams();
  const session = useSession(sid);
  if (session.isPending) return <p className="loading">Loading the session…</p>;
  if (session.isError) {
    return (
      <section className="page">
        <Link className="back-link" to="/clients">
          All clients
        </Link>
        <FormError message={errorMessage(session.error)} />
      </section>
    );
  }
  return <SessionShell key={session.data.id} session={session.data} />;
}

function SessionShell({ session }: { session: SessionDetail }) {
  const update = useUpdateSession();
  const [stage, setStage] = useState<SessionStage>(session.stage);
  const index = SESSION_STAGES.indexOf(stage);
  const name = session.clientPreferredName ?? session.clientName;

  const go = (next: SessionStage) => {
    setStage(next);
    if (next !== session.stage) update.mutate({ id: session.id, stage: next });
    window.scrollTo?.(0, 0);
  };

  return (
    <section className="page session-mode" aria-labelledby="session-title">
      <Link className="back-link" to={`/clients/${session.clientId}/sessions`}>
        {session.clientName}: sessions
      </Link>
      <header className="page-header">
        <div>
          <PageHeading id="session-title" focusKey={session.id}>
            Session {session.number} with {name}
          </PageHeading>
          <p className="muted">
            {formatDate(session.date)}
            {session.time ? `, ${session.time}` : ''}
            {session.previousDate
              ? ` · last session ${formatDate(session.previousDate, undefined, 'medium')}`
              : ' · first session'}
            {session.finishedAt ? ' · finished' : ''}
          </p>
        </div>
      </header>
      <nav aria-label="Session stages" className="stepper">
        <ol>
          {SESSION_STAGES.map((s, i) => (
            <li key={s} className={i < index ? 'done' : undefined}>
              <button type="button" aria-current={s === stage ? 'step' : undefined} onClick={() => go(s)}>
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                {SESSION_STAGE_LABELS[s]}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="stage-panel">
        {stage === 'review' ? <ReviewStage session={session} onDone={() => go('measures')} /> : null}
        {stage === 'measures' ? <MeasuresStage session={session} /> : null}
        {stage === 'notes' ? <NotesStage session={session} /> : null}
        {stage === 'homework' ? <HomeworkStage session={session} /> : null}
        {stage === 'finish' ? <FinishStage session={session} /> : null}
      </div>
      {stage !== 'review' ? (
        <div className="actions stage-nav">
          <button type="button" onClick={() => go(SESSION_STAGES[index - 1]!)}>
            Back: {SESSION_STAGE_LABELS[SESSION_STAGES[index - 1]!]}
          </button>
          {index < SESSION_STAGES.length - 1 ? (
            <button type="button" className="primary" onClick={() => go(SESSION_STAGES[index + 1]!)}>
              Next: {SESSION_STAGE_LABELS[SESSION_STAGES[index + 1]!]}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function NotesStage({ session }: { session: SessionDetail }) {
  const [notes, setNotes] = useState(session.notes ?? '');
  const [takeaways, setTakeaways] = useState(session.takeaways ?? '');
  const save = useAutosave(session.id);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  return (
    <section className="card stage" aria-labelledby="notes-title">
      <div className="stage-head">
        <h2 id="notes-title">Notes</h2>
        <p className={`save-state save-${save.state}`} role="status" aria-live="polite">
          {save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'Saved' : save.state === 'error' ? '' : ''}
        </p>
      </div>
      <FormError message={save.error} />
      <TextArea
        ref={first}
        label="Your notes (private)"
        hint="Only for you. Never printed on anything for the client."
        rows={8}
        value={notes}
        error={save.fieldErrors['fields.notes']}
        onChange={(e) => {
          setNotes(e.target.value);
          save.queue({ notes: e.target.value });
        }}
      />
      <TextArea
        label="What the client takes away (their words)"
        hint="Goes on the session handout."
        rows={4}
        value={takeaways}
        error={save.fieldErrors['fields.takeaways']}
        onChange={(e) => {
          setTakeaways(e.target.value);
          save.queue({ takeaways: e.target.value });
        }}
      />
      <SessionDetailsFields session={session} save={save} />
    </section>
  );
}

/** Date, time, length, attendance and how you met: saved as each one changes. */
function SessionDetailsFields({ session, save }: { session: SessionDetail; save: ReturnType<typeof useAutosave> }) {
  const [date, setDate] = useState(session.date);
  const [time, setTime] = useState(session.time ?? '');
  const [minutes, setMinutes] = useState(session.durationMinutes?.toString() ?? '');
  return (
    <fieldset className="session-details">
      <legend>Session details</legend>
      <div className="details-grid">
        <TextField
          label="Date"
          type="date"
          value={date}
          error={save.fieldErrors['date'] ?? save.fieldErrors['fields.date']}
          onChange={(e) => setDate(e.target.value)}
          onBlur={() => date !== session.date && save.now({ date })}
        />
        <TextField
          label="Time"
          type="time"
          value={time}
          error={save.fieldErrors['fields.time']}
          onChange={(e) => setTime(e.target.value)}
          onBlur={() => save.now({ time: time || null })}
        />
        <TextField
          label="Length (minutes)"
          inputMode="numeric"
          value={minutes}
          error={save.fieldErrors['fields.durationMinutes']}
          onChange={(e) => setMinutes(e.target.value.replace(/\D/g, ''))}
          onBlur={() => save.now({ durationMinutes: minutes ? Number(minutes) : null })}
        />
        <SelectField
          label="Attendance"
          defaultValue={session.attendance}
          options={ATTENDANCE.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))}
          onChange={(e) => save.now({ attendance: e.target.value as (typeof ATTENDANCE)[number] })}
        />
        <SelectField
          label="How you met"
          defaultValue={session.modality}
          options={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABELS[m] }))}
          onChange={(e) => save.now({ modality: e.target.value as (typeof MODALITIES)[number] })}
        />
      </div>
    </fieldset>
  );
}

function HomeworkStage({ session }: { session: SessionDetail }) {
  const assignments = useAssignments(session.clientId);
  const active = (assignments.data ?? []).filter((a) => a.status === 'active');
  return (
    <section className="card stage" aria-labelledby="homework-title">
      <h2 id="homework-title">New homework</h2>
      <p>
        Homework changed in the review (a next step, a replacement) is already listed below. To give something new, choose a
        worksheet and tailor it; then come back here from the client’s Sessions tab.
      </p>
      <p className="actions">
        <Link className="button primary" to={`/clients/${session.clientId}/assign`}>
          Assign homework
        </Link>
        <Link className="button" to={`/clients/${session.clientId}/assignments`}>
          All of {session.clientPreferredName ?? session.clientName}’s homework
        </Link>
      </p>
      <h3>Active now</h3>
      <FormError message={assignments.isError ? errorMessage(assignments.error) : null} />
      {assignments.isSuccess && active.length === 0 ? <p className="muted">No active homework.</p> : null}
      <ul className="active-homework">
        {active.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong>
            {a.step ? ` — step ${a.step.current} of ${a.step.total}` : ''}
            <span className="muted">
              {' '}
              · {frequencyLabel(a.frequency)}
              {a.dueDate ? ` · due ${formatDate(a.dueDate, undefined, 'medium')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FinishStage({ session }: { session: SessionDetail }) {
  const finish = useFinishSession();
  const reopen = useReopenSession();
  const finished = session.finishedAt !== null;
  return (
    <section className="card stage" aria-labelledby="finish-title">
      <h2 id="finish-title">Finish</h2>
      {finished ? (
        <p className="notice">This session is finished. Its notes and reviews are saved.</p>
      ) : (
        <p>Everything is already saved. Mark the session finished when you are done; you can reopen it to correct it later.</p>
      )}
      <FormError message={finish.isError ? errorMessage(finish.error) : reopen.isError ? errorMessage(reopen.error) : null} />
      <div className="actions">
        {finished ? (
          <button type="button" onClick={() => reopen.mutate(session.id)} disabled={reopen.isPending}>
            Reopen to correct
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => finish.mutate(session.id)} disabled={finish.isPending}>
            Mark session finished
          </button>
        )}
        <Link className="button" to={`/print?handout=${session.id}`}>
          Print handout
        </Link>
        <Link className="button" to={`/print?client=${session.clientId}`}>
          Print packet
        </Link>
      </div>
    </section>
  );
}
