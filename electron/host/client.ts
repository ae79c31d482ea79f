import { channelNames, type ApiOf, type ContractDef, type DoOf } from '../../shared/contract';
import { AppError, type AppErrorData } from '../../shared/result';
import type { Dispatch } from './dispatch';

/** A typed client of one contract, built on a dispatch: no channel names at the call site. */
export interface HostClient<C extends ContractDef> {
  /** `api.<domain>.<verb>(input)` gives the call's Result, exactly as `window.stepwise` does. */
  api: ApiOf<C>;
  /** `do.<domain>.<verb>(input)` gives the value, or throws the failure (code and message). */
  do: DoOf<C>;
}

export interface HostClientOptions {
  /** The error `do` throws for a failed call; by default an AppError with its code and message. */
  error?: (failure: AppErrorData, channel: string) => Error;
}

type Tree = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

export function hostClient<C extends ContractDef>(def: C, dispatch: Dispatch, opts: HostClientOptions = {}): HostClient<C> {
  const toError = opts.error ?? ((e: AppErrorData) => new AppError(e.code, e.message, e.fields));
  const api: Tree = {};
  const values: Tree = {};
  for (const name of channelNames(def)) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    (api[domain] ??= {})[verb] = (input?: unknown) => dispatch(name, input);
    (values[domain] ??= {})[verb] = async (input?: unknown) => {
      const r = await dispatch(name, input);
      if (!r.ok) throw toError(r.error, name);
      return r.value;
    };
  }
  for (const d of [...Object.values(api), ...Object.values(values)]) Object.freeze(d);
  return { api: Object.freeze(api) as ApiOf<C>, do: Object.freeze(values) as DoOf<C> };
}
