import { useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate, localIsoDate } from '../../../../shared/dates';
import type { z } from 'zod';
import { assignmentUpdateSchema, type AssignmentDetail } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { FormError } from '../../components/Field';
import { checkFields, errorMessages, formMessage, showServerErrors, useFocusAfterFailedSubmit } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { useDraft } from '../../components/useDraft';
import { useClient } from '../../api/clients';
import { useAssignment, useUpdateAssignment } from '../../api/assignments';
import type { AssignedState } from './ClientAssignments';
import { StateBadge } from '../../components/AssignmentState';
import { tailoringResolver, TAILORING_ERROR_KEYS, valuesOfAssignment, type TailoringValues } from './tailoring';
import { TailoringFields } from './TailoringFields';
import { prefillErrorKeys, TailoredContent } from './TailoredContent';
import './assignments.css';

const resolver = tailoringResolver<typeof assignmentUpdateSchema, { id: string }>(assignmentUpdateSchema);

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
  const update = useUpdateAssignment();
  const [initial] = useState(() => valuesOfAssignment(a, a.definition));
  const form = useForm<TailoringValues, { id: string }, z.output<typeof assignmentUpdateSchema>>({
    defaultValues: initial,
    resolver,
    context: { id: a.id },
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const onRefused = useFocusAfterFailedSubmit(formRef, form.formState.submitCount);
  const back = `/clients/${a.clientId}/assignments`;
  // Unsaved contents are kept (encrypted, in the vault) while typing, and offered back after a lock.
  // (Changed is what the form itself calls dirty: the worksheet's parts add fields of their own.)
  const values = useWatch({ control: form.control }) as TailoringValues;
  const dirty = form.formState.isDirty;
  const draft = useDraft<TailoringValues>(`assignment:${a.id}`, values, dirty ? initial : values, (v) =>
    form.reset(v, { keepDefaultValues: true }),
  );
  const unsaved = useUnsavedChanges(dirty, `the tailoring of “${a.title}”`, draft.discard);

  const submit = form.handleSubmit(
    async (input) => {
      try {
        const saved = await update.mutateAsync(input);
        unsaved.saved();
        draft.discard();
        const state: AssignedState = {
          savedAssignment: { id: saved.id, message: `Your changes to “${saved.title}” were saved.` },
        };
        navigate(back, { state });
      } catch (e) {
        // Shown next to the fields.
        showServerErrors(form.setError, e);
        onRefused();
      }
    },
    () => {
      update.reset();
    },
  );

  const errors = errorMessages(form.formState.errors);
  const topMessage = update.error
    ? formMessage(update.error, [...TAILORING_ERROR_KEYS, ...prefillErrorKeys(a.definition)])
    : checkFields(Object.keys(errors).length);

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
      {draft.banner}
      <form className="card" ref={formRef} onSubmit={submit} noValidate aria-label="Tailoring">
        <FormError message={topMessage} />
        <FormProvider {...form}>
          <TailoringFields errors={errors} goals={client.data?.goals ?? []} suitedPhases={a.definition.phases} />
          <TailoredContent definition={a.definition} errors={errors} goals={client.data?.goals ?? []} />
        </FormProvider>
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
