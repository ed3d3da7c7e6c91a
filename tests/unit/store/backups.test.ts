import { describe, expect, it } from 'vitest';
import { backupName, backupsToKeep, type BackupFile } from '../../../main/store/backups.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 15, 12);

describe('backup thinning', () => {
  const backup = (at: number): BackupFile => ({ name: backupName(at), createdAt: at });

  it('names backups so they sort by time', () => {
    expect(backupName(Date.UTC(2026, 2, 2, 9, 5, 7, 42))).toBe('collection-20260302-090507-042');
  });

  it('keeps the 12 newest, one a day for two weeks and one a month for a year, and nothing older', () => {
    // Every 30 minutes for a day, then one every 6 hours going back 400 days.
    const recent = Array.from({ length: 48 }, (_, i) => backup(NOW - i * 30 * 60_000));
    const older = Array.from({ length: 1600 }, (_, i) => backup(NOW - DAY - i * 6 * HOUR));
    const keep = backupsToKeep([...recent, ...older], NOW);
    for (const b of recent.slice(0, 12)) expect(keep.has(b.name)).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(12 + 14 + 13);
    expect(keep.size).toBeGreaterThanOrEqual(12 + 13 + 11);
    const oldest = Math.min(...[...recent, ...older].filter((b) => keep.has(b.name)).map((b) => b.createdAt));
    expect(NOW - oldest).toBeLessThan(367 * DAY);
    expect(NOW - oldest).toBeGreaterThan(330 * DAY);
  });
});
