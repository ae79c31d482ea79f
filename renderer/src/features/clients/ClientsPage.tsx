import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatDate } from '../../../../shared/dates';
import type { ClientSummary } from '../../../../shared/domain';
import { sharedNameIds } from '../../../../shared/names';
import { tellApart } from '../../components/namesakes';
import { foldForSearch } from '../../../../shared/search';
import { errorMessage } from '../../api/client';
import { Badge } from '../../components/Badge';
import { FormError } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { useClientList, type ClientStatusFilter } from '../../api/clients';
import { useCaseload } from '../../api/measures';
import { CaseloadLines } from '../measures';
import './clients.css';

const FILTERS: readonly { value: ClientStatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

const isFilter = (s: string | null): s is ClientStatusFilter => s === 'active' || s === 'archived' || s === 'all';

/** Everyone in therapy with this clinician, searchable by name, with what needs attention. */
export function ClientsPage() {
  // The search and filter are mirrored in the address, so Back returns to the same view. The
  // inputs read local state: the address updates a moment later, and typing must not wait for it.
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [status, setStatus] = useState<ClientStatusFilter>(() => {
    const show = params.get('show');
    return isFilter(show) ? show : 'active';
  });
  // The whole list is read once per filter; the search filters it here, deferred, so typing stays
  // instant (React renders the filtered rows when it has time) and makes no call per keystroke.
  const list = useClientList('', status);
  const deferredSearch = useDeferredValue(search);
  const state = useLocation().state as { imported?: number; deleted?: boolean; tracesOverwritten?: boolean } | null;
  const imported = state?.imported;

  const update = (q: string, show: ClientStatusFilter) => {
    setSearch(q);
    setStatus(show);
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    if (show !== 'active') next.set('show', show);
    setParams(next, { replace: true });
  };

  const clients = useFiltered(list.data, deferredSearch);
  return (
    <section className="page" aria-labelledby="clients-title">
      <div className="page-header">
        <PageHeading id="clients-title">Clients</PageHeading>
        <div className="actions header-actions">
          <Link className="button" to="/clients/import">
            Import from CSV…
          </Link>
          <Link className="button primary" to="/clients/new">
            New client
          </Link>
        </div>
      </div>
      {imported ? (
        <p className="notice" role="status">
          Imported {imported} {imported === 1 ? 'client' : 'clients'}.
        </p>
      ) : null}
      {state?.deleted ? (
        <p className="notice" role="status">
          The client and all of their records were deleted for good
          {state.tracesOverwritten === false ? '; the vault finishes clearing them from the disk when Stepwise next locks' : ''}.
          Backups made before the deletion still contain them.
        </p>
      ) : null}
      <div className="toolbar">
        <div className="field toolbar-search">
          <label htmlFor="client-search">Search by name</label>
          <input
            id="client-search"
            type="search"
            value={search}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => update(e.target.value, status)}
          />
        </div>
        <RadioGroup legend="Show" look="segmented" value={status} options={FILTERS} onChange={(v) => update(search, v)} />
      </div>
      <FormError message={list.isError ? errorMessage(list.error) : null} />
      <p className="visually-hidden" role="status">
        {clients ? `${clients.length} ${clients.length === 1 ? 'client' : 'clients'} shown` : ''}
      </p>
      {clients && clients.length > 0 ? (
        <ClientTable key={`${status}:${deferredSearch}`} clients={clients} showStatus={status !== 'active'} />
      ) : null}
      {clients && clients.length === 0 ? (
        <NoClients search={search} status={status} onShowAll={() => update(search, 'all')} />
      ) : null}
      {list.isPending ? <p className="muted">Loading clients…</p> : null}
    </section>
  );
}

/** Each client's name and preferred name, folded once per list (accents and case do not matter). */
function useFiltered(clients: readonly ClientSummary[] | undefined, search: string): readonly ClientSummary[] | undefined {
  const folded = useMemo(
    () => clients?.map((c) => ({ c, hay: [foldForSearch(c.name), c.preferredName ? foldForSearch(c.preferredName) : ''] })),
    [clients],
  );
  return useMemo(() => {
    if (!folded) return undefined;
    const words = foldForSearch(search).split(/\s+/).filter(Boolean);
    if (words.length === 0) return folded.map((f) => f.c);
    return folded.filter((f) => words.every((w) => f.hay.some((h) => h.includes(w)))).map((f) => f.c);
  }, [folded, search]);
}

