import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AssignmentDetail } from '../../../../shared/domain';
import { carryPrefill, type WorksheetDefinition } from '../../../../shared/worksheet';
import { errorMessage } from '../../api/client';
import { useAssignment, useMoveToLatest } from '../../api/assignments';
import { useWorksheet } from '../../api/library';
import { FormError } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { VersionChanges } from '../../components/VersionChanges';
import './assignments.css';

/** /assignments/:id/version: what changed in the worksheet since it was assigned, and the move to the newest version. */
export function MoveVersionPage() {
  const { id = '' } = useParams();
  const a = useAssignment(id);
  if (a.isPending) return <p className="loading">Loading…</p>;
  if (a.isError) {
    return (
      <section className="page narrow">
        <Link className="back-link" to="/clients">
          All clients
        </Link>
        <FormError message={errorMessage(a.error)} />
      </section>
    );
  }
  return <MoveVersion a={a.data} />;
}

function MoveVersion({ a }: { a: AssignmentDetail }) {
  const latest = useWorksheet(a.worksheetId);
  const move = useMoveToLatest();
  const [done, setDone] = useState<{ version: number; notCarried: string[] } | null>(null);
  const back = `/clients/${a.clientId}/assignments`;
  const next = latest.data?.version;
  const before = a.definition as WorksheetDefinition;
  const willDrop = next && a.prefill ? carryPrefill(a.prefill, next.definition).dropped : [];

  return (
    <section className="page narrow assign-page" aria-labelledby="move-title">
      <Link className="back-link" to={back}>
        Back to {a.clientName}’s assignments
      </Link>
      <PageHeading id="move-title">What changed in “{a.title}”</PageHeading>
      {done ? (
        <div className="card" role="status">
          <p>
            <strong>
              “{a.title}” for {a.clientName} now uses version {done.version}.
            </strong>
          </p>
          {done.notCarried.length ? (
            <>
              <p>Not everything you filled in could move with it:</p>
              <ul>
                {done.notCarried.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
              <p>
                <Link to={`/assignments/${a.id}/edit`}>Edit the tailoring</Link> to fill them in again.
              </p>
            </>
          ) : a.prefill ? (
            <p>Everything you filled in moved with it.</p>
          ) : null}
          <Link className="button" to={back}>
            Back to the assignments
          </Link>
        </div>
      ) : latest.isError ? (
        <FormError message={errorMessage(latest.error)} />
      ) : !next ? (
        <p className="muted">Loading the newest version…</p>
      ) : next.id === a.worksheetVersionId ? (
        <p>This homework already uses the newest version (version {next.version}).</p>
      ) : (
        <div className="card">
          <p className="lead">
            This homework uses version {a.worksheetVersion}. The library now has version {next.version}. Here is what changed
            between them:
          </p>
          <VersionChanges before={before} after={next.definition} />
          {willDrop.length ? (
            <div className="notice">
              <p>If you move it, this cannot come along:</p>
              <ul>
                {willDrop.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </div>
          ) : a.prefill ? (
            <p className="muted">What you filled in ahead will move with it.</p>
          ) : null}
          <FormError message={move.error ? errorMessage(move.error) : null} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={move.isPending || a.status !== 'active'}
              onClick={() =>
                move.mutate(
                  { id: a.id, toVersionId: next.id },
                  { onSuccess: (r) => setDone({ version: r.assignment.worksheetVersion, notCarried: r.notCarried }) },
                )
              }
            >
              {move.isPending ? 'Moving…' : `Move to version ${next.version}`}
            </button>
            <Link className="button" to={back}>
              Keep version {a.worksheetVersion}
            </Link>
          </div>
          {a.status !== 'active' ? <p className="muted">Only active homework can move; this one has ended.</p> : null}
        </div>
      )}
    </section>
  );
}
