// A failure of the disk is bad input too: the learner gets a sentence they can act on, where they
// are, and the change is known not to have happened (the log cuts a failed append back).
import { AppError } from '../app-error.ts';
import type { WriteProblem } from '../store/collection-store.ts';
import { RETRY_WRITE_MS } from '../store/collection-writer.ts';

const ADVICE: Record<string, string> = {
  ENOSPC: 'The disk holding your collection is full',
  EDQUOT: 'Your disk quota for the collection is used up',
  EROFS: 'The disk holding your collection is read-only',
  EACCES: 'Deckhand may not write to your collection’s folder',
  EPERM: 'Deckhand may not write to your collection’s folder',
  EIO: 'The disk holding your collection failed to write',
  ENOENT: 'The folder holding your collection cannot be found',
};

const REMEDY: Record<string, string> = {
  ENOSPC: 'Free some space and',
  EDQUOT: 'Free some space and',
  EROFS: 'Make the folder writable and',
  EACCES: 'Check the folder’s permissions and',
  EPERM: 'Check the folder’s permissions and',
  EIO: 'Check the disk and',
  ENOENT: 'Reconnect the drive or folder and',
};

/**
 * Turns an error of the file system into one the learner can act on ("The disk holding your
 * collection is full: this answer was not saved. Free some space and answer again."); any other
 * error is returned as it is.
 */
export function diskError(e: unknown, what: { thing: string; retry: string }): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (!code || !(code in ADVICE)) return e;
  return new AppError('unavailable', `${ADVICE[code]}: ${what.thing} was not saved. ${REMEDY[code]} ${what.retry}.`);
}

/** What the banner says while the snapshot or the backup cannot be written; both are tried again on their own. */
export function backgroundWriteMessage(problem: WriteProblem): string {
  const code = (problem.error as NodeJS.ErrnoException | null)?.code ?? '';
  const cause = ADVICE[code] ?? `Deckhand could not write to your collection (${(problem.error as Error)?.message ?? String(problem.error)})`;
  const remedy = `${REMEDY[code] ? `${REMEDY[code].replace(/ and$/, '')}. ` : ''}Deckhand tries again every ${RETRY_WRITE_MS / 1000} seconds.`;
  if (problem.what === 'backup') return `${cause}: the automatic backup was not made. Your answers and edits are saved. ${remedy}`;
  return `${cause}: your answers are saved, but your latest edits to notes, decks and settings are not yet. ${remedy} Keep Deckhand open until this message goes.`;
}

export const readOnlyMessage = (dir: string): string =>
  `Deckhand cannot write to your collection’s folder (${dir}): it is on a read-only disk or you may not write to it. You can look at your cards, but nothing can be changed until the folder is writable and Deckhand is opened again.`;

export const readOnlyError = (dir: string): AppError => new AppError('unavailable', `Nothing was changed. ${readOnlyMessage(dir)}`);
