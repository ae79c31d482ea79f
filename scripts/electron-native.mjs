// Builds better-sqlite3-multiple-ciphers a second time, for Electron's ABI, into
// build/native/electron/better_sqlite3.node. node_modules keeps the build for Node, so the tests
// and the CLI keep working; the app loads this copy (better-sqlite3's `nativeBinding` option), and
// packaging ships it as a resource. Skipped when already built for the installed Electron.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'build', 'native', 'electron');
const stampFile = path.join(out, 'stamp.json');

const fail = (msg) => {
  console.error(`stepwise: ${msg}`);
  process.exit(1);
};

let electronBinary;
try {
  electronBinary = require('electron'); // the path of the binary; throws when it was not downloaded
} catch {
  fail(
    'the Electron binary is not installed (it was skipped, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
      'Run “npm install” without that variable on a machine that can download Electron, then try again.',
  );
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary))
  fail('the Electron binary is missing; reinstall with “npm install”.');

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const modDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const modVersion = JSON.parse(readFileSync(path.join(modDir, 'package.json'), 'utf8')).version;
const stamp = { electron: electronVersion, module: modVersion, platform: process.platform, arch: process.arch };

if (existsSync(stampFile) && existsSync(path.join(out, 'better_sqlite3.node'))) {
  const old = JSON.parse(readFileSync(stampFile, 'utf8'));
  if (JSON.stringify(old) === JSON.stringify(stamp)) process.exit(0);
}

console.log(`Building the encrypted database module for Electron ${electronVersion} (once; about 2 minutes)…`);
const stage = path.join(root, 'build', 'native', 'stage');
rmSync(stage, { recursive: true, force: true });
cpSync(modDir, stage, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const r = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: stage, stdio: 'inherit' },
);
if (r.status !== 0) fail('building the database module for Electron failed (see the output above).');
mkdirSync(out, { recursive: true });
copyFileSync(path.join(stage, 'build', 'Release', 'better_sqlite3.node'), path.join(out, 'better_sqlite3.node'));
writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
rmSync(stage, { recursive: true, force: true });
console.log('Done.');
