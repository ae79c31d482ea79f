import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../shared/dates';
import type { ClientDetail } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { FormError } from '../../components/Field';
import { useAssignments } from '../../api/assignments';
import { dueText, StateBadge } from '../../components/AssignmentState';
import { useClient } from '../../api/clients';
import { GoalsSection } from './GoalsSection';
import './clients.css';

/** The Overview tab: details, treatment goals, active homework, last session. */
export function ClientOverview() {
  const { id = '' } = useParams();
  const client = useClient(id);
  if (!client.data) return null;
  const c = client.data;
  return (
    <div className="overview-grid">
      <div className="overview-main">
        <GoalsSection client={c} />
        <ActiveHomework client={c} />
      </div>
      <div className="overview-side">
        <Details client={c} />
        <section className="card" aria-labelledby="last-session-title">
          <h2 id="last-session-title">Last session</h2>
          <p className="muted">No sessions recorded yet.</p>
        </section>
      </div>
    </div>
  );
}

function Details({ client: c }: { client: ClientDetail }) {
  return (
    <section className="card" aria-labelledby="details-title">
      <div className="card-header">
        <h2 id="details-title">Details</h2>
        <Link to={`/clients/${c.id}/edit`} className="small-link">
          Edit<span className="visually-hidden"> details</span>
        </Link>
      </div>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{c.name}</dd>
        {c.preferredName ? (
          <>
            <dt>Preferred name</dt>
            <dd>{c.preferredName}</dd>
          </>
        ) : null}
        {c.pronouns ? (
          <>
            <dt>Pronouns</dt>
            <dd>{c.pronouns}</dd>
          </>
        ) : null}
        <dt>Date of birth</dt>
        <dd>{c.dateOfBirth ? formatDate(c.dateOfBirth) : <span className="muted">Not recorded</span>}</dd>
        {c.preferredLanguage ? (
          <>
            <dt>Language</dt>
            <dd>{c.preferredLanguage}</dd>
          </>
        ) : null}
        <dt>Started</dt>
        <dd>{formatDate(c.startDate)}</dd>
      </dl>
      <h3>Presenting concerns</h3>
      {c.presentingConcerns ? <p className="prewrap">{c.presentingConcerns}</p> : <p className="muted">Not recorded.</p>}
    </section>
  );
}

function ActiveHomework({ client }: { client: ClientDetail }) {
  const assignments = useAssignments(client.id);
  const active = (assignments.data ?? []).filter((a) => a.status === 'active');
  return (
    <section className="card" aria-labelledby="active-homework-title">
      <div className="card-header">
        <h2 id="active-homework-title">Active homework</h2>
        {assignments.data && assignments.data.length > 0 ? (
          <Link to={`/clients/${client.id}/assignments`} className="small-link">
            All assignments
          </Link>
        ) : null}
      </div>
      <FormError message={assignments.isError ? errorMessage(assignments.error) : null} />
      {assignments.data && active.length === 0 ? (
        <>
          <p className="muted">No active homework.</p>
          {client.status === 'active' ? (
            <Link className="button" to={`/clients/${client.id}/assign`}>
              Assign homework
            </Link>
          ) : null}
        </>
      ) : null}
      {active.length > 0 ? (
        <ul className="plain-list homework-summary">
          {active.map((a) => (
            <li key={a.id}>
              {/* The whole row opens the assignment (on the Assignments tab, with focus on it); the link is the keyboard stop. */}
              <Link to={`/clients/${client.id}/assignments`} state={{ openAssignment: a.id }} className="homework-title row-link">
                {a.title}
              </Link>
              <span className="muted">{dueText(a)}</span>
              {a.state !== 'active' ? <StateBadge state={a.state} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
