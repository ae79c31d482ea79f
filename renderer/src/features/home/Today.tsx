import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TodayClient, TodayGroup, TodayHomework, TodayPage } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import { errorMessage } from '../../api/client';
import { useTodayMore, useTodayOverview } from '../../api/today';
import { FormError } from '../../components/Field';
import { StateBadge } from '../../components/AssignmentState';
import { tellApart } from '../../components/namesakes';
import './today.css';
import { lastBackupLine } from '../../components/backupText';
import { useBackupStatus } from '../../api/backup';
import { CaseloadLines, Item9Notice } from '../measures';

/**
 * The home screen: item 9 answers to acknowledge, who needs attention, sessions left unfinished,
 * homework to review, overdue or due in the next few days, across the caseload. One call
 * (today.overview) brings each group's first rows and its count; the rest of a group is loaded
 * when the clinician asks for it (issue 12).
 */
export function Today() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date());
  const overview = useTodayOverview();
  const backup = useBackupStatus();
  const o = overview.data;
  const nothing =
    o !== undefined &&
    o.item9.total + o.attention.total + o.unfinished.total + o.review.total + o.overdue.total + o.dueSoon.total === 0;

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
      <FormError message={overview.error ? errorMessage(overview.error) : null} />
      {o && o.item9.total > 0 ? (
        <Tail
          group="item9"
          first={o.item9}
          more={(n) => `and ${n} more item 9 answers to acknowledge`}
          list={(rows) => (
            <div className="item9-notices">
              {rows.map((f) => (
                <div key={f.resultId} data-today-row>
                  <Item9Notice flag={f} showName detail={f.client.tellApart ? tellApart(f.client.tellApart) : null} />
                </div>
              ))}
            </div>
          )}
        />
      ) : null}
      {o && o.attention.total > 0 ? (
        <Group id="today-attention" title="Needs attention" total={o.attention.total}>
          <Tail
            group="attention"
            first={o.attention}
            more={(n) => `and ${n} more who need attention`}
            list={(rows) => (
              <ul className="today-list attention-list">
                {rows.map((e) => (
                  <li key={e.client.id} data-today-row>
                    <Client client={e.client} to={`/clients/${e.client.id}`} />
                    <CaseloadLines flags={e.flags} />
                  </li>
                ))}
              </ul>
            )}
          />
        </Group>
      ) : null}
      {o && o.unfinished.total > 0 ? (
        <Group id="today-unfinished" title="Sessions left unfinished" total={o.unfinished.total}>
          <Tail
            group="unfinished"
            first={o.unfinished}
            more={(n) => `and ${n} more unfinished sessions`}
            list={(rows) => (
              <ul className="today-list">
                {rows.map((s) => (
                  <li key={s.id} data-today-row>
                    <Client client={s.client} to={`/clients/${s.client.id}/sessions/${s.id}`} />
                    <span className="today-title">Session {s.number}: carry on where you stopped</span>
                    <span className="today-due">{formatDate(s.date, undefined, 'medium')}</span>
                    <span />
                  </li>
                ))}
              </ul>
            )}
          />
        </Group>
      ) : null}
      {o && o.review.total > 0 ? (
        <Group id="today-review" title="To review at the next session" total={o.review.total}>
          <p className="muted">Homework that fell due since the client’s last session and has not been reviewed yet.</p>
          <Tail
            group="review"
            first={o.review}
            more={(n) => `and ${n} more to review`}
            list={(rows) => (
              <ul className="today-list">
                {rows.map((a) => (
                  <HomeworkRow key={a.id} a={a} to={`/clients/${a.client.id}/sessions`}>
                    {`due ${formatDate(a.dueDate, undefined, 'medium')}`}
                    {a.lastSessionDate
                      ? ` · last session ${formatDate(a.lastSessionDate, undefined, 'medium')}`
                      : ' · no session yet'}
                  </HomeworkRow>
                ))}
              </ul>
            )}
          />
        </Group>
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
      {o
        ? (
            [
              { group: 'overdue', title: 'Overdue', more: (n: number) => `and ${n} more overdue` },
              { group: 'dueSoon', title: 'Due in the next few days', more: (n: number) => `and ${n} more due soon` },
            ] as const
          ).map((g) =>
            o[g.group].total > 0 ? (
              <Group
                key={g.group}
                id={`today-${g.group === 'dueSoon' ? 'due-soon' : g.group}`}
                title={g.title}
                total={o[g.group].total}
              >
                <Tail
                  group={g.group}
                  first={o[g.group]}
                  more={g.more}
                  list={(rows) => (
                    <ul className="today-list">
                      {rows.map((a) => (
                        <HomeworkRow key={a.id} a={a} to={`/clients/${a.client.id}/assignments`}>
                          {a.dueDate === o.today ? 'due today' : `due ${formatDate(a.dueDate, undefined, 'medium')}`}
                        </HomeworkRow>
                      ))}
                    </ul>
                  )}
                />
              </Group>
            ) : null,
          )
        : null}
    </section>
  );
}

