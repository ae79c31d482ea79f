import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/result';

/**
 * Writes an export the clinician asked for (the main process and the CLI): JSON as one file,
 * CSV as a new folder of files. Written beside the target and then renamed, so a crash leaves
 * the old state or the whole export, never half of it. An existing folder is never written into.
 */
export async function writeExportFiles(
  target: string,
  files: readonly { name: string; text: string }[],
  format: 'json' | 'csv',
): Promise<void> {
  const tmp = `${target}.${randomBytes(4).toString('hex')}.part`;
  try {
    if (format === 'json') {
      await writeFile(tmp, files[0]?.text ?? '', { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, target);
      return;
    }
    if (existsSync(target)) {
      throw new AppError('CONFLICT', `${path.basename(target)} already exists. Choose a new name for the export folder.`);
    }
    await mkdir(tmp, { mode: 0o700 });
    for (const f of files) await writeFile(path.join(tmp, path.basename(f.name)), f.text, { encoding: 'utf8', mode: 0o600 });
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
