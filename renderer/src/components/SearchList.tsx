import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './SearchList.css';

export interface SearchListItem {
  id: string;
  /** Plain text naming the item, for the count and for screen readers. */
  label: string;
  /** What the option shows; defaults to the label. */
  content?: ReactNode;
}

interface SearchListProps {
  label: string;
  hint?: ReactNode;
  query: string;
  onQueryChange: (q: string) => void;
  /** The matches, or undefined while the first answer is on its way. */
  items: readonly SearchListItem[] | undefined;
  /** True while `items` still answer an older query: Enter then waits for the fresh answer. */
  stale?: boolean;
  onPick: (item: SearchListItem) => void;
  /** Shown when nothing matches. */
  empty: ReactNode;
  /** Words for the live count, e.g. ['client', 'clients']. */
  noun: [string, string];
  placeholder?: string;
  autoFocus?: boolean;
  className?: string;
  /** Told which item is highlighted (for a preview beside the list). */
  onActiveChange?: ((id: string | null) => void) | undefined;
}

/**
 * A search box with its list of matches right under it (an ARIA combobox with an inline
 * listbox). Typing filters; ↑ and ↓ move through the matches; Enter picks the highlighted one
 * (the first, unless moved); a click picks too.
 */
export function SearchList({
  label,
  hint,
  query,
  onQueryChange,
  items,
  stale,
  onPick,
  empty,
  noun,
  placeholder,
  autoFocus,
  className,
  onActiveChange,
}: SearchListProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const [activeId, setActiveId] = useState<string | null>(null);
  const pendingEnter = useRef(false);
  const listRef = useRef<HTMLUListElement>(null);

  const list = items ?? [];
  const activeIndex = Math.max(
    0,
    list.findIndex((it) => it.id === activeId),
  );
  const active = list[activeIndex];
  const optionId = (itemId: string) => `${id}-opt-${itemId}`;

  // Enter pressed before the answer to the latest typing arrived: pick once it is here.
  useEffect(() => {
    if (!pendingEnter.current || stale || !items) return;
    pendingEnter.current = false;
    if (items[0]) onPick(items[0]);
  }, [items, stale, onPick]);

  useEffect(() => {
    if (!active) return;
    listRef.current?.querySelector(`[id="${CSS.escape(optionId(active.id))}"]`)?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from the stable useId value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active?.id]);

  useEffect(() => {
    onActiveChange?.(active?.id ?? null);
  }, [active?.id, onActiveChange]);

  const move = (delta: number) => {
    if (list.length === 0) return;
    const next = (activeIndex + delta + list.length) % list.length;
    setActiveId(list[next]!.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (stale || !items) {
        pendingEnter.current = true;
        setActiveId(null);
      } else if (active) {
        onPick(active);
      }
    }
  };

  const count = items ? (list.length === 1 ? `1 ${noun[0]} found` : `${list.length} ${noun[1]} found`) : '';

  return (
    <div className={`searchlist${className ? ` ${className}` : ''}`}>
      <div className="field">
        <label htmlFor={`${id}-input`}>{label}</label>
        <input
          id={`${id}-input`}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(active.id) : undefined}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          placeholder={placeholder}
          value={query}
          data-autofocus={autoFocus ? true : undefined}
          autoFocus={autoFocus}
          onChange={(e) => {
            onQueryChange(e.target.value);
            setActiveId(null);
          }}
          onKeyDown={onKeyDown}
        />
        {hint ? (
          <p className="field-hint" id={hintId}>
            {hint}
          </p>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {count}
      </p>
      <ul id={listId} role="listbox" aria-label={label} className="searchlist-options" ref={listRef}>
        {list.map((it) => (
          <li
            key={it.id}
            id={optionId(it.id)}
            role="option"
            aria-selected={it.id === active?.id}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => it.id !== active?.id && setActiveId(it.id)}
            onClick={() => onPick(it)}
          >
            {it.content ?? it.label}
          </li>
        ))}
      </ul>
      {items && list.length === 0 ? <div className="searchlist-empty">{empty}</div> : null}
    </div>
  );
}
