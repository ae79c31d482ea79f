import { useLayoutEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { localIsoDate } from '../../../../shared/dates';
import { assignmentCreateSchema, type ClientDetail, type WorksheetDetail } from '../../../../shared/domain';
import type { z } from 'zod';
import { CATEGORY_LABELS, frequencyLabel } from '../../../../shared/worksheet';
import { errorMessage } from '../../api/client';
import { FormError } from '../../components/Field';
import { checkFields, errorMessages, formMessage, showServerErrors, useFocusAfterFailedSubmit } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { SearchList } from '../../components/SearchList';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { useDraft } from '../../components/useDraft';
import { tellApart } from '../../components/namesakes';
import { sharedNameIds } from '../../../../shared/names';
import { useClient, useClientList } from '../../api/clients';
import { useCreateAssignment } from '../../api/assignments';
import { useLibrary, useWorksheet, useWorksheetDrafts } from '../../api/library';
import type { AssignedState } from './ClientAssignments';
import {
  blankValues,
  tailoringResolver,
  TAILORING_ERROR_KEYS,
  WORKSHEET_KEYS,
  worksheetDefaults,
  type TailoringValues,
} from './tailoring';
import { TailoringFields } from './TailoringFields';
import { prefillErrorKeys, TailoredContent, TailoredPreview } from './TailoredContent';
import { SplitView } from '../../components/SplitView';
import { draftNote, WorksheetPreview } from '../library';
import './assignments.css';

/** The assign form's draft: the worksheet chosen and the tailoring typed. */
interface AssignDraft {
  worksheetId: string | null;
  values: TailoringValues;
}

/** What assignments.create takes besides the tailoring. */
interface AssignTo {
  clientId: string;
  worksheetId: string;
  worksheetVersionId: string;
}
const resolver = tailoringResolver<typeof assignmentCreateSchema, AssignTo>(assignmentCreateSchema);

/** /clients/:id/assign[?worksheet=ID]: choose a worksheet, tailor it, save. */
export function AssignPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  if (client.isPending) return <p className="loading">Loading…</p>;
  if (client.isError) {
    return (
      <section className="page narrow">
        <Link className="back-link" to="/clients">
          All clients
        </Link>
        <FormError message={errorMessage(client.error)} />
      </section>
    );
  }
  return <AssignToClient client={client.data} />;
}

