// The snapshot's backups: listing them and putting one back.
import { AppError } from '../app-error.ts';
import type { BackupInfo } from '../contract.ts';
import type { ServiceContext } from './context.ts';
import { loadShippedDecks } from './shipped-decks.ts';

export function listBackups(ctx: ServiceContext): BackupInfo[] {
  return ctx.collection.backups().map((b) => ({ id: b.name, createdAt: b.createdAt, beforeRestore: b.name.endsWith('-before-restore') }));
}

/** Puts the collection back as it was in a backup; the state it replaces is backed up first. */
export function restoreBackup(ctx: ServiceContext, { id }: { id: string }): BackupInfo {
  const backup = listBackups(ctx).find((b) => b.id === id);
  if (!backup) throw new AppError('not-found', `There is no backup "${id}".`);
  try {
    ctx.collection.restoreBackup(id);
  } catch (e) {
    throw new AppError('internal', `The backup ${id} could not be restored (${(e as Error).message}); the collection was not changed.`);
  }
  // Shipped decks may be newer than the backup: their text comes back, the restored progress stays.
  ctx.notices.push(...loadShippedDecks(ctx));
  return backup;
}
