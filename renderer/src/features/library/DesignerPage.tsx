import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useDuplicateWorksheet, useWorksheet } from '../../api/library';
import { PageHeading } from '../../components/PageHeading';
import { Designer } from './designer/Designer';
import { BUILT_IN_NOTE, WorksheetNotOpen } from './WorksheetDetailPage';

export function DesignerNewPage() {
  return <Designer mode={{ kind: 'create' }} />;
}

export function DesignerEditPage() {
  const { id } = useParams();
  const q = useWorksheet(id, null);
  const duplicate = useDuplicateWorksheet();
  const navigate = useNavigate();
  if (q.isPending || q.isError) return <WorksheetNotOpen query={q} />;
  const w = q.data.worksheet;
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
