import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate, localIsoDate } from '../../../../shared/dates';
import type { AssignmentDetail } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { FormError } from '../../components/Field';
import { fieldsOf, formMessage, useFocusFirstInvalid } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { useClient } from '../../api/clients';
import { useAssignment, useUpdateAssignment } from '../../api/assignments';
import type { AssignedState } from './ClientAssignments';
import { StateBadge } from '../../components/AssignmentState';
import { TailoringFields, TAILORING_ERROR_KEYS, toFields, valuesOfAssignment, type TailoringValues } from './TailoringFields';

/** /assignments/:id/edit: change the tailoring of an assignment. The worksheet version stays. */
export function EditAssignmentPage() {
  const { id = '' } = useParams();
  const assignment = useAssignment(id);
  if (assignment.isPending) return <p className="loading">Loading…</p>;
  if (assignment.isError) {
    return (
      <section className="page narrow">
        <Link className="back-link" to="/clients">
          All clients
        </Link>
        <FormError message={errorMessage(assignment.error)} />
      </section>
    );
  }
  return <EditTailoring key={assignment.data.id} a={assignment.data} />;
}

function EditTailoring({ a }: { a: AssignmentDetail }) {
  const navigate = useNavigate();
  const client = useClient(a.clientId);
  const [values, setValues] = useState<TailoringValues>(() => valuesOfAssignment(a));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const update = useUpdateAssignment();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, update.error ?? (Object.keys(localErrors).length ? localErrors : null));
  const back = `/clients/${a.clientId}/assignments`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = toFields(values);
    setLocalErrors(r.errors ?? {});
    if (!r.fields) return;
    try {
      const saved = await update.mutateAsync({ ...r.fields, id: a.id });
      const state: AssignedState = { savedAssignment: { id: saved.id, message: `Your changes to “${saved.title}” were saved.` } };
      navigate(back, { state });
    } catch {
      // Shown next to the fields.
    }
  }

  const errors = { ...fieldsOf(update.error), ...localErrors };
  const topMessage = Object.keys(localErrors).length
    ? 'Please check the field marked below.'
    : formMessage(update.error, TAILORING_ERROR_KEYS);

  return (
    <section className="page assign-page" aria-labelledby="edit-assignment-title">
      <Link className="back-link" to={back}>
        Back to {a.clientName}’s assignments
      </Link>
      <PageHeading id="edit-assignment-title">Edit tailoring</PageHeading>
      <div className="card chosen-worksheet">
        <div className="chosen-head">
          <h2>{a.title}</h2>
          <span className="muted">
            version {a.worksheetVersion} · for {a.clientName} · assigned{' '}
            {formatDate(localIsoDate(new Date(a.createdAt)), undefined, 'medium')}
          </span>
          <StateBadge state={a.state} />
        </div>
        <p className="muted">The worksheet itself stays at version {a.worksheetVersion}; only how this client does it changes.</p>
      </div>
      <form className="card" ref={form} onSubmit={submit} noValidate aria-label="Tailoring">
        <FormError message={topMessage} />
        <TailoringFields
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errors={errors}
          goals={client.data?.goals ?? []}
          suitedPhases={a.definition.phases}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <Link className="button" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
