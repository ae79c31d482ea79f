import { useCallback, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import type { WorksheetDefinition } from '../../../../../shared/worksheet';
import { fieldsOf, flattenErrors } from '../../../components/forms';
import { afterUpdate, type DesignerApi } from './context';
import { blankDraft, fromDefinition, getIn, moveIn, refreshAutoIds, setIn, toDefinition, type Draft, type Path } from './draft';
import { capital } from './fields';
import { describePath, designerResolver, displayPath, fieldId } from './validation';

export interface ShownProblem {
  /** The path whose control shows it (and that the summary's link focuses). */
  at: string;
  /** Where it is, in the clinician's words. */
  where: string;
  message: string;
}

/**
 * The designer's form: the draft is one react-hook-form value, checked by the shared worksheet
 * schema (designerResolver). Every change makes a new draft (with the IDs that follow labels
 * re-derived) and re-checks the whole of it, so that a message can appear at another field of
 * the same part (a scale's lowest value makes its highest one wrong). A part's messages show once
 * it was edited, and all of them after trying to save; the core's, at once.
 */
export function useDesignerForm(
  definition: WorksheetDefinition | undefined,
  opts: { start?: Draft | undefined; showAll?: boolean } = {},
) {
  const [initial] = useState(() => opts.start ?? (definition ? fromDefinition(definition) : blankDraft()));
  // What was last saved (as a worksheet or as a draft): unsaved changes are those since.
  const [initialJson, setInitialJson] = useState(() => JSON.stringify(toDefinition(initial)));
  const form = useForm<Draft, unknown, WorksheetDefinition>({
    defaultValues: initial,
    resolver: designerResolver,
    shouldFocusError: false,
  });
  const { control, getValues, setValues, trigger, setError, formState } = form;
  const draft = useWatch({ control }) as Draft;
  /** What was edited: a part (by its key, so it follows the part when it moves) or a top-level field. */
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const [live, setLive] = useState('');
  /** The part in focus: outlined in the preview, which scrolls to it. */
  const [activeBlock, setActiveBlock] = useState<number | null>(null);

  const scopeOf = useCallback((path: Path, d: Draft) => {
    const m = /^blocks\.(\d+)/.exec(path);
    return m ? (d.blocks[Number(m[1])]?._key ?? 'blocks') : (path.split('.')[0] ?? path);
  }, []);

  const announce = useCallback((message: string) => {
    // A new string each time, so that the same words are announced again.
    setLive((old) => (old === message ? `${message}\u00a0` : message));
  }, []);

  /** Makes a new draft from the latest one, then checks it. Not an edit of a field (adding or removing a part). */
  const change = useCallback(
    (fn: (d: Draft) => Draft) => {
      const next = refreshAutoIds(fn(getValues()));
      // Every top-level key, so that one left out (an emptied optional number) is cleared too.
      setValues({ ...next, suggestedMinutes: next.suggestedMinutes });
      void trigger();
    },
    [getValues, setValues, trigger],
  );

  const markEdited = useCallback(
    (path: Path) => {
      const scope = scopeOf(path, getValues());
      setEdited((t) => (t.has(scope) ? t : new Set(t).add(scope)));
    },
    [getValues, scopeOf],
  );

  const set = useCallback(
    (path: Path, value: unknown) => {
      markEdited(path);
      change((d) => setIn(d, path, value));
    },
    [markEdited, change],
  );

  const update = useCallback(
    (path: Path, fn: (old: unknown) => unknown) => {
      markEdited(path);
      change((d) => setIn(d, path, fn(getIn(d, path))));
    },
    [markEdited, change],
  );

  const move = useCallback(
    (path: Path, from: number, to: number, what: string) => {
      const count = ((getIn(getValues(), path) as unknown[]) ?? []).length;
      if (to < 0 || to >= count) return;
      // Keep focus on the same control of the moved item (its id follows its position).
      const oldPrefix = fieldId(`${path}.${from}`);
      const newPrefix = fieldId(`${path}.${to}`);
      const active = document.activeElement as HTMLElement | null;
      const activeId = active?.id ?? '';
      const target =
        activeId === oldPrefix || activeId.startsWith(`${oldPrefix}-`) ? newPrefix + activeId.slice(oldPrefix.length) : null;
      if (path !== 'blocks') markEdited(path);
      change((d) => moveIn(d, path, from, to));
      if (path === 'blocks' && target) setActiveBlock(to);
      announce(`${capital(what)} moved ${to < from ? 'up' : 'down'}: now ${to + 1} of ${count}.`);
      afterUpdate(() => {
        const candidates = target ? [target, `${newPrefix}-${to < from ? 'down' : 'up'}`, newPrefix] : [];
        for (const id of candidates) {
          const el = document.getElementById(id) as HTMLElement | null;
          if (el && !(el as HTMLButtonElement).disabled) {
            el.focus();
            el.scrollIntoView({ block: 'nearest' });
            return;
          }
        }
        if (active?.isConnected && document.activeElement !== active) active.focus();
      });
    },
    [getValues, markEdited, change, announce],
  );

  // Every message of the last check (and the core's, after a refused save), where it is shown.
  const errors = flattenErrors(formState.errors);
  const submitted = formState.isSubmitted;
  const shown = new Map<string, { message: string; server: boolean }>();
  for (const e of errors) {
    const at = displayPath(e.path, draft);
    if (!shown.has(at)) shown.set(at, { message: e.message, server: e.type === 'server' });
  }

  const errorFor = (path: Path) => {
    const e = shown.get(path);
    if (!e) return undefined;
    return e.server || submitted || opts.showAll || edited.has(scopeOf(path, draft)) ? e.message : undefined;
  };

  const problems: ShownProblem[] = errors.map((e) => ({
    at: displayPath(e.path, draft),
    where: describePath(e.path, draft),
    message: e.message,
  }));

  const api: DesignerApi = { draft, set, update, move, change, errorFor, announce };

  const definitionNow = useMemo(() => toDefinition(draft), [draft]);
  const dirty = JSON.stringify(definitionNow) !== initialJson;

  /** After the core refused a save: its per-field messages at the fields (paths inside `definition`). */
  const showServerErrors = (e: unknown) => {
    for (const [path, message] of Object.entries(fieldsOf(e, 'definition.'))) {
      setError(path as FieldPath<Draft>, { type: 'server', message });
    }
  };
  const serverFieldErrors = errors.some((e) => e.type === 'server');
  /** After saving as a draft in place: what is on screen is what was saved. */
  const markSaved = () => setInitialJson(JSON.stringify(definitionNow));

  return {
    form,
    api,
    draft,
    /** The draft as the designer opened (for the unsaved-contents draft kept in the vault). */
    initial,
    definitionNow,
    dirty,
    problems,
    submitted,
    serverFieldErrors,
    showServerErrors,
    markSaved,
    live,
    activeBlock,
    setActiveBlock,
  };
}
