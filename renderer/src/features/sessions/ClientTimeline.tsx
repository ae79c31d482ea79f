import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { TIMELINE_KINDS, type TimelineKind } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import { errorMessage } from '../../api/client';
import { useTimeline } from '../../api/sessions';
import { FormError } from '../../components/Field';
import './sessions.css';

const KIND_LABELS: Record<TimelineKind, string> = {
  session: 'Sessions',
  review: 'Homework reviews',
  practice: 'Practice',
  assignment: 'Homework changes',
};

/** Items read at first and added by each "Show older items" (the timeline's own limit is 2000). */
const TIMELINE_PAGE = 50;
const TIMELINE_MAX = 2000;

/** The Timeline tab: sessions, reviews, practice and homework changes, newest first, filtered by kind. */
export function ClientTimeline() {
  const { id = '' } = useParams();
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  // Years of history: the newest page first, older items on request.
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  const timeline = useTimeline(id, kinds, limit);
  const items = timeline.data ?? [];
  // While older items are read, the items shown are the previous page's: the button stays (and
  // keeps focus); when there is nothing older, focus goes to the line that says so.
  const reading = timeline.isPlaceholderData;
  const more = reading || (items.length >= limit && limit < TIMELINE_MAX);
  const [askedMore, setAskedMore] = useState(false);
  const end = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (askedMore && !more) end.current?.focus();
  }, [askedMore, more]);
  // The items of each day, grouped once (newest first, as they come).
  const days = new Map<string, typeof items>();
  for (const i of items) {
    const ofDay = days.get(i.date);
    if (ofDay) ofDay.push(i);
    else days.set(i.date, [i]);
  }

  return (
    <div className="timeline-tab">
      <fieldset className="timeline-filter">
        <legend>Show</legend>
        {TIMELINE_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) =>
                setKinds(
                  e.target.checked ? TIMELINE_KINDS.filter((x) => x === k || kinds.includes(x)) : kinds.filter((x) => x !== k),
                )
              }
            />
            <span>{KIND_LABELS[k]}</span>
          </label>
        ))}
      </fieldset>
      <FormError message={timeline.isError ? errorMessage(timeline.error) : null} />
      {timeline.isPending ? <p className="muted">Loading the timeline…</p> : null}
      {timeline.isSuccess && items.length === 0 ? (
        <div className="empty">
          <h2>Nothing to show yet</h2>
          <p>
            {kinds.length === 0
              ? 'Choose what to show above.'
              : 'Sessions, homework reviews, practice records and homework changes appear here as they happen.'}
          </p>
        </div>
      ) : null}
      <ol className="timeline">
        {[...days].map(([d, ofDay]) => (
          <li key={d} className="timeline-day">
            <h3>{formatDate(d)}</h3>
            <ul>
              {ofDay.map((i, n) => (
                <li key={`${i.kind}-${i.id}-${n}`} className={`timeline-item timeline-${i.kind}`}>
                  <span className="timeline-kind">{KIND_LABELS[i.kind].replace(/s$/, '')}</span>
                  <span className="timeline-title">
                    {i.kind === 'session' && i.sessionId ? (
                      <Link to={`/clients/${id}/sessions/${i.sessionId}`}>{i.title}</Link>
                    ) : (
                      i.title
                    )}
                  </span>
                  {i.detail ? <span className="muted timeline-detail">{i.detail}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {more ? (
        <button
          type="button"
          aria-disabled={reading || undefined}
          onClick={() => {
            if (reading) return;
            setAskedMore(true);
            setLimit((n) => Math.min(TIMELINE_MAX, n + TIMELINE_PAGE));
          }}
        >
          {reading ? 'Reading older items…' : 'Show older items'}
        </button>
      ) : askedMore ? (
        <p className="muted" ref={end} tabIndex={-1}>
          {items.length >= TIMELINE_MAX ? `The newest ${items.length} items are shown.` : 'Nothing older: this is the beginning.'}
        </p>
      ) : null}
    </div>
  );
}
