import { NavLink } from 'react-router';
import './TabLinks.css';

export interface TabLink {
  /** Where the tab leads, relative to the current route or absolute. */
  to: string;
  label: string;
  /** Active only on an exact match (the first, "index" tab). */
  end?: boolean;
}

/**
 * Sections of one page, shown as tabs. They are links (each section has its own address), and the
 * current one carries aria-current="page".
 */
export function TabLinks({ label, tabs }: { label: string; tabs: readonly TabLink[] }) {
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((t) => (
          <li key={t.to}>
            <NavLink to={t.to} end={t.end} replace>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
