import { useEffect, useRef } from 'react';

/** The home screen. It grows as features land: clients seen recently, homework due, reviews pending. */
export function Today() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date());
  return (
    <section className="page" aria-labelledby="today-title">
      <h1 id="today-title" tabIndex={-1} ref={heading}>
        Today
      </h1>
      <p className="muted">{today}</p>
      <div className="empty">
        <h2>Your vault is open</h2>
        <p>
          This is where you will see the clients you saw recently, homework that is due or overdue, and homework still to review
          in session.
        </p>
      </div>
    </section>
  );
}