function AssignToClient({ client }: { client: ClientDetail }) {
  const navigate = useNavigate();
  const name = client.preferredName ?? client.name;
  const [params, setParams] = useSearchParams();
  const worksheetId = params.get('worksheet');
  const worksheet = useWorksheet(worksheetId);
  const [picking, setPicking] = useState(!worksheetId);
  // Starting with the worksheet list: focus goes to its search box instead of the heading.
  const [startedPicking] = useState(!worksheetId);
  const [pickedHere, setPickedHere] = useState(false);
  // The worksheet highlighted in the list, previewed beside it.
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [today] = useState(() => localIsoDate(new Date()));
  const create = useCreateAssignment();
  const detail = worksheet.data;
  const form = useForm<TailoringValues, AssignTo, z.output<typeof assignmentCreateSchema>>({
    defaultValues: blankValues(today),
    resolver,
    context: detail
      ? { clientId: client.id, worksheetId: detail.worksheet.id, worksheetVersionId: detail.version.id }
      : undefined,
    // Messages stay until the next try, as the core's do.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const onRefused = useFocusAfterFailedSubmit(formRef, form.formState.submitCount);

  // What follows from the worksheet (its frequency, phase, rationale) is set when it opens; the
  // clinician's other changes stay when another worksheet is chosen. A draft being restored
  // (below) waits for its worksheet, then takes the place of those suggestions.
  const { setValue, reset } = form;
  const definition = detail?.version.definition;
  const restoring = useRef<TailoringValues | null>(null);
  useLayoutEffect(() => {
    if (!definition) return;
    if (restoring.current) {
      reset(restoring.current);
      restoring.current = null;
      return;
    }
    const d = worksheetDefaults(definition);
    for (const k of WORKSHEET_KEYS) setValue(k, d[k]);
  }, [definition, setValue, reset]);

  // Unsaved: anything that differs from what the chosen worksheet suggests. Kept as an encrypted
  // draft while typing (offered back after a lock), and asked about before leaving.
  const values = useWatch({ control: form.control }) as TailoringValues;
  const baseline = { ...blankValues(today), ...(definition ? worksheetDefaults(definition) : {}) };
  const draftValue: AssignDraft = { worksheetId, values };
  const draftBaseline: AssignDraft = { worksheetId, values: baseline };
  const draft = useDraft<AssignDraft>(`assign:${client.id}`, draftValue, draftBaseline, (d) => {
    if (d.worksheetId && d.worksheetId !== worksheetId) {
      restoring.current = d.values;
      setParams({ worksheet: d.worksheetId }, { replace: true });
      setPicking(false);
    } else if (!definition) {
      restoring.current = d.values;
    } else {
      reset(d.values);
    }
  });
  const unsaved = useUnsavedChanges(
    !!definition && JSON.stringify(values) !== JSON.stringify(baseline),
    `the homework for ${name}`,
    draft.discard,
  );

  const archived = client.status === 'archived';

  const pick = (wid: string) => {
    setParams({ worksheet: wid }, { replace: true });
    setPicking(false);
    setPickedHere(true);
    form.clearErrors();
    create.reset();
  };

  const submit = form.handleSubmit(
    async (input) => {
      try {
        const a = await create.mutateAsync(input);
        draft.discard();
        unsaved.saved();
        const state: AssignedState = { savedAssignment: { id: a.id, message: `“${a.title}” was assigned to ${name}.` } };
        navigate(`/clients/${client.id}/assignments`, { state });
      } catch (e) {
        // Shown next to the fields.
        showServerErrors(form.setError, e);
        onRefused();
      }
    },
    () => {
      create.reset();
    },
  );

  const errors = errorMessages(form.formState.errors);
  const topMessage = create.error
    ? formMessage(create.error, [...TAILORING_ERROR_KEYS, ...prefillErrorKeys(definition)])
    : checkFields(Object.keys(errors).length);

  return (
    <section className="page assign-page" aria-labelledby="assign-title">
      <Link className="back-link" to={`/clients/${client.id}`}>
        Back to {client.name}
      </Link>
      <PageHeading id="assign-title" focus={!startedPicking}>
        Assign homework to {name}
      </PageHeading>
      {archived ? (
        <div className="notice">
          <p>{client.name} is archived, so new homework cannot be assigned. Restore them on their page first.</p>
          <Link to={`/clients/${client.id}`}>Go to {client.name}’s page</Link>
        </div>
      ) : (
        <FormProvider {...form}>
          {draft.banner}
          <SplitView
            className="assign-split"
            mainLabel={picking || !worksheetId ? 'Worksheets' : 'Tailoring'}
            previewLabel="Preview"
            main={
              <>
                <section className="card" aria-labelledby="step-worksheet">
                  <h2 id="step-worksheet">
                    <span className="step-number">1</span> Worksheet
                  </h2>
                  {picking || !worksheetId ? (
                    <WorksheetPicker
                      onPick={pick}
                      onActive={setHighlighted}
                      onCancel={worksheetId ? () => setPicking(false) : undefined}
                    />
                  ) : worksheet.isError ? (
                    <>
                      <FormError message={`${errorMessage(worksheet.error)} Please choose another worksheet.`} />
                      <button type="button" onClick={() => setPicking(true)}>
                        Choose a worksheet
                      </button>
                    </>
                  ) : detail ? (
                    <ChosenWorksheet detail={detail} onChange={() => setPicking(true)} />
                  ) : (
                    <p className="muted">Loading the worksheet…</p>
                  )}
                </section>
                {detail && !picking ? (
                  <form className="card" ref={formRef} onSubmit={submit} noValidate aria-labelledby="step-tailor">
                    <h2 id="step-tailor">
                      <span className="step-number">2</span> Tailor it for {name}
                    </h2>
                    <FormError message={topMessage} />
                    <TailoringFields
                      errors={errors}
                      goals={client.goals}
                      suitedPhases={detail.version.definition.phases}
                      autoFocus={pickedHere}
                    />
                    <TailoredContent definition={detail.version.definition} errors={errors} goals={client.goals} />
                    <div className="actions">
                      <button type="submit" className="primary" disabled={create.isPending}>
                        {create.isPending ? 'Saving…' : 'Assign homework'}
                      </button>
                      <Link className="button" to={`/clients/${client.id}`}>
                        Cancel
                      </Link>
                    </div>
                  </form>
                ) : null}
              </>
            }
            preview={
              picking || !worksheetId ? (
                <PickerPreview worksheetId={highlighted} />
              ) : detail ? (
                <TailoredPreview definition={detail.version.definition} clientLabel={client.name} goals={client.goals} />
              ) : null
            }
          />
        </FormProvider>
      )}
    </section>
  );
}

function WorksheetPicker({
  onPick,
  onActive,
  onCancel,
}: {
  onPick: (id: string) => void;
  onActive: (id: string | null) => void;
  onCancel?: (() => void) | undefined;
}) {
  const [search, setSearch] = useState('');
  const s = search.trim();
  const list = useLibrary(s ? { search: s } : {});
  // New worksheets saved as drafts cannot be assigned: not in the list, but named below it with why.
  const drafts = (useWorksheetDrafts().data ?? []).filter((d) => d.worksheetId === null);
  return (
    <div className="worksheet-picker">
      <SearchList
        label="Find a worksheet"
        hint="Type part of a title or what it is for. ↑ and ↓ move through the list; Enter chooses."
        query={search}
        onQueryChange={setSearch}
        items={list.data?.map((w) => ({
          id: w.id,
          label: w.title,
          content: (
            <div className="worksheet-option">
              <span className="worksheet-option-title">{w.title}</span>
              <span className="worksheet-option-category">{CATEGORY_LABELS[w.category]}</span>
              <span className="worksheet-option-summary">{w.summary}</span>
            </div>
          ),
        }))}
        stale={list.isPlaceholderData}
        onPick={(it) => onPick(it.id)}
        onActiveChange={onActive}
        noun={['worksheet', 'worksheets']}
        autoFocus
        empty={
          <p className="muted">
            No worksheet matches “{search.trim()}”. Try another word, or build your own in the <Link to="/library">library</Link>.
          </p>
        }
      />
      <FormError message={list.isError ? errorMessage(list.error) : null} />
      {drafts.length ? (
        <div className="notice picker-drafts">
          <p>
            {drafts.length === 1 ? 'One worksheet is' : `${drafts.length} worksheets are`} still a draft, so not listed: a draft
            can be assigned once it is finished and saved in the library.
          </p>
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/library/drafts/${d.id}`}>{d.title || 'Untitled worksheet'}</Link>: {draftNote(d)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {onCancel ? (
        <div className="actions">
          <button type="button" onClick={onCancel}>
            Keep the current worksheet
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The worksheet highlighted in the picker, as it prints (blank), so its parts can be seen before choosing. */
function PickerPreview({ worksheetId }: { worksheetId: string | null }) {
  const w = useWorksheet(worksheetId);
  if (!worksheetId) return <p className="muted assign-preview-empty">Move through the list to see each worksheet here.</p>;
  if (w.isError) return <FormError message={errorMessage(w.error)} />;
  if (!w.data) return <p className="muted assign-preview-empty">Loading the preview…</p>;
  const def = w.data.version.definition;
  return (
    <section className="assign-preview" aria-labelledby="picker-preview-title" aria-live="polite">
      <h2 id="picker-preview-title">
        Preview: {def.title}
        <span className="muted"> · {def.blocks.length === 1 ? '1 part' : `${def.blocks.length} parts`}</span>
      </h2>
      <div className="preview-frame">
        <WorksheetPreview definition={def} headingLevel={3} />
      </div>
    </section>
  );
}

function ChosenWorksheet({ detail, onChange }: { detail: WorksheetDetail; onChange: () => void }) {
  const def = detail.version.definition;
  return (
    <div className="chosen-worksheet">
      <div className="chosen-head">
        <h3>{def.title}</h3>
        <span className="muted">
          {CATEGORY_LABELS[def.category]} · version {detail.version.version}
          {def.suggestedMinutes ? ` · about ${def.suggestedMinutes} minutes` : ''} · suggested{' '}
          {frequencyLabel(def.suggestedFrequency).toLowerCase()}
        </span>
      </div>
      <p>{def.summary}</p>
      <h4>Why this helps</h4>
      <p className="rationale">{def.rationale}</p>
      <div className="actions">
        <button type="button" onClick={onChange}>
          Choose a different worksheet
        </button>
      </div>
    </div>
  );
}

/** /assign?worksheet=ID: which client is this for? Then on to the client's assign page. */
export function ChooseClientPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const worksheetId = params.get('worksheet');
  const worksheet = useWorksheet(worksheetId);
  const [search, setSearch] = useState('');
  const clients = useClientList(search, 'active');
  const suffix = worksheetId ? `?worksheet=${encodeURIComponent(worksheetId)}` : '';
  const namesakes = sharedNameIds(clients.data ?? []);

  return (
    <section className="page narrow" aria-labelledby="choose-client-title">
      <PageHeading id="choose-client-title" focus={false}>
        Assign homework
      </PageHeading>
      {worksheet.data ? (
        <p className="lead">
          Worksheet: <strong>{worksheet.data.version.definition.title}</strong>. Who is it for?
        </p>
      ) : (
        <p className="lead">Who is the homework for?</p>
      )}
      <FormError message={worksheet.isError ? errorMessage(worksheet.error) : null} />
      <div className="card">
        <SearchList
          label="Client"
          hint="Type part of the name, then press Enter, or choose from the list."
          query={search}
          onQueryChange={setSearch}
          items={clients.data?.map((c) => ({
            id: c.id,
            label: c.name,
            content: (
              <span>
                {c.name}
                {c.preferredName ? <span className="muted"> ({c.preferredName})</span> : null}
                {namesakes.has(c.id) ? <span className="muted"> · {tellApart(c)}</span> : null}
              </span>
            ),
          }))}
          stale={clients.isPlaceholderData}
          onPick={(it) => navigate(`/clients/${it.id}/assign${suffix}`, { replace: true })}
          noun={['client', 'clients']}
          autoFocus
          empty={
            search.trim() ? (
              <p className="muted">No active client matches “{search.trim()}”.</p>
            ) : (
              <p className="muted">
                There are no active clients yet. <Link to="/clients/new">Add a client</Link> first.
              </p>
            )
          }
        />
      </div>
    </section>
  );
}
