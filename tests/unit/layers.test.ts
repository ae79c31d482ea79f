import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import rules of ARCHITECTURE.md are lint rules: a wrong arrow fails CI. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it('electron/core never imports electron', async () => {
    expect(await restricted('electron/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(
      1,
    );
    expect(await restricted('electron/core/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(0);
  });
  it('shared imports neither electron nor Node nor the DOM', async () => {
    expect(await restricted('shared/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await restricted('shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await restricted('shared/probe.ts', "import path from 'path';\nexport const x = path;\n")).toHaveLength(1);
    expect(await restricted('shared/probe.ts', 'export const x = window.location;\n')).toHaveLength(1);
    expect(await restricted('shared/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toHaveLength(0);
  });
  it('the host module imports neither electron nor the core', async () => {
    expect(await restricted('electron/host/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(
      1,
    );
    expect(
      await restricted('electron/host/probe.ts', "import { handlers } from '../core/api';\nexport const x = handlers;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'electron/host/probe.ts',
        "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
      ),
    ).toHaveLength(0);
  });
  it('the main process reaches the core only through the host module', async () => {
    expect(
      await restricted('electron/main/probe.ts', "import { handlers } from '../core/api';\nexport const x = handlers;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('electron/main/probe.ts', "import { hostClient } from '../host';\nexport const x = hostClient;\n"),
    ).toHaveLength(0);
  });
  it('the preload imports channel names, not the schemas', async () => {
    expect(
      await restricted(
        'electron/preload/probe.ts',
        "import { CHANNELS } from '../../shared/contract';\nexport const x = CHANNELS;\n",
      ),
    ).toHaveLength(1);
    expect(await restricted('electron/preload/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toHaveLength(1);
    expect(
      await restricted(
        'electron/preload/probe.ts',
        "import { CHANNEL_NAMES } from '../../shared/contract/channels';\nexport const x = CHANNEL_NAMES;\n",
      ),
    ).toHaveLength(0);
  });
  it('the renderer imports nothing from electron/', async () => {
    expect(
      await restricted('renderer/src/probe.ts', "import { Core } from '../../electron/core/core';\nexport const x = Core;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'renderer/src/probe.ts',
        "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
      ),
    ).toHaveLength(0);
  });
});
