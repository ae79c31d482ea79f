import type { Result } from './result';

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds `window.stepwise` from the list of channel names: `stepwise.<domain>.<verb>(input)`.
 * Used by the preload (invoke = ipcRenderer.invoke) and by the browser test harness
 * (invoke = a Playwright binding), so both expose the same named functions and nothing generic.
 */
export function buildApi(
  channels: readonly string[],
  invoke: Invoke,
): Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of channels) {
    const [domain, verb] = name.split('.') as [string, string];
    const d = (api[domain] ??= {});
    d[verb] = (input?: unknown) => invoke(name, input);
  }
  for (const d of Object.values(api)) Object.freeze(d);
  return Object.freeze(api);
}
