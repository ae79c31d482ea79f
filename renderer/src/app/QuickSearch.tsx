import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge } from '../components/Badge';
import { Dialog } from '../components/Dialog';
import { SearchList, type SearchListItem } from '../components/SearchList';
import { useClientList } from '../api/clients';
import { tellApart } from '../components/namesakes';
import { sharedNameIds } from '../../../shared/names';
import './QuickSearch.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const QUICK_SEARCH_SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';
const MAX_MATCHES = 8;

/**
 * Find a client from anywhere: Ctrl+K (⌘K on a Mac), a few letters, Enter. Active clients come
 * first; archived ones are marked.
 */
export function QuickSearch() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        className="quick-search-button"
        onClick={() => setOpen(true)}
        title={`Find a client (${QUICK_SEARCH_SHORTCUT})`}
      >
        Find a client <kbd>{QUICK_SEARCH_SHORTCUT}</kbd>
      </button>
      <Dialog open={open} title="Find a client" onClose={() => setOpen(false)} className="quick-search" hideTitle>
        <QuickSearchBody onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function QuickSearchBody({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const list = useClientList(query, 'all');
  // Namesakes are told apart by their date of birth and start date.
  const namesakes = sharedNameIds(list.data ?? []);
  const items: SearchListItem[] | undefined = list.data
    ? [...list.data]
        .sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1))
        .slice(0, MAX_MATCHES)
        .map((c) => ({
          id: c.id,
          label: c.name,
          content: (
            <span className="quick-option">
              <span>
                {c.name}
                {c.preferredName ? <span className="muted"> ({c.preferredName})</span> : null}
                {namesakes.has(c.id) ? <span className="muted quick-tell-apart"> · {tellApart(c)}</span> : null}
              </span>
              {c.status === 'archived' ? <Badge tone="muted">Archived</Badge> : null}
              {c.overdueAssignments > 0 ? <Badge tone="warn">{c.overdueAssignments} overdue</Badge> : null}
            </span>
          ),
        }))
    : undefined;

  const pick = useCallback(
    (it: SearchListItem) => {
      onDone();
      navigate(`/clients/${it.id}`);
    },
    [navigate, onDone],
  );

  return (
    <>
      <SearchList
        label="Find a client"
        hint="Type part of a name. Enter opens the first match; ↑ and ↓ choose another; Escape closes."
        query={query}
        onQueryChange={setQuery}
        items={items}
        stale={list.isPlaceholderData}
        onPick={pick}
        noun={['client', 'clients']}
        autoFocus
        empty={<p className="muted">{query.trim() ? `No client matches “${query.trim()}”.` : 'There are no clients yet.'}</p>}
      />
    </>
  );
}
