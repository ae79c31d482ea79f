import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import type { ClientDetail } from '../../../../shared/domain';
import { api, errorMessage } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/Dialog';
import { ExportDialog } from '../../components/ExportDialog';
import { FormError } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { TabLinks } from '../../components/TabLinks';
import { UndoNotice, type UndoMessage } from '../../components/UndoNotice';
import { useClient, useSetClientArchived } from '../../api/clients';
import type { ClientTab } from './tabs';
import { DeleteClientDialog } from '../../components/DeleteClientDialog';
import { ClientModeLauncher, ClientModeOutcomeNotice, Item9Notices, MeasurePaper } from '../measures';
import './clients.css';

/** /clients/:id — the client's header and actions, with one tab per section below. */
export function ClientPage({ tabs }: { tabs: readonly ClientTab[] }) {
  const { id = '' } = useParams();
  // Opening a client's record is an event of the activity log (the core records one a minute at most).
  useEffect(() => {
    if (id) void api().audit.viewed({ entity: 'client', entityId: id });
  }, [id]);
  const client = useClient(id);

  if (client.isPending) return <p className="loading">Loading…</p>;
  if (client.isError) {
    return (
      <section className="page">
        <Link className="back-link" to="/clients">
          All clients
        </Link>
        <FormError message={errorMessage(client.error)} />
      </section>
    );
  }
  return <ClientShell client={client.data} tabs={tabs} />;
}

function ClientShell({ client, tabs }: { client: ClientDetail; tabs: readonly ClientTab[] }) {
  const setArchived = useSetClientArchived();
  const [confirming, setConfirming] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<UndoMessage | null>(null);
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const toggle = useRef<HTMLButtonElement>(null);
  const archived = client.status === 'archived';

  const archive = async () => {
    try {
      await setArchived.mutateAsync({ id: client.id, archived: true });
      setConfirming(false);
      setNotice({ text: `${client.name} was archived.`, undo: () => void restore(true) });
    } catch {
      // The message shows in the dialog.
    }
  };

  const restore = async (undo = false) => {
    try {
      await setArchived.mutateAsync({ id: client.id, archived: false });
      setNotice({ text: undo ? `Undone: ${client.name} is active again.` : `${client.name} was restored.` });
    } catch (e) {
      setNotice({ text: errorMessage(e) });
    }
    toggle.current?.focus();
  };

  return (
    <section className="page client-page" aria-labelledby="client-title">
      <Link className="back-link" to="/clients">
        All clients
      </Link>
      <header className="page-header client-header">
        <div>
          <PageHeading id="client-title" focusKey={client.id}>
            {client.name}
            {client.preferredName ? <span className="h1-aside"> ({client.preferredName})</span> : null}
          </PageHeading>
          <p className="client-sub">
            {client.pronouns ? <span>{client.pronouns}</span> : null}
            {archived ? <Badge tone="muted">Archived</Badge> : <Badge tone="accent">Active</Badge>}
          </p>
        </div>
        <div className="actions header-actions">
          {archived ? null : (
            <Link className="button primary" to={`/clients/${client.id}/assign`}>
              Assign homework
            </Link>
          )}
          {archived ? null : (
            <Link className="button" to={`/print?client=${client.id}`}>
              Print packet
            </Link>
          )}
          {archived ? null : <ClientModeLauncher clientId={client.id} />}
          {archived ? null : <MeasurePaper clientId={client.id} />}
          <Link className="button" to={`/clients/${client.id}/edit`}>
            Edit details
          </Link>
          <button
            type="button"
            ref={toggle}
            onClick={() => (archived ? void restore() : setConfirming(true))}
            disabled={setArchived.isPending}
          >
            {archived ? 'Restore' : 'Archive'}
          </button>
          <button type="button" onClick={() => setExporting(true)}>
            Export…
          </button>
        </div>
      </header>
      <UndoNotice message={notice} onDismiss={() => setNotice(null)} />
      <Item9Notices clientId={client.id} showName={false} />
      <ClientModeOutcomeNotice clientId={client.id} />
      {archived ? (
        <div className="notice notice-archived archived-actions">
          <p>This client is archived. Their records stay as they are. Restore them to assign new homework.</p>
          <button type="button" className="danger small" onClick={() => setDeleting(true)}>
            Delete for good…
          </button>
        </div>
      ) : null}
      <TabLinks
        label="Client sections"
        tabs={tabs.map((t) => ({
          to: `/clients/${client.id}${t.path ? `/${t.path}` : ''}`,
          label: t.label,
          end: !t.path,
        }))}
      />
      <div className="tab-panel">
        <Outlet />
      </div>
      {archived ? (
        <DeleteClientDialog
          open={deleting}
          client={client}
          onClose={() => setDeleting(false)}
          onDeleted={(r) => void navigate('/clients', { state: { deleted: true, tracesOverwritten: r.tracesOverwritten } })}
        />
      ) : null}
      <ExportDialog open={exporting} onClose={() => setExporting(false)} clientId={client.id} who={client.name} />
      <ConfirmDialog
        open={confirming}
        title={`Archive ${client.name}?`}
        confirmLabel="Archive"
        cancelLabel="Keep active"
        busy={setArchived.isPending}
        error={setArchived.isError ? errorMessage(setArchived.error) : null}
        onConfirm={() => void archive()}
        onCancel={() => {
          setConfirming(false);
          setArchived.reset();
        }}
      >
        <p>
          {client.name} moves to the archived clients. Goals and homework stay as they are, and you can restore them at any time.
        </p>
      </ConfirmDialog>
    </section>
  );
}
