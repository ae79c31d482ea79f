import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './vault';

const FILLER = path.resolve(import.meta.dirname, 'pypdf-fill.py');

/**
 * Fills `pdf` with Debian's python3-pypdf (pypdf-fill.py: a filler that is not Stepwise's own);
 * returns the filled file's bytes. Its temp folder goes into `dirs`, for the test to clean up.
 */
export function fillWithPypdf(
  pdf: Uint8Array,
  values: Record<string, string | true>,
  dirs: { cleanup: () => void }[],
): Uint8Array<ArrayBuffer> {
  const d = tempDir('stepwise-pypdf-');
  dirs.push(d);
  const src = path.join(d.dir, 'in.pdf');
  const dst = path.join(d.dir, 'out.pdf');
  writeFileSync(src, pdf);
  const r = spawnSync('/usr/bin/python3', [FILLER, src, dst, JSON.stringify(values)], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return new Uint8Array(readFileSync(dst));
}
