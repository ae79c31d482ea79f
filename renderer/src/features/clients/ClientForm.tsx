import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { localIsoDate } from '../../../../shared/dates';
import type { Client } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { FormError, TextArea, TextField } from '../../components/Field';
import { fieldsOf, formMessage, useFocusFirstInvalid } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { useDraft } from '../vault/useDraft';
import { useClient, useSaveClient } from './api';

interface Values {
  name: string;
  preferredName: string;
  dateOfBirth: string;
  pronouns: string;
  preferredLanguage: string;
  presentingConcerns: string;
  startDate: string;
}

const FIELDS = ['name', 'preferredName', 'dateOfBirth', 'pronouns', 'preferredLanguage', 'presentingConcerns', 'startDate'];

const valuesOf = (c: Client | undefined): Values => ({
  name: c?.name ?? '',
  preferredName: c?.preferredName ?? '',
  dateOfBirth: c?.dateOfBirth ?? '',
  pronouns: c?.pronouns ?? '',
  preferredLanguage: c?.preferredLanguage ?? '',
  presentingConcerns: c?.presentingConcerns ?? '',
  startDate: c?.startDate ?? localIsoDate(new Date()),
});

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

/** The client's details: one save, all or nothing; then the client's page. */
function ClientForm({ client }: { client: Client | undefined }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => valuesOf(client));
  const [initial] = useState<Values>(() => valuesOf(client));
  const draft = useDraft(client ? `client:${client.id}` : 'client:new', values, initial, setValues);
  const save = useSaveClient(client?.id ?? null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, save.error);

  const prefix = client ? 'client.' : '';
  const errs = fieldsOf(save.error, prefix);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await save.mutateAsync({
        name: values.name,
        preferredName: values.preferredName,
        dateOfBirth: values.dateOfBirth,
        pronouns: values.pronouns,
        preferredLanguage: values.preferredLanguage,
        presentingConcerns: values.presentingConcerns,
        startDate: values.startDate,
      });
      draft.discard();
      navigate(`/clients/${saved.id}`);
    } catch {
      // The messages show next to the fields and above the form.
    }
  }

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
        <FormError message={formMessage(save.error, FIELDS, prefix)} />
        <TextField
          label="Name"
          value={values.name}
          onChange={set('name')}
          error={errs.name}
          autoComplete="off"
          maxLength={120}
          autoFocus={!client}
          hint="The full name, as in your records."
        />
        <div className="field-row">
          <TextField
            label="Preferred name (optional)"
            value={values.preferredName}
            onChange={set('preferredName')}
            error={errs.preferredName}
            autoComplete="off"
            maxLength={60}
            hint="What they like to be called."
          />
          <TextField
            label="Pronouns (optional)"
            value={values.pronouns}
            onChange={set('pronouns')}
            error={errs.pronouns}
            autoComplete="off"
            maxLength={40}
            hint="For example she/her, they/them."
          />
        </div>
        <div className="field-row">
          <TextField
            label="Date of birth (optional)"
            type="date"
            value={values.dateOfBirth}
            onChange={set('dateOfBirth')}
            error={errs.dateOfBirth}
          />
          <TextField
            label="Preferred language (optional)"
            value={values.preferredLanguage}
            onChange={set('preferredLanguage')}
            error={errs.preferredLanguage}
            autoComplete="off"
            maxLength={40}
          />
        </div>
        <TextArea
          label="Presenting concerns (optional)"
          value={values.presentingConcerns}
          onChange={set('presentingConcerns')}
          error={errs.presentingConcerns}
          maxLength={4000}
          rows={4}
        />
        <div className="field-row">
          <TextField
            label="Start date"
            type="date"
            value={values.startDate}
            onChange={set('startDate')}
            error={errs.startDate}
            hint="When therapy began."
          />
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
