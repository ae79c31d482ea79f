import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A small filesystem of its own (tmpfs), to fill up or make read-only: the only honest way to
 * test a full disk, and a read-only folder as root (root ignores chmod). Needs permission to
 * mount; where there is none (no root, a container without CAP_SYS_ADMIN), `smallDiskProblem`
 * says why and the tests skip.
 */
export interface SmallDisk {
  dir: string;
  /** Fills the disk to the last byte with a filler file. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  readOnly(on: boolean): void;
  cleanup(): void;
}

function mount(dir: string, sizeKB: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKB}k,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
}

/** Why small disks cannot be made here, or null when they can. */
export function smallDiskProblem(): string | null {
  if (process.platform !== 'linux') return 'mounting a small tmpfs is done on Linux only';
  const probe = mkdtempSync(path.join(tmpdir(), 'stepwise-mount-probe-'));
  try {
    mount(probe, 64);
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch {
    return 'this machine does not allow mounting a small filesystem (needs root and mount permission)';
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export function smallDisk(sizeKB: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-smalldisk-'));
  mount(dir, sizeKB);
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunks = [1 << 20, 64 << 10, 4096, 512, 1];
      try {
        for (const size of chunks) {
          const buf = Buffer.alloc(size, 0x5a);
          for (;;) {
            try {
              writeSync(fd, buf);
            } catch {
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
    },
    cleanup() {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        /* left for the system's own cleanup */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sub = (d: SmallDisk, ...parts: string[]) => {
  const p = path.join(d.dir, ...parts);
  mkdirSync(path.dirname(p), { recursive: true });
  return p;
};
