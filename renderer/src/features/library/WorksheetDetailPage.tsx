import { useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { WorksheetDetail } from '../../../../shared/domain';
import { frequencyLabel, type WorksheetDefinition } from '../../../../shared/worksheet';
import { errorMessage } from '../../api/client';
import { ConfirmDialog } from '../../components/Dialog';
import { PageHeading } from '../../components/PageHeading';
import { VersionChanges } from '../../components/VersionChanges';
import { instantDate, kindLine, phaseLabel, plural, usedIn } from './format';
import { useArchiveWorksheet, useDuplicateWorksheet, useWorksheet } from '../../api/library';
import { WorksheetPreview, previewIsLandscape } from './WorksheetPreview';
import './library.css';

export const BUILT_IN_NOTE = 'Built-in worksheets are read-only — duplicate to customise.';

/** What the designer hands over after a save, shown once at the top of the page. */
export interface DetailLocationState {
  saved?: string;
}

/** What a worksheet's page shows while the worksheet opens, or instead of it when it cannot be opened. */
export function WorksheetNotOpen({ query }: { query: { isError: boolean; error: unknown } }) {
  if (!query.isError) return <p className="loading">Opening the worksheet…</p>;
  return (
    <section className="page narrow">
      <Link to="/library" className="back-link">
        Library
      </Link>
      <h1>Worksheet not available</h1>
      <div className="form-error" role="alert">
        {errorMessage(query.error)}
      </div>
    </section>
  );
}

export function WorksheetDetailPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const versionId = params.get('version');
  const q = useWorksheet(id, versionId);

  if (q.isPending || q.isError) return <WorksheetNotOpen query={q} />;
  return <Detail key={q.data.worksheet.id} d={q.data} />;
}

