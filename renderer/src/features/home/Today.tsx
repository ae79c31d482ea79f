import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, localIsoDate } from '../../../../shared/dates';
import { useAttention } from '../../api/assignments';
import { errorMessage } from '../../api/client';
import { useDueForReview, useUnfinishedSessions } from '../../api/sessions';
import { FormError } from '../../components/Field';
import { StateBadge } from '../../components/AssignmentState';
import './today.css';
import { lastBackupLine } from '../../components/backupText';
import { useBackupStatus } from '../../api/backup';
import { useCaseload, useItem9Open } from '../../api/measures';
import { CaseloadAttention, Item9Notices } from '../measures';

/**
 * The home screen: homework that is overdue or due in the next few days, across the caseload.
 * (It grows as features land: sessions seen recently, homework still to review.)
 */
export function Today() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date());
  const attention = useAttention();
  const backup = useBackupStatus();
  const items = attention.data ?? [];
  const unfinished = useUnfinishedSessions();
  const due = useDueForReview();
  const openSessions = unfinished.data ?? [];
  const toReview = due.data ?? [];
  // Homework waiting for its review is listed once, under "To review".
  const listed = new Set(toReview.map((a) => a.id));
  const overdue = items.filter((a) => a.state === 'overdue' && !listed.has(a.id));
  const soon = items.filter((a) => a.state === 'due-soon' && !listed.has(a.id));
  const caseload = useCaseload();
  const item9 = useItem9Open(null);
  const nothing =
    attention.isSuccess &&
    items.length === 0 &&
    openSessions.length === 0 &&
    toReview.length === 0 &&
    !caseload.data?.length &&
    !item9.data?.length;

  return (
    <section className="page" aria-labelledby="today-title">
      <h1 id="today-title" tabIndex={-1} ref={heading}>
        Today
      </h1>
      <p className="muted">{today}</p>
      {backup.data ? (
        <p
          className={backup.data.stale ? 'backup-line warning' : 'backup-line muted'}
          role={backup.data.stale ? 'alert' : undefined}
        >
          {lastBackupLine(backup.data)} {backup.data.stale ? <Link to="/settings">Go to backups</Link> : null}
        </p>
      ) : null}
      <Item9Notices clientId={null} showName />
      <FormError message={attention.error ? errorMessage(attention.error) : null} />
      <FormError message={unfinished.error ? errorMessage(unfinished.error) : due.error ? errorMessage(due.error) : null} />
      <CaseloadAttention />
      {openSessions.length ? (
        <section className="card today-group" aria-labelledby="today-unfinished">
          <h2 id="today-unfinished">
            Sessions left unfinished <span className="muted">({openSessions.length})</span>
          </h2>
          <ul className="today-list">
            {openSessions.map((s) => (
              <li key={s.id}>
                <Link to={`/clients/${s.clientId}/sessions/${s.id}`} className="today-client">
                  {s.clientName}
                  {s.clientPreferredName ? ` (${s.clientPreferredName})` : ''}
                </Link>
                <span className="today-title">Session {s.number}: carry on where you stopped</span>
                <span className="today-due">{formatDate(s.date, undefined, 'medium')}</span>
                <span />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {toReview.length ? (
        <section className="card today-group" aria-labelledby="today-review">
          <h2 id="today-review">
            To review at the next session <span className="muted">({toReview.length})</span>
          </h2>
          <p className="muted">Homework that fell due since the client’s last session and has not been reviewed yet.</p>
          <TailList items={toReview} more={(n) => `and ${n} more to review`}>
            {(a) => (
              <li key={a.id}>
                <Link to={`/clients/${a.clientId}/sessions`} className="today-client">
                  {a.clientName}
                  {a.clientPreferredName ? ` (${a.clientPreferredName})` : ''}
                </Link>
                <span className="today-title">{a.title}</span>
                <span className="today-due">
                  {a.dueDate ? `due ${formatDate(a.dueDate, undefined, 'medium')}` : ''}
                  {a.lastSessionDate
                    ? ` · last session ${formatDate(a.lastSessionDate, undefined, 'medium')}`
                    : ' · no session yet'}
                </span>
                <StateBadge state={a.state} />
              </li>
            )}
          </TailList>
        </section>
      ) : null}
      {nothing ? (
        <div className="empty">
          <h2>Nothing is due</h2>
          <p>
            No homework is overdue or due in the next few days, and no session is left unfinished. To give a client homework, open
            their page from <Link to="/clients">Clients</Link> (or press Ctrl+K) and choose “Assign homework”.
          </p>
        </div>
      ) : null}
      {[
        { id: 'overdue', title: 'Overdue', list: overdue, more: (n: number) => `and ${n} more overdue` },
        { id: 'due-soon', title: 'Due in the next few days', list: soon, more: (n: number) => `and ${n} more due soon` },
      ].map((g) =>
        g.list.length ? (
          <section key={g.id} className="card today-group" aria-labelledby={`today-${g.id}`}>
            <h2 id={`today-${g.id}`}>
              {g.title} <span className="muted">({g.list.length})</span>
            </h2>
            <TailList items={g.list} more={g.more}>
              {(a) => (
                <li key={a.id}>
                  <Link to={`/clients/${a.clientId}/assignments`} className="today-client">
                    {a.clientName}
                    {a.clientPreferredName ? ` (${a.clientPreferredName})` : ''}
                  </Link>
                  <span className="today-title">{a.title}</span>
                  <span className="today-due">
                    {a.dueDate === localIsoDate(new Date())
                      ? 'due today'
                      : `due ${a.dueDate ? formatDate(a.dueDate, undefined, 'medium') : '—'}`}
                  </span>
                  <StateBadge state={a.state} />
                </li>
              )}
            </TailList>
          </section>
        ) : null,
      )}
    </section>
  );
}

/** How many rows of a Today group show before the rest is collapsed. */
const TODAY_VISIBLE = 10;

/**
 * A Today list with its long tail collapsed: the first rows, then "and 140 more overdue", which
 * shows the rest. A caseload of hundreds keeps the page short and quick to draw.
 */
function TailList<T>({
  items,
  more,
  children,
}: {
  items: readonly T[];
  more: (n: number) => string;
  children: (item: T) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const hidden = open ? 0 : Math.max(0, items.length - TODAY_VISIBLE);
  return (
    <>
      <ul className="today-list">{(hidden ? items.slice(0, TODAY_VISIBLE) : items).map(children)}</ul>
      {hidden ? (
        <button type="button" className="today-more" aria-expanded={false} onClick={() => setOpen(true)}>
          {more(hidden)}
        </button>
      ) : null}
    </>
  );
}
