// A failure of the disk is bad input too: the learner gets a sentence they can act on, where they
// are, and the change is known not to have happened (the log cuts a failed append back).
import { AppError } from '../app-error.ts';

const ADVICE: Record<string, string> = {
  ENOSPC: 'The disk holding your collection is full',
  EDQUOT: 'Your disk quota for the collection is used up',
  EROFS: 'The disk holding your collection is read-only',
  EACCES: 'Deckhand may not write to your collection’s folder',
  EPERM: 'Deckhand may not write to your collection’s folder',
  EIO: 'The disk holding your collection failed to write',
};

const REMEDY: Record<string, string> = {
  ENOSPC: 'Free some space and',
  EDQUOT: 'Free some space and',
  EROFS: 'Make the folder writable and',
  EACCES: 'Check the folder’s permissions and',
  EPERM: 'Check the folder’s permissions and',
  EIO: 'Check the disk and',
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