function Detail({ d }: { d: WorksheetDetail }) {
  const w = d.worksheet;
  const def = d.version.definition;
  const isCurrent = d.version.id === w.versionId;
  const navigate = useNavigate();
  const location = useLocation();
  const saved = (location.state as DetailLocationState | null)?.saved;
  const duplicate = useDuplicateWorksheet();
  const archive = useArchiveWorksheet();
  const [confirming, setConfirming] = useState(false);
  const [largePrint, setLargePrint] = useState(false);
  const ids = useId();
  const actionError = duplicate.error ?? (confirming ? null : archive.error);

  const onDuplicate = () =>
    duplicate.mutate(w.id, {
      onSuccess: (copy) => navigate(`/library/${copy.worksheet.id}/edit`, { state: { duplicatedFrom: w.title } }),
    });

  return (
    <section className="page worksheet-detail" aria-labelledby="detail-title">
      <Link to="/library" className="back-link">
        Library
      </Link>
      <div className="page-header">
        <div>
          <p className="kicker">{kindLine(def.category, def.approach)}</p>
          <PageHeading id="detail-title" focusKey={d.version.id}>
            {def.title}
          </PageHeading>
          <p className="worksheet-card-meta">
            <span className={w.builtIn ? 'badge badge-muted' : 'badge badge-accent'}>{w.builtIn ? 'Built-in' : 'Yours'}</span>
            {w.archived ? <span className="badge badge-warn">Archived</span> : null}
            {w.derivedFromTitle ? <span className="worksheet-card-based">based on {w.derivedFromTitle}</span> : null}
            <span className="muted">
              Version {d.version.version}
              {isCurrent ? '' : ` of ${w.version}`} · {usedIn(w.assignmentCount)}
            </span>
          </p>
        </div>
      </div>

      {saved ? (
        <div className="notice" role="status">
          {saved}
        </div>
      ) : null}
      {!isCurrent ? (
        <div className="notice notice-warn">
          You are looking at version {d.version.version}, saved on {instantDate(d.version.createdAt)}. The current version is{' '}
          {w.version}. <Link to={`/library/${w.id}`}>Show the current version</Link>
        </div>
      ) : null}
      {w.archived ? (
        <div className="notice notice-warn">
          This worksheet is archived: it is hidden from the library and cannot be given as new homework. Assignments already given
          keep it.{' '}
          <button
            type="button"
            className="small"
            onClick={() => archive.mutate({ id: w.id, archived: false })}
            disabled={archive.isPending}
          >
            Restore
          </button>
        </div>
      ) : null}
      {actionError ? (
        <div className="form-error" role="alert">
          {errorMessage(actionError)}
        </div>
      ) : null}

      <div className="detail-actions actions" role="group" aria-label="Worksheet actions">
        {!w.archived ? (
          <Link className="button primary" to={`/assign?worksheet=${w.id}`}>
            Assign to a client
          </Link>
        ) : null}
        <button type="button" onClick={onDuplicate} disabled={duplicate.isPending}>
          {duplicate.isPending ? 'Making a copy…' : 'Duplicate to customise'}
        </button>
        {w.builtIn ? null : (
          <Link className="button" to={`/library/${w.id}/edit`}>
            Edit
          </Link>
        )}
        {w.archived ? null : (
          <button type="button" onClick={() => setConfirming(true)}>
            Archive
          </button>
        )}
      </div>
      {w.builtIn ? <p className="muted read-only-note">{BUILT_IN_NOTE}</p> : null}

      <div className="detail-layout">
        <div className="detail-side">
          <section className="card" aria-labelledby={`${ids}-about`}>
            <h2 id={`${ids}-about`}>What it is for</h2>
            <p>{def.summary}</p>
            <dl className="facts">
              <dt>How often</dt>
              <dd>{frequencyLabel(def.suggestedFrequency)}</dd>
              <dt>Time</dt>
              <dd>{def.suggestedMinutes ? `About ${def.suggestedMinutes} minutes` : 'No suggestion'}</dd>
              <dt>Phases</dt>
              <dd>{def.phases.map(phaseLabel).join(', ')}</dd>
              <dt>Parts</dt>
              <dd>{plural(def.blocks.length, 'part')}</dd>
            </dl>
            <h3>Why this helps</h3>
            <p className="detail-text">{def.rationale}</p>
            <p className="muted detail-more">The steps for the client are under “What to do” in the preview.</p>
          </section>

          <section className="card" aria-labelledby={`${ids}-versions`}>
            <h2 id={`${ids}-versions`}>Versions</h2>
            <p className="muted">Each save makes a new version. Assignments keep the version they were given.</p>
            <ol className="version-list">
              {d.versions.map((v) => {
                const viewing = v.id === d.version.id;
                const current = v.id === w.versionId;
                return (
                  <li key={v.id} className={viewing ? 'is-viewing' : undefined}>
                    <Link
                      to={current ? `/library/${w.id}` : `/library/${w.id}?version=${v.id}`}
                      aria-current={viewing ? 'page' : undefined}
                    >
                      Version {v.version}
                      {current ? ' (current)' : ''}
                    </Link>
                    <span className="muted">
                      {instantDate(v.createdAt)} · {usedIn(v.assignmentCount)}
                    </span>
                  </li>
                );
              })}
            </ol>
            <ChangesFromPrevious
              worksheetId={w.id}
              version={d.version.version}
              previous={d.versions.find((v) => v.version === d.version.version - 1)}
              after={def}
            />
          </section>
        </div>

        <section className="detail-preview" aria-labelledby={`${ids}-preview`}>
          <div className="preview-bar">
            <h2 id={`${ids}-preview`}>How it prints</h2>
            <span className="muted">{previewIsLandscape(def, largePrint) ? 'A4, landscape' : 'A4, portrait'}</span>
            <div className="check">
              <input id={`${ids}-large`} type="checkbox" checked={largePrint} onChange={(e) => setLargePrint(e.target.checked)} />
              <label htmlFor={`${ids}-large`}>Large print</label>
            </div>
          </div>
          <div className="preview-frame">
            <WorksheetPreview definition={def} largePrint={largePrint} headingLevel={3} />
          </div>
        </section>
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Archive “${w.title}”?`}
        confirmLabel="Archive"
        busy={archive.isPending}
        error={archive.error ? errorMessage(archive.error) : null}
        onCancel={() => {
          archive.reset();
          setConfirming(false);
        }}
        onConfirm={() => archive.mutate({ id: w.id, archived: true }, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          It will be hidden from the library and cannot be given as new homework.
          {w.assignmentCount === 1
            ? ' The assignment already given keeps it.'
            : w.assignmentCount > 1
              ? ` The ${w.assignmentCount} assignments already given keep it.`
              : ''}{' '}
          You can restore it at any time: tick “Show archived” in the library.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The version history in words: what changed in the version shown since the one before it. */
function ChangesFromPrevious({
  worksheetId,
  version,
  previous,
  after,
}: {
  worksheetId: string;
  version: number;
  previous: { id: string; version: number } | undefined;
  after: WorksheetDefinition;
}) {
  const before = useWorksheet(previous ? worksheetId : null, previous?.id);
  if (!previous) return null;
  return (
    <details className="version-diff">
      <summary>
        What changed in version {version} (since version {previous.version})
      </summary>
      {before.data ? (
        <VersionChanges before={before.data.version.definition} after={after} headingLevel={4} />
      ) : before.isError ? (
        <p className="field-error">{errorMessage(before.error)}</p>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </details>
  );
}
