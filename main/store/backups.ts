// Automatic backups of the snapshot, like Anki's: taken on quit and at most every 30 minutes while
// studying, and thinned so the folder stays small while older days stay reachable.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDir } from './atomic-file.ts';

export const BACKUP_INTERVAL_MS = 30 * 60_000;
export const BACKUP_DIR = 'backups';
const NAME = /^collection-(\d{8}-\d{6}-\d{3})(-before-restore)?$/;

export interface BackupFile {
  name: string;
  createdAt: number;
}

/** `collection-YYYYMMDD-HHMMSS-mmm`, a folder, named in UTC so names sort by time everywhere. */
export function backupName(at: number, suffix = ''): string {
  const iso = new Date(at).toISOString(); // 2026-03-02T09:00:00.000Z
  return `collection-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}${suffix}`;
}

export function listBackups(dataDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(path.join(dataDir, BACKUP_DIR));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const m = NAME.exec(name);
      if (!m) return null;
      const s = m[1]!;
      const createdAt = Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13), +s.slice(13, 15), +s.slice(16, 19));
      return { name, createdAt };
    })
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Copies the snapshot and the note files into a new backup folder; a half-made one never shows.
 * The copy is synced before it is renamed into place and the rename after: a backup is what
 * opening falls back to and what a restore reads, so after a power cut it must read whole.
 */
export function takeBackup(dataDir: string, files: readonly string[], at: number, suffix = ''): string {
  const name = backupName(at, suffix);
  const temp = path.join(dataDir, BACKUP_DIR, `.${name}.tmp`);
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(temp, { recursive: true });
    for (const file of files) if (existsSync(path.join(dataDir, file))) copyTree(path.join(dataDir, file), path.join(temp, file));
    syncDir(temp);
    renameSync(temp, path.join(dataDir, BACKUP_DIR, name));
    syncDir(path.join(dataDir, BACKUP_DIR));
  } catch (e) {
    // A half copy (the disk filled up) would only take the space a later one needs.
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return name;
}

/** The same, copying in the background: a backup taken while studying must not stall the window. */
export async function takeBackupAsync(dataDir: string, files: readonly string[], at: number): Promise<string> {
  const name = backupName(at);
  const temp = path.join(dataDir, BACKUP_DIR, `.${name}.tmp`);
  await rm(temp, { recursive: true, force: true });
  try {
    await mkdir(temp, { recursive: true });
    for (const file of files) if (existsSync(path.join(dataDir, file))) await copyTreeAsync(path.join(dataDir, file), path.join(temp, file));
    syncDir(temp);
    await rename(temp, path.join(dataDir, BACKUP_DIR, name));
    syncDir(path.join(dataDir, BACKUP_DIR));
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  return name;
}

/** Not the temp file of a snapshot write under way, nor a damaged file moved aside: a backup holds what the collection reads. */
const isKept = (name: string): boolean => !name.endsWith('.tmp') && !name.includes('.damaged-');

/**
 * Copies a file, or a folder with what it holds, syncing each file and folder as it goes. By hand
 * rather than cpSync: the copy must be synced before the backup is renamed into place anyway, and
 * reading and writing plainly leaves the kernel's copy shortcuts (copy_file_range, reflinks) out,
 * which not every file system (FUSE ones, network shares) gets right.
 */
function copyTree(from: string, to: string): void {
  if (statSync(from).isDirectory()) {
    mkdirSync(to);
    for (const name of readdirSync(from)) if (isKept(name)) copyTree(path.join(from, name), path.join(to, name));
    syncDir(to);
    return;
  }
  const bytes = readFileSync(from);
  const fd = openSync(to, 'w');
  try {
    writeFileSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The same in the background, for a backup taken while studying. */
async function copyTreeAsync(from: string, to: string): Promise<void> {
  if ((await stat(from)).isDirectory()) {
    await mkdir(to);
    for (const name of await readdir(from)) if (isKept(name)) await copyTreeAsync(path.join(from, name), path.join(to, name));
    syncDir(to);
    return;
  }
  const bytes = await readFile(from);
  const handle = await open(to, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const backupDir = (dataDir: string, name: string): string => path.join(dataDir, BACKUP_DIR, path.basename(name));

/**
 * Which backups to keep, newest first: the 12 newest, then the newest of each of the last 14 days,
 * then the newest of each of the last 12 months (Anki keeps daily, weekly and monthly ones too).
 */
export function backupsToKeep(backups: readonly BackupFile[], now: number): Set<string> {
  const keep = new Set<string>();
  const sorted = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  sorted.slice(0, 12).forEach((b) => keep.add(b.name));
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const month = (t: number) => new Date(t).toISOString().slice(0, 7);
  const days = new Set<string>();
  const months = new Set<string>();
  for (const b of sorted) {
    const age = now - b.createdAt;
    if (age < 14 * 86_400_000 && !days.has(day(b.createdAt))) {
      days.add(day(b.createdAt));
      keep.add(b.name);
    }
    if (age < 366 * 86_400_000 && !months.has(month(b.createdAt))) {
      months.add(month(b.createdAt));
      keep.add(b.name);
    }
  }
  return keep;
}

export function thinBackups(dataDir: string, now: number): void {
  const all = listBackups(dataDir);
  const keep = backupsToKeep(all, now);
  for (const b of all) if (!keep.has(b.name)) rmSync(path.join(dataDir, BACKUP_DIR, b.name), { recursive: true, force: true });
}
