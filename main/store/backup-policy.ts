// When the snapshot is backed up (backups.ts takes the copies and thins them, like Anki): on quit
// when anything changed since the last backup, and while studying at most every 30 minutes, in
// the background. Replacing the whole collection backs up the state before and after, whatever
// the policy says.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_INTERVAL_MS, listBackups, takeBackup, takeBackupAsync, thinBackups } from './backups.ts';
import { CARDS_DIR, NOTES_DIR, SNAPSHOT_FILE } from './snapshot-file.ts';

/** What a backup holds: enough to reopen the collection as it was. */
const BACKUP_FILES = [SNAPSHOT_FILE, CARDS_DIR, NOTES_DIR];

export class BackupPolicy {
  private reviewsSinceBackup = 0;
  private lastBackupAt: number;
  private readonly snapshotFile: string;

  constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {
    this.lastBackupAt = listBackups(dir)[0]?.createdAt ?? 0;
    this.snapshotFile = path.join(dir, SNAPSHOT_FILE);
  }

  /** Counts log entries written since the last backup. */
  logged(count: number): void {
    this.reviewsSinceBackup += count;
  }

  /** Entries logged since the last backup: what a snapshot captured now holds that the last backup does not. */
  get pending(): number {
    return this.reviewsSinceBackup;
  }

  /** On quit: synchronous, the window is closing anyway. */
  backupOnQuit(): void {
    if (!this.due(true)) return;
    const at = this.now();
    takeBackup(this.dir, BACKUP_FILES, at);
    this.lastBackupAt = at;
    this.reviewsSinceBackup = 0;
    thinBackups(this.dir, at);
  }

  /**
   * While studying: copied in the background, at most every 30 minutes. `inSnapshot` is how many of
   * the entries logged since the last backup the snapshot just written holds: answers given while it
   * was being written are only in the log, which a backup does not copy, so they wait for the next.
   */
  async backupInBackground(inSnapshot = this.reviewsSinceBackup): Promise<void> {
    if (!this.due(false, inSnapshot)) return;
    const at = this.now();
    // Counted only once the copy is whole: a failed one (a full disk) is tried again with the next snapshot.
    const counted = inSnapshot;
    await takeBackupAsync(this.dir, BACKUP_FILES, at);
    this.lastBackupAt = at;
    this.reviewsSinceBackup -= counted;
    thinBackups(this.dir, at);
  }

  /** The state about to be replaced; returns the backup's name. */
  backupBeforeReplacing(): string {
    return takeBackup(this.dir, BACKUP_FILES, this.now(), '-before-restore');
  }

  /** The state that replaced it, which counts as a backup taken now. */
  backupReplacement(): void {
    // A millisecond on, so that it sorts as newer than the backup of the state it replaced.
    takeBackup(this.dir, BACKUP_FILES, this.now() + 1);
    this.lastBackupAt = this.now();
    this.reviewsSinceBackup = 0;
  }

  private due(force: boolean, inSnapshot = this.reviewsSinceBackup): boolean {
    if (!existsSync(this.snapshotFile)) return false;
    if (force) return this.reviewsSinceBackup > 0 || this.lastBackupAt === 0;
    // A clock set back reads earlier than the last backup: waiting for it to catch up would take no backup while studying.
    const since = this.now() - this.lastBackupAt;
    return inSnapshot > 0 && (since >= BACKUP_INTERVAL_MS || since < 0);
  }
}
