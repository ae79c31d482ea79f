import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { WorksheetSummary } from '../../../../shared/domain';
import { APPROACHES, CATEGORIES, PHASES, type Phase } from '../../../../shared/worksheet';
import type { WorksheetDraftSummary } from '../../../../shared/contract';
import { errorMessage } from '../../api/client';
import { PageHeading } from '../../components/PageHeading';
import { approachLabel, categoryLabel, draftNote, instantDate, kindLine, phaseLabel, plural, usedIn } from './format';
import { useLibrary, useWorksheetDrafts, type LibraryFilters } from '../../api/library';
import './library.css';

const pick = <T extends string>(all: readonly T[], v: string | null): T | undefined =>
  v && (all as readonly string[]).includes(v) ? (v as T) : undefined;

/** True while the user is typing somewhere, so that single-key shortcuts stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

const PARAM_KEYS = ['q', 'category', 'approach', 'phase', 'archived'] as const;
type ParamKey = (typeof PARAM_KEYS)[number];

/** The worksheets: search, filter, open one. Filters live in the address so Back returns to the same list. */
export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  // The controls keep their own state and write it to the address as they change (the address
  // updates a moment later; typing and ticking must not wait for it).
  const [form, setForm] = useState<Record<ParamKey, string>>(() => {
    const out = {} as Record<ParamKey, string>;
    for (const k of PARAM_KEYS) out[k] = params.get(k) ?? '';
    return out;
  });
  const search = form.q;
  const filters: LibraryFilters = {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(pick(CATEGORIES, form.category) ? { category: pick(CATEGORIES, form.category)! } : {}),
    ...(pick(APPROACHES, form.approach) ? { approach: pick(APPROACHES, form.approach)! } : {}),
    ...(pick(PHASES, form.phase) ? { phase: pick(PHASES, form.phase)! } : {}),
    ...(form.archived === '1' ? { includeArchived: true } : {}),
  };
  const list = useLibrary(filters);
  const drafts = useWorksheetDrafts();
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const filtered = !!(filters.category || filters.approach || filters.phase);

  const change = (patch: Partial<Record<ParamKey, string>>) => {
    const next = { ...form, ...patch };
    setForm(next);
    const url = new URLSearchParams();
    for (const k of PARAM_KEYS) if (next[k]) url.set(k, next[k]);
    setParams(url, { replace: true });
  };
  const set = (key: ParamKey, value: string | null) => change({ [key]: value ?? '' });
  const clearFilters = () => change({ category: '', approach: '', phase: '' });
  const clearAll = () => {
    change({ q: '', category: '', approach: '', phase: '' });
    searchRef.current?.focus();
  };

  // "/" jumps to the search box, unless the user is typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const items = list.data ?? [];
  const count = list.data ? (items.length === 1 ? '1 worksheet' : `${items.length} worksheets`) : '';

  return (
    <section className="page library" aria-labelledby="library-title">
      <div className="page-header">
        <div>
          <PageHeading id="library-title">Library</PageHeading>
          <p className="muted">Worksheets to give as homework. Open one to see what it is for and how it prints.</p>
        </div>
        <Link to="/library/new" className="button primary">
          New worksheet
        </Link>
      </div>

      <DraftsSection drafts={drafts.data ?? []} />

      <div className="library-filters card" role="search" aria-label="Find worksheets">
        <div className="field library-search">
          <label htmlFor={`${ids}-q`}>Search</label>
          <input
            id={`${ids}-q`}
            ref={searchRef}
            type="search"
            value={search}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            placeholder="Title or summary, e.g. sleep, worry, exposure"
            aria-describedby={`${ids}-q-hint`}
            aria-controls={`${ids}-results`}
            onChange={(e) => set('q', e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && search) {
                e.preventDefault();
                set('q', null);
              }
            }}
          />
          <p className="field-hint" id={`${ids}-q-hint`}>
            Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to clear.
          </p>
        </div>
        <FilterSelect
          id={`${ids}-category`}
          label="Category"
          all="All categories"
          value={filters.category ?? ''}
          options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
          onChange={(v) => set('category', v)}
        />
        <FilterSelect
          id={`${ids}-approach`}
          label="Approach"
          all="All approaches"
          value={filters.approach ?? ''}
          options={APPROACHES.map((a) => ({ value: a, label: approachLabel(a) }))}
          onChange={(v) => set('approach', v)}
        />
        <FilterSelect
          id={`${ids}-phase`}
          label="Phase of therapy"
          all="All phases"
          value={filters.phase ?? ''}
          options={PHASES.map((p) => ({ value: p, label: phaseLabel(p) }))}
          onChange={(v) => set('phase', v)}
        />
        <div className="library-filter-actions">
          <div className="check">
            <input
              id={`${ids}-archived`}
              type="checkbox"
              checked={!!filters.includeArchived}
              onChange={(e) => set('archived', e.target.checked ? '1' : null)}
            />
            <label htmlFor={`${ids}-archived`}>Show archived</label>
          </div>
          <button type="button" onClick={clearFilters} disabled={!filtered}>
            Clear filters
          </button>
        </div>
      </div>

      <p className="library-count muted" role="status" aria-live="polite">
        {count}
        {list.isFetching && list.data ? ' · updating…' : ''}
      </p>

      {list.isError ? (
        <div className="form-error" role="alert">
          {errorMessage(list.error)}
        </div>
      ) : list.isPending ? (
        <p className="muted">Loading the library…</p>
      ) : items.length === 0 ? (
        <div className="empty" id={`${ids}-results`}>
          <h2>{filters.search ? `No worksheets match “${filters.search}”` : 'No worksheets match these filters'}</h2>
          <p>
            {filters.search
              ? 'Try a shorter or different word (for example “worry”, “sleep” or “exposure”), or check the spelling.'
              : 'Try another category, approach or phase.'}
            {filtered ? ' The filters above also narrow the list.' : ''}
            {!filters.includeArchived ? ' Archived worksheets are hidden unless you tick “Show archived”.' : ''}
          </p>
          <div className="actions">
            <button type="button" onClick={clearAll}>
              Clear search and filters
            </button>
            <Link to="/library/new">Build a new worksheet</Link>
          </div>
        </div>
      ) : (
        <ul className="worksheet-grid" id={`${ids}-results`} aria-label="Worksheets">
          {items.map((w) => (
            <WorksheetCard key={w.id} w={w} changes={drafts.data?.find((x) => x.worksheetId === w.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FilterSelect({
  id,
  label,
  all,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  all: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

// ---- drafts (issue 11)
/** Worksheets saved as drafts, above the library: each says what it still needs. */
function DraftsSection({ drafts }: { drafts: readonly WorksheetDraftSummary[] }) {
  if (!drafts.length) return null;
  return (
    <section className="library-drafts" aria-labelledby="library-drafts-title">
      <h2 id="library-drafts-title">Drafts ({drafts.length})</h2>
      <p className="muted">Not finished yet, so they cannot be assigned. Open one to carry on.</p>
      <ul className="worksheet-grid" aria-label="Drafts">
        {drafts.map((d) => (
          <li key={d.id} className="worksheet-card is-draft">
            <div className="worksheet-card-top">
              <p className="worksheet-card-kind">{d.category ? categoryLabel(d.category) : 'No category yet'}</p>
              <span className="worksheet-card-badges">
                <span className="badge badge-warn">Draft</span>
              </span>
            </div>
            <h3 className="worksheet-card-title">
              <Link to={`/library/drafts/${d.id}`}>
                {d.worksheetId ? `Changes to “${d.title || 'untitled worksheet'}”` : d.title || 'Untitled worksheet'}
              </Link>
            </h3>
            <p className="worksheet-card-summary">{draftNote(d)}</p>
            <p className="worksheet-card-foot muted">
              {d.worksheetId ? `Version ${d.baseVersion} can still be assigned. ` : ''}Saved as a draft {instantDate(d.updatedAt)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
// ---- end drafts

function WorksheetCard({ w, changes }: { w: WorksheetSummary; changes?: WorksheetDraftSummary | undefined }) {
  return (
    <li className={`worksheet-card${w.archived ? ' is-archived' : ''}`}>
      <div className="worksheet-card-top">
        <p className="worksheet-card-kind">{kindLine(w.category, w.approach)}</p>
        <span className="worksheet-card-badges">
          <span className={w.builtIn ? 'badge badge-muted' : 'badge badge-accent'}>{w.builtIn ? 'Built-in' : 'Yours'}</span>
          {w.archived ? <span className="badge badge-warn">Archived</span> : null}
          {changes ? <span className="badge badge-muted">Changes in a draft</span> : null}
        </span>
      </div>
      <h2 className="worksheet-card-title">
        <Link to={`/library/${w.id}`}>{w.title}</Link>
      </h2>
      <p className="worksheet-card-summary">{w.summary}</p>
      {w.derivedFromTitle ? <p className="worksheet-card-based">Based on {w.derivedFromTitle}</p> : null}
      <ul className="tags" aria-label="Phases">
        {w.phases.map((p) => (
          <li key={p} className="tag">
            {phaseLabel(p as Phase)}
          </li>
        ))}
      </ul>
      <p className="worksheet-card-foot muted">
        Version {w.version} · {plural(w.blockCount, 'part')} · {usedIn(w.assignmentCount)}
      </p>
    </li>
  );
}
