import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3's native module must match the ABI of its host. node_modules holds the build for
 * Node (tests, CLI); `scripts/electron-native.mjs` builds a second copy for Electron into
 * build/native/electron/, and the packaged app carries it in its resources. The core is told
 * which file to load (better-sqlite3's `nativeBinding` option).
 */
export function electronNativeBinding(appPath: string, resourcesPath: string, packaged: boolean): string | undefined {
  const candidates = packaged
    ? [path.join(resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(appPath, 'build', 'native', 'electron', 'better_sqlite3.node')];
  return candidates.find((f) => existsSync(f));
}