/** Rows shown at first, and added by each "Show more": a caseload of a thousand stays quick. */
const CLIENT_PAGE_SIZE = 100;

function ClientTable({ clients, showStatus }: { clients: readonly ClientSummary[]; showStatus: boolean }) {
  // Who needs attention, and why: one line each under the name.
  const caseload = useCaseload();
  const flagsOf = new Map((caseload.data ?? []).map((e) => [e.clientId, e.flags]));
  // Namesakes are told apart by their date of birth and start date.
  const namesakes = sharedNameIds(clients);
  const [shown, setShown] = useState(CLIENT_PAGE_SIZE);
  const rest = clients.length - shown;
  return (
    <>
      <table className="client-table">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Homework</th>
            <th scope="col">Last session</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {clients.slice(0, shown).map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/clients/${c.id}`} className="row-link">
                  {c.name}
                </Link>
                {c.preferredName ? <span className="muted"> ({c.preferredName})</span> : null}
                {namesakes.has(c.id) ? <span className="muted tell-apart">{tellApart(c)}</span> : null}
                {showStatus && c.status === 'archived' ? (
                  <>
                    {' '}
                    <Badge tone="muted">Archived</Badge>
                  </>
                ) : null}
                <CaseloadLines flags={flagsOf.get(c.id) ?? []} />
              </th>
              <td>
                {c.activeAssignments === 0 ? (
                  <span className="muted">None active</span>
                ) : (
                  <span>{c.activeAssignments} active</span>
                )}
                {c.overdueAssignments > 0 ? (
                  <>
                    {' '}
                    <Badge tone="warn">{c.overdueAssignments} overdue</Badge>
                  </>
                ) : null}
              </td>
              <td>
                {c.lastSessionDate ? (
                  formatDate(c.lastSessionDate, undefined, 'medium')
                ) : (
                  <span className="muted">No sessions yet</span>
                )}
              </td>
              <td>{formatDate(c.startDate, undefined, 'medium')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 ? (
        <p className="more-row">
          <span className="muted">
            Showing {shown} of {clients.length} clients.
          </span>{' '}
          <button type="button" onClick={() => setShown((n) => n + CLIENT_PAGE_SIZE)}>
            Show {Math.min(rest, CLIENT_PAGE_SIZE)} more
          </button>
        </p>
      ) : null}
    </>
  );
}

function NoClients({ search, status, onShowAll }: { search: string; status: ClientStatusFilter; onShowAll: () => void }) {
  if (search.trim()) {
    return (
      <div className="empty">
        <h2>No clients match “{search.trim()}”</h2>
        <p>Check the spelling, or search for part of the name. Accents do not matter: “zoe” finds “Zoë”.</p>
        {status !== 'all' ? (
          <button type="button" onClick={onShowAll}>
            Search all clients, including archived
          </button>
        ) : null}
      </div>
    );
  }
  if (status === 'archived') {
    return (
      <div className="empty">
        <h2>No archived clients</h2>
        <p>When therapy ends, archive the client from their page. Their records stay here, out of the way.</p>
      </div>
    );
  }
  return <NoActiveClients onShowAll={onShowAll} />;
}

function NoActiveClients({ onShowAll }: { onShowAll: () => void }) {
  const everyone = useClientList('', 'all');
  if (everyone.data && everyone.data.length > 0) {
    return (
      <div className="empty">
        <h2>No active clients</h2>
        <p>Every client is archived. Show them all to find someone, or add a new client.</p>
        <div className="actions">
          <button type="button" onClick={onShowAll}>
            Show all clients
          </button>
          <Link className="button" to="/clients/new">
            New client
          </Link>
        </div>
      </div>
    );
  }
  if (!everyone.data) return null;
  return (
    <div className="empty">
      <h2>Add your first client</h2>
      <p>Start with a name and a start date. You can add goals and assign homework from the client’s page.</p>
      <Link className="button primary" to="/clients/new">
        New client
      </Link>
    </div>
  );
}
