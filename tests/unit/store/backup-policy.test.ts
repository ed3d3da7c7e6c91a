import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { BackupPolicy } from '../../../main/store/backup-policy.ts';
import { BACKUP_INTERVAL_MS, listBackups } from '../../../main/store/backups.ts';
import { SNAPSHOT_FILE } from '../../../main/store/snapshot-file.ts';

const T = Date.UTC(2026, 2, 2, 9);

/** A collection folder with a snapshot in it, and a clock the test moves. */
function collection() {
  const dir = tempDir('deckhand-backup-policy-');
  writeFileSync(path.join(dir, SNAPSHOT_FILE), '{}');
  const clock = { at: T };
  return { dir, clock, now: () => clock.at };
}

describe('the backup policy', () => {
  it('backs up on quit the first time, then only when something was logged since', () => {
    const { dir, clock, now } = collection();
    const policy = new BackupPolicy(dir, now);
    policy.backupOnQuit();
    expect(listBackups(dir)).toHaveLength(1);
    clock.at += 60_000;
    policy.backupOnQuit();
    expect(listBackups(dir)).toHaveLength(1);
    policy.logged(1);
    policy.backupOnQuit();
    expect(listBackups(dir).map((b) => b.createdAt)).toEqual([T + 60_000, T]);
  });

  it('while studying, backs up in the background at most every 30 minutes, counting backups already on disk', async () => {
    const { dir, clock, now } = collection();
    new BackupPolicy(dir, now).backupOnQuit();
    const reopened = new BackupPolicy(dir, now);
    reopened.logged(5);
    clock.at += BACKUP_INTERVAL_MS - 1;
    await reopened.backupInBackground();
    expect(listBackups(dir)).toHaveLength(1);
    clock.at += 1;
    await reopened.backupInBackground();
    expect(listBackups(dir)).toHaveLength(2);
    clock.at += BACKUP_INTERVAL_MS;
    await reopened.backupInBackground();
    expect(listBackups(dir)).toHaveLength(2);
  });

  it('takes no backup before there is a snapshot to copy', async () => {
    const dir = tempDir('deckhand-backup-policy-');
    const policy = new BackupPolicy(dir, () => T);
    policy.logged(3);
    policy.backupOnQuit();
    await policy.backupInBackground();
    expect(listBackups(dir)).toEqual([]);
  });

  it('keeps the state a replacement replaced, and counts the replacement as the newest backup', () => {
    const { dir, now } = collection();
    const policy = new BackupPolicy(dir, now);
    policy.logged(2);
    const before = policy.backupBeforeReplacing();
    policy.backupReplacement();
    expect(listBackups(dir).map((b) => b.name)).toEqual(['collection-20260302-090000-001', before]);
    policy.backupOnQuit();
    expect(listBackups(dir)).toHaveLength(2);
  });

  it('goes on backing up while studying after the clock was set back behind the last backup', async () => {
    const { dir, clock, now } = collection();
    new BackupPolicy(dir, now).backupOnQuit();
    clock.at -= 3 * 86_400_000;
    const policy = new BackupPolicy(dir, now);
    policy.logged(5);
    await policy.backupInBackground();
    expect(listBackups(dir).map((b) => b.createdAt)).toEqual([T, T - 3 * 86_400_000]);
  });

  it('counts as backed up only the answers the copied snapshot holds, not those given while it was written', async () => {
    const { dir, clock, now } = collection();
    const policy = new BackupPolicy(dir, now);
    policy.logged(1);
    const inSnapshot = policy.pending; // the snapshot is captured here
    policy.logged(1); // an answer while it is being written: only in the log
    clock.at += BACKUP_INTERVAL_MS;
    await policy.backupInBackground(inSnapshot);
    expect(listBackups(dir)).toHaveLength(1);
    expect(policy.pending).toBe(1);
    clock.at += 1000;
    policy.backupOnQuit();
    expect(listBackups(dir)).toHaveLength(2);
  });
});
