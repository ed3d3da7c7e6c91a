// LazyFS (../shared/tools/lazyfs) driven from a test: built once, mounted over a folder, told to
// drop every write not yet fsync'ed (a power cut), unmounted. Runs as root with /dev/fuse; where
// either is missing, `lazyfsUnavailable` says why, so the suite can skip saying so.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const TOOL = path.resolve(import.meta.dirname, '../../../shared/tools/lazyfs');

/** Why power cuts cannot be simulated here, or null when they can. */
export function lazyfsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'mounting LazyFS needs root';
  if (!existsSync('/dev/fuse')) return 'there is no /dev/fuse';
  if (!existsSync(path.join(TOOL, 'build.sh'))) return `LazyFS is not at ${TOOL}`;
  return null;
}

/** Builds LazyFS (once: build.sh reuses its build) and returns the binary; throws with the build's error. */
export function buildLazyfs(): string {
  return execFileSync(path.join(TOOL, 'build.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 }).trim().split('\n').at(-1)!;
}

/** One mount of LazyFS: `root` holds what reached the "disk", `mnt` is where the store writes. */
export class LazyFs {
  private output = '';
  private waiters: { text: string; from: number; resolve: () => void }[] = [];
  private exited: Promise<void>;

  private constructor(
    readonly mnt: string,
    private readonly fifo: string,
    private readonly process: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', () => resolve()));
    const take = (d: Buffer) => {
      this.output += d.toString();
      this.waiters = this.waiters.filter((w) => {
        if (this.output.indexOf(w.text, w.from) < 0) return true;
        w.resolve();
        return false;
      });
    };
    process.stdout!.on('data', take);
    process.stderr!.on('data', take);
  }

  /** Mounts `root` at `mnt`; `work` holds its config and fault FIFO. Resolves once writes go through it. */
  static async mount(bin: string, root: string, mnt: string, work: string): Promise<LazyFs> {
    const fifo = path.join(work, 'faults.fifo');
    const config = path.join(work, 'lazyfs.toml');
    // A small cache: LazyFS allocates all of it on every mount, and a session writes a few MB.
    writeFileSync(config, `[faults]\nfifo_path="${fifo}"\n[cache]\napply_eviction=false\n[cache.simple]\ncustom_size="256mb"\nblocks_per_page=1\n[filesystem]\nlog_all_operations=false\nlogfile=""\n`);
    // The config is named relative to `work`: LazyFS takes a config path containing "-o" (any case) for an option.
    const child = spawn(bin, [mnt, '--config-path', path.basename(config), '-o', 'allow_other', '-o', 'modules=subdir', '-o', `subdir=${root}`, '-f'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    const fs = new LazyFs(mnt, fifo, child);
    const failed = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`LazyFS exited (${code}) before mounting:\n${fs.output}`))));
    await Promise.race([fs.waitFor('waiting for fault commands'), failed]);
    // The fault worker starts as FUSE mounts: wait for the mount itself to show.
    while (!isMounted(mnt)) await Promise.race([new Promise((r) => setImmediate(r)), failed]);
    failed.catch(() => {});
    return fs;
  }

  /** Throws away every write not yet fsync'ed, as a power cut would. */
  async clearCache(): Promise<void> {
    const cleared = this.waitFor('cache is cleared');
    await writeFile(this.fifo, 'lazyfs::clear-cache\n');
    await cleared;
  }

  /** Unmounts and waits for LazyFS to exit; safe to call again. */
  async unmount(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        execFileSync('fusermount3', ['-u', this.mnt], { stdio: 'ignore' });
      } catch {
        // Busy (a process still has a file open): detach it now, it goes when the last user does.
        execFileSync('fusermount3', ['-uz', this.mnt], { stdio: 'ignore' });
      }
      await this.exited;
    }
  }

  private waitFor(text: string): Promise<void> {
    const from = this.output.length;
    return new Promise((resolve) => this.waiters.push({ text, from, resolve }));
  }
}

function isMounted(dir: string): boolean {
  // The fifth field of each line of mountinfo is a mount point (spaces escaped as \040).
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[4] === dir.replaceAll(' ', '\\040'));
}
