import type { ShellHandlers } from '../../shared/contract';
import type { Settings } from '../../shared/settings';

/** What the main-process channels need from their host (Electron, or a test double). */
export interface ShellContext {
  settings: { get(): Settings; update(patch: Partial<Settings>): Settings };
  app: { version: string; vaultDir: string; platform: string };
}

export const shellHandlers: ShellHandlers<ShellContext> = {
  app: { info: (_i, ctx) => ctx.app },
  settings: {
    get: (_i, ctx) => ctx.settings.get(),
    update: (patch, ctx) => ctx.settings.update(patch),
  },
};
