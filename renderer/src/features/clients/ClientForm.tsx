import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/dates';
import { clientInputSchema, type Client, type ClientInput } from '../../../../shared/domain';
import { useClient, useSaveClient } from '../../api/clients';
import { errorMessage } from '../../api/client';
import { FormError, TextArea, TextField } from '../../components/Field';
import { checkFields, errorMessages, formMessage, showServerErrors, useFocusAfterFailedSubmit } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { useDraft } from '../../components/useDraft';

/** What the form holds: the shared schema's input, every field as text. */
type Values = { [K in keyof ClientInput]-?: string };
/** The fields, from the schema. */
const FIELDS = Object.keys(clientInputSchema.shape) as (keyof Values)[];

const valuesOf = (c: Client | undefined): Values => {
  const v = Object.fromEntries(FIELDS.map((k) => [k, c?.[k] ?? ''])) as Values;
  return { ...v, startDate: c?.startDate ?? localIsoDate(new Date()) };
};

/** /clients/new */
export function NewClientPage() {
  return <ClientForm client={undefined} />;
}

/** /clients/:id/edit */
export function EditClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  if (client.isPending) return <p className="loading">Loading…</p>;
  if (client.isError) {
    return (
      <section className="page narrow">
        <FormError message={errorMessage(client.error)} />
        <Link to="/clients">Back to clients</Link>
      </section>
    );
  }
  return <ClientForm key={client.data.id} client={client.data} />;
}

/** The client's details: checked with the shared schema, then one save, all or nothing; then the client's page. */
export function ClientForm({ client }: { client: Client | undefined }) {
  const navigate = useNavigate();
  const save = useSaveClient(client?.id ?? null);
  const [initial] = useState<Values>(() => valuesOf(client));
  const { register, handleSubmit, setError, formState, control, reset } = useForm<
    ClientInput,
    unknown,
    z.output<typeof clientInputSchema>
  >({
    defaultValues: initial,
    resolver: zodResolver(clientInputSchema),
    shouldFocusError: false,
  });
  // Unsaved contents are kept (encrypted, in the vault) while typing, and offered back after a lock.
  const draft = useDraft<Values>(client ? `client:${client.id}` : 'client:new', useWatch({ control }) as Values, initial, (v) =>
    reset(v),
  );
  const form = useRef<HTMLFormElement>(null);
  const onRefused = useFocusAfterFailedSubmit(form, formState.submitCount);

  const prefix = client ? 'client.' : '';
  const errs = errorMessages(formState.errors);

  const submit = handleSubmit(
    async (input) => {
      try {
        const saved = await save.mutateAsync(input);
        draft.discard();
        navigate(`/clients/${saved.id}`);
      } catch (e) {
        // The messages show next to the fields and above the form.
        showServerErrors(setError, e, prefix);
        onRefused();
      }
    },
    () => {
      save.reset();
    },
  );

  const field = (name: keyof Values) => ({ ...register(name), error: errs[name] });
  const title = client ? `Edit ${client.name}` : 'New client';
  return (
    <section className="page narrow" aria-labelledby="client-form-title">
      <Link className="back-link" to={client ? `/clients/${client.id}` : '/clients'}>
        {client ? `Back to ${client.name}` : 'Back to clients'}
      </Link>
      <PageHeading id="client-form-title" focus={!!client}>
        {title}
      </PageHeading>
      <p className="muted">
        Only what you need for the work together. Stepwise keeps no contact or billing details, and everything stays encrypted on
        this computer.
      </p>
      {draft.banner}
      <form className="card" ref={form} onSubmit={submit} noValidate>
        <FormError message={save.error ? formMessage(save.error, FIELDS, prefix) : checkFields(Object.keys(errs).length)} />
        <TextField
          label="Name"
          {...field('name')}
          autoComplete="off"
          maxLength={120}
          autoFocus={!client}
          hint="The full name, as in your records."
        />
        <div className="field-row">
          <TextField
            label="Preferred name (optional)"
            {...field('preferredName')}
            autoComplete="off"
            maxLength={60}
            hint="What they like to be called."
          />
          <TextField
            label="Pronouns (optional)"
            {...field('pronouns')}
            autoComplete="off"
            maxLength={40}
            hint="For example she/her, they/them."
          />
        </div>
        <div className="field-row">
          <TextField label="Date of birth (optional)" type="date" {...field('dateOfBirth')} />
          <TextField label="Preferred language (optional)" {...field('preferredLanguage')} autoComplete="off" maxLength={40} />
        </div>
        <TextArea label="Presenting concerns (optional)" {...field('presentingConcerns')} maxLength={4000} rows={4} />
        <div className="field-row">
          <TextField label="Start date" type="date" {...field('startDate')} hint="When therapy began." />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : client ? 'Save changes' : 'Add client'}
          </button>
          <Link className="button" to={client ? `/clients/${client.id}` : '/clients'}>
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
