import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/**
 * Electron supports only its newest three stable majors with security fixes
 * (https://www.electronjs.org/docs/latest/tutorial/electron-timelines). Tests run without a
 * network, so the newest majors are pinned here with the date they were read from the npm
 * registry (`npm view electron time`). Update the list (and Electron) when a new major ships.
 *
 * A pinned list alone would never go stale on its own, so the newest major is also projected
 * from Electron's release cadence: a new major every 8 weeks since the pinned newest one. The
 * test fails once the installed major has (by that projection) fallen out of the newest three,
 * even if nobody touched this file — that failure is the reminder to upgrade.
 */
const PINNED = {
  readOn: '2026-11-28',
  /** Newest first, with the date each major's x.0.0 was published. */
  majors: [
    { major: 45, released: '2026-10-21' },
    { major: 44, released: '2026-08-25' },
    { major: 43, released: '2026-07-01' },
  ],
};
const CADENCE_DAYS = 56;

function installedMajor(): number {
  const { version } = require('electron/package.json') as { version: string };
  return Number(version.split('.')[0]);
}

/** The newest major expected on `today`: the pinned newest, plus one per cadence since it shipped. */
export function projectedNewest(today: Date): number {
  const newest = PINNED.majors[0]!;
  const days = Math.floor((today.getTime() - Date.parse(`${newest.released}T00:00:00Z`)) / 86_400_000);
  return newest.major + Math.max(0, Math.floor(days / CADENCE_DAYS));
}

describe('a supported Electron', () => {
  it('the installed major is one of the newest three pinned majors', () => {
    const supported = PINNED.majors.map((m) => m.major);
    expect(supported, `supported majors as of ${PINNED.readOn}`).toContain(installedMajor());
    expect(installedMajor()).toBeGreaterThanOrEqual(43);
  });

  it('the installed major has not fallen out of the newest three since the list was pinned', () => {
    const newest = projectedNewest(new Date());
    expect(
      installedMajor(),
      `Electron ${installedMajor()} is out of security support: about ${newest} is the newest major now. Upgrade Electron and update PINNED in this test.`,
    ).toBeGreaterThan(newest - 3);
  });

  it('the projection counts a major every eight weeks', () => {
    expect(projectedNewest(new Date('2026-11-28T00:00:00Z'))).toBe(45);
    expect(projectedNewest(new Date('2026-12-16T00:00:00Z'))).toBe(46);
    expect(projectedNewest(new Date('2027-05-05T00:00:00Z'))).toBe(48);
  });

  it('package.json asks for the installed major', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.electron).toMatch(new RegExp(`^\\^${installedMajor()}\\.`));
  });
});

/** The `electronFuses:` block of electron-builder.yml, as key → boolean (plain "key: value" lines). */
function fuseConfig(): Record<string, boolean> {
  const lines = readFileSync('electron-builder.yml', 'utf8').split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const out: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^ {2}([A-Za-z0-9]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2] === 'true';
  }
  return out;
}

/** What each fuse must be in the packaged app. */
const EXPECTED: Record<keyof typeof FuseV1Options, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

describe('Electron fuses in electron-builder.yml', () => {
  const config = fuseConfig();
  const fuseNames = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))) as (keyof typeof FuseV1Options)[];
  // electron-builder's key for a fuse is its @electron/fuses name with a lower-case first letter.
  const keyOf = (name: string) => name[0]!.toLowerCase() + name.slice(1);

  it('sets every fuse @electron/fuses knows (a new fuse fails here until it is decided)', () => {
    expect(fuseNames.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(config).sort()).toEqual(fuseNames.map(keyOf).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is %s', (name, value) => {
    expect(config[keyOf(name)]).toBe(value);
  });

  it('asar packaging is on, so asar integrity has something to check', () => {
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/^asar: true$/m);
  });

  it('the installed electron-builder applies each configured fuse', () => {
    const packager = readFileSync(require.resolve('app-builder-lib/out/platformPackager.js'), 'utf8');
    for (const name of fuseNames) {
      expect(packager, keyOf(name)).toContain(`FuseV1Options.${name}] = fuses.${keyOf(name)}`);
    }
  });
});