function Group({ id, title, total, children }: { id: string; title: string; total: number; children: ReactNode }) {
  return (
    <section className="card today-group" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({total})</span>
      </h2>
      {children}
    </section>
  );
}

/** The client of a row: their name, and what tells them apart from a namesake. */
function Client({ client, to }: { client: TodayClient; to: string }) {
  return (
    <span className="today-who">
      <Link to={to} className="today-client">
        {client.name}
        {client.preferredName ? ` (${client.preferredName})` : ''}
      </Link>
      {client.tellApart ? <span className="muted today-tell-apart">{tellApart(client.tellApart)}</span> : null}
    </span>
  );
}

function HomeworkRow({ a, to, children }: { a: TodayHomework; to: string; children: ReactNode }) {
  return (
    <li data-today-row>
      <Client client={a.client} to={to} />
      <span className="today-title">{a.title}</span>
      <span className="today-due">{children}</span>
      <StateBadge state={a.state} />
    </li>
  );
}

type RowOf<G extends TodayGroup> = Extract<TodayPage, { group: G }>['rows'][number];

/**
 * A Today group with its long tail collapsed: the overview's first rows, then "and 140 more
 * overdue". The button loads the group from the core a page at a time (today.more); keyboard focus
 * moves to the first row it brought, so a keyboard user carries on reading where the list grew.
 */
function Tail<G extends TodayGroup>({
  group,
  first,
  more,
  list,
}: {
  group: G;
  first: { total: number; rows: readonly RowOf<G>[] };
  more: (n: number) => string;
  list: (rows: readonly RowOf<G>[]) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pages = useTodayMore(group, open);
  const box = useRef<HTMLDivElement>(null);
  const focusFrom = useRef<number | null>(null);
  const listId = useId();
  // The pages are of this group (useTodayMore); TypeScript cannot narrow the union by a generic G.
  const loaded =
    open && pages.data ? (pages.data.pages.flatMap((p): readonly unknown[] => p.rows) as readonly RowOf<G>[]) : first.rows;
  const total = open && pages.data ? pages.data.pages[pages.data.pages.length - 1]!.total : first.total;
  const hidden = Math.max(0, total - loaded.length);

  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || loaded.length <= from) return;
    focusFrom.current = null;
    const row = box.current?.querySelectorAll('[data-today-row]')[from];
    row?.querySelector<HTMLElement>('a, button, textarea')?.focus();
  }, [loaded.length]);

  const showMore = () => {
    focusFrom.current = loaded.length;
    if (!open) setOpen(true);
    else void pages.fetchNextPage();
  };
  const busy = open && (pages.isFetching || pages.isPending);

  return (
    <div ref={box} id={listId}>
      {list(loaded)}
      <FormError message={pages.error ? errorMessage(pages.error) : null} />
      {hidden > 0 ? (
        <button type="button" className="today-more" aria-controls={listId} disabled={busy} onClick={showMore}>
          {busy ? 'Loading…' : more(hidden)}
        </button>
      ) : null}
    </div>
  );
}
