import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useDuplicateWorksheet, useWorksheet, useWorksheetDraft, useWorksheetDrafts } from '../../api/library';
import { fromDraftDefinition } from './designer/draft';
import { PageHeading } from '../../components/PageHeading';
import { Designer } from './designer/Designer';
import { BUILT_IN_NOTE, WorksheetNotOpen } from './WorksheetDetailPage';

export function DesignerNewPage() {
  return <Designer mode={{ kind: 'create' }} />;
}

export function DesignerEditPage() {
  const { id } = useParams();
  const q = useWorksheet(id, null);
  const drafts = useWorksheetDrafts();
  const duplicate = useDuplicateWorksheet();
  const navigate = useNavigate();
  if (q.isPending || q.isError) return <WorksheetNotOpen query={q} />;
  const w = q.data.worksheet;
  // Changes kept as a draft are where editing goes on (issue 11).
  const kept = drafts.data?.find((x) => x.worksheetId === w.id);
  if (kept) return <Navigate to={`/library/drafts/${kept.id}`} replace />;
  if (drafts.isPending) return null;
  if (w.builtIn) {
    return (
      <section className="page narrow" aria-labelledby="ro-title">
        <Link to={`/library/${w.id}`} className="back-link">
          {w.title}
        </Link>
        <PageHeading id="ro-title">{w.title}</PageHeading>
        <div className="notice">{BUILT_IN_NOTE}</div>
        {duplicate.error ? (
          <div className="form-error" role="alert">
            {errorMessage(duplicate.error)}
          </div>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={duplicate.isPending}
            onClick={() =>
              duplicate.mutate(w.id, {
                onSuccess: (copy) =>
                  navigate(`/library/${copy.worksheet.id}/edit`, { replace: true, state: { duplicatedFrom: w.title } }),
              })
            }
          >
            Duplicate to customise
          </button>
          <Link to={`/library/${w.id}`}>Back to the worksheet</Link>
        </div>
      </section>
    );
  }
  return (
    <Designer
      key={w.id}
      mode={{ kind: 'update', id: w.id, baseVersion: q.data.version.version, title: q.data.version.definition.title }}
      definition={q.data.version.definition}
    />
  );
}

// ---- drafts (issue 11)
/** A worksheet saved as a draft, open in the designer. */
export function DesignerDraftPage() {
  const { id } = useParams();
  const q = useWorksheetDraft(id);
  if (q.isPending) return <p className="muted page">Opening the draft…</p>;
  if (q.isError) {
    return (
      <section className="page narrow" aria-labelledby="draft-missing">
        <Link to="/library" className="back-link">
          Library
        </Link>
        <PageHeading id="draft-missing">Draft not found</PageHeading>
        <div className="form-error" role="alert">
          {errorMessage(q.error)}
        </div>
      </section>
    );
  }
  return <DraftDesigner key={q.data.id} draft={q.data} />;
}

function DraftDesigner({ draft }: { draft: NonNullable<ReturnType<typeof useWorksheetDraft>['data']> }) {
  // Read once: the designer owns the contents from here on.
  const [start] = useState(() => fromDraftDefinition(draft.definition));
  return (
    <Designer
      mode={{
        kind: 'draft',
        draftId: draft.id,
        worksheetId: draft.worksheetId,
        baseVersion: draft.baseVersion,
        title: draft.title,
      }}
      start={start}
    />
  );
}
