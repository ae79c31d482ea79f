import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate, localIsoDate } from '../../../../shared/dates';
import { api, errorMessage, unwrap } from '../../api/client';
import { FormError } from '../../components/Field';
import { StateBadge } from '../assignments/present';
import { lastBackupLine } from '../settings/backupText';

/**
 * The home screen: homework that is overdue or due in the next few days, across the caseload.
 * (It grows as features land: sessions seen recently, homework still to review.)
 */
export function Today() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date());
  const attention = useQuery({
    queryKey: ['assignments', 'attention'],
    queryFn: () => unwrap(api().assignments.attention()),
    staleTime: 0,
  });
  const backup = useQuery({ queryKey: ['backup', 'status'], queryFn: () => unwrap(api().backup.status()) });
  const items = attention.data ?? [];
  const overdue = items.filter((a) => a.state === 'overdue');
  const soon = items.filter((a) => a.state === 'due-soon');

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
      <FormError message={attention.error ? errorMessage(attention.error) : null} />
      {attention.isSuccess && items.length === 0 ? (
        <div className="empty">
          <h2>Nothing is due</h2>
          <p>
            No homework is overdue or due in the next few days. To give a client homework, open their page from{' '}
            <Link to="/clients">Clients</Link> (or press Ctrl+K) and choose “Assign homework”.
          </p>
        </div>
      ) : null}
      {[
        { id: 'overdue', title: 'Overdue', list: overdue },
        { id: 'due-soon', title: 'Due in the next few days', list: soon },
      ].map((g) =>
        g.list.length ? (
          <section key={g.id} className="card today-group" aria-labelledby={`today-${g.id}`}>
            <h2 id={`today-${g.id}`}>
              {g.title} <span className="muted">({g.list.length})</span>
            </h2>
            <ul className="today-list">
              {g.list.map((a) => (
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
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </section>
  );
}
