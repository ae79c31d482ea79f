import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/dates';
import { clientInputSchema, type Client, type ClientInput, type ClientSummary } from '../../../../shared/domain';
import { TEXT_LIMITS } from '../../../../shared/limits';
import { namesakesOf } from '../../../../shared/names';
import { useClient, useSaveClient } from '../../api/clients';
import { api, errorMessage, unwrap } from '../../api/client';
import { ConfirmDialog } from '../../components/Dialog';
import { tellApart } from '../../components/namesakes';
import { FormError, TextArea, TextField } from '../../components/Field';
import { checkFields, errorMessages, formMessage, showServerErrors, useFocusAfterFailedSubmit } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
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
  const values = useWatch({ control }) as Values;
  const draft = useDraft<Values>(client ? `client:${client.id}` : 'client:new', values, initial, (v) => reset(v));
  const unsaved = useUnsavedChanges(
    JSON.stringify(values) !== JSON.stringify(initial),
    client ? `the details of ${client.name}` : 'the new client form',
    draft.discard,
  );
  const form = useRef<HTMLFormElement>(null);
  const onRefused = useFocusAfterFailedSubmit(form, formState.submitCount);

  const prefix = client ? 'client.' : '';
  const errs = errorMessages(formState.errors);

  type Output = z.output<typeof clientInputSchema>;
  // A namesake (same name, accents and case aside, and a date of birth that does not tell them
  // apart) asks first; once the clinician says it is another person, this name and date go through.
  const [namesakes, setNamesakes] = useState<{ input: Output; others: ClientSummary[] } | null>(null);
  const [confirmedNamesake, setConfirmedNamesake] = useState<string | null>(null);
  const namesakeCheck = async (input: Output): Promise<ClientSummary[]> => {
    const key = JSON.stringify([input.name, input.dateOfBirth]);
    if (confirmedNamesake === key) return [];
    if (client && client.name === input.name && client.dateOfBirth === input.dateOfBirth) return [];
    try {
      const all = await unwrap(api().clients.list({ status: 'all' }));
      return namesakesOf({ id: client?.id ?? null, name: input.name, dateOfBirth: input.dateOfBirth }, all);
    } catch {
      // The list could not be read: the save itself says what is wrong, if anything.
      return [];
    }
  };

  const submit = handleSubmit(
    async (input) => {
      const others = await namesakeCheck(input);
      if (others.length > 0) {
        setNamesakes({ input, others });
        return;
      }
      await saveClient(input);
    },
    () => {
      save.reset();
    },
  );

  const saveClient = async (input: Output) => {
    try {
      const saved = await save.mutateAsync(input);
      draft.discard();
      unsaved.saved();
      navigate(`/clients/${saved.id}`);
    } catch (e) {
      // The messages show next to the fields and above the form.
      showServerErrors(setError, e, prefix);
      onRefused();
    }
  };

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
          limit={TEXT_LIMITS.name}
          autoFocus={!client}
          hint="The full name, as in your records."
        />
        <div className="field-row">
          <TextField
            label="Preferred name (optional)"
            {...field('preferredName')}
            autoComplete="off"
            limit={TEXT_LIMITS.name}
            hint="What they like to be called."
          />
          <TextField
            label="Pronouns (optional)"
            {...field('pronouns')}
            autoComplete="off"
            limit={TEXT_LIMITS.line}
            hint="For example she/her, they/them."
          />
        </div>
        <div className="field-row">
          <TextField label="Date of birth (optional)" type="date" {...field('dateOfBirth')} />
          <TextField
            label="Preferred language (optional)"
            {...field('preferredLanguage')}
            autoComplete="off"
            limit={TEXT_LIMITS.line}
          />
        </div>
        <TextArea label="Presenting concerns (optional)" {...field('presentingConcerns')} limit={TEXT_LIMITS.long} rows={4} />
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
      <ConfirmDialog
        open={!!namesakes}
        title={
          namesakes && namesakes.others.length > 1
            ? 'Clients with this name already exist'
            : 'A client with this name already exists'
        }
        confirmLabel={client ? 'Save anyway' : 'Add anyway'}
        cancelLabel="Go back"
        onConfirm={() => {
          if (!namesakes) return;
          setConfirmedNamesake(JSON.stringify([namesakes.input.name, namesakes.input.dateOfBirth]));
          setNamesakes(null);
          void saveClient(namesakes.input);
        }}
        onCancel={() => setNamesakes(null)}
      >
        <p>Is this someone else? You already have:</p>
        <ul>
          {namesakes?.others.map((o) => (
            <li key={o.id}>
              <strong>{o.name}</strong>, {tellApart(o)}
              {o.status === 'archived' ? ' (archived)' : ''}
            </li>
          ))}
        </ul>
        <p>
          {client ? 'Save anyway' : 'Add anyway'} if this is a different person. Their records stay apart, and lists show the date
          of birth and start date to tell them apart.
        </p>
      </ConfirmDialog>
    </section>
  );
}
