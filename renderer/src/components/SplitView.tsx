import { useEffect, useId, useState, type ReactNode } from 'react';
import './splitView.css';

/** Below this width a form and its preview do not fit side by side: a toggle switches between them. */
const NARROW = '(max-width: 1100px)';

function useNarrow(): boolean {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : null;
  const [narrow, setNarrow] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setNarrow(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  return narrow;
}

/**
 * A form beside its preview. On a wide window both show, side by side (the preview follows the
 * scroll); on a narrow one (1024 px) a clear toggle shows one or the other, never the preview
 * lost below a long form.
 */
export function SplitView({
  main,
  preview,
  mainLabel,
  previewLabel = 'Preview',
  className,
}: {
  main: ReactNode;
  preview: ReactNode;
  mainLabel: string;
  previewLabel?: string;
  className?: string;
}) {
  const id = useId();
  const narrow = useNarrow();
  const [showing, setShowing] = useState<'main' | 'preview'>('main');
  const cls = `split-view${narrow ? ' split-narrow' : ''}${className ? ` ${className}` : ''}`;
  return (
    <div className={cls}>
      {narrow ? (
        <div className="split-toggle" role="group" aria-label="Show">
          <button type="button" aria-pressed={showing === 'main'} aria-controls={`${id}-main`} onClick={() => setShowing('main')}>
            {mainLabel}
          </button>
          <button
            type="button"
            aria-pressed={showing === 'preview'}
            aria-controls={`${id}-preview`}
            onClick={() => setShowing('preview')}
          >
            {previewLabel}
          </button>
        </div>
      ) : null}
      <div id={`${id}-main`} className="split-main" hidden={narrow && showing !== 'main'}>
        {main}
      </div>
      <div id={`${id}-preview`} className="split-preview" hidden={narrow && showing !== 'preview'}>
        {preview}
      </div>
    </div>
  );
}
