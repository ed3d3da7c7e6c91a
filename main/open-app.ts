// What the shells (Electron, the preview, the command line) need from main/ besides the contract
// and the dispatcher: opening a collection and the service over it, written once, and checking a
// deck folder without opening anything.
import { createClock } from './clock.ts';
import { createService, type DeckhandService } from './service.ts';
import { openCollectionStore } from './store/collection-store.ts';
import type { ChildLauncher } from './optimiser/supervisor.ts';

export type { DeckhandService };
export { AppError } from './app-error.ts';
export { checkDeck } from './formats/deck-check.ts';
export { draftFile } from './service/articles.ts';
export { writeFileAtomic } from './store/atomic-file.ts';
export { badgeCount, dueFromDeckList, nextReminderAt, reminderMessage, titleWithDue } from './domain/reminder.ts';
export { utilityProcessEnd, type ChildHandle, type ChildLauncher } from './optimiser/supervisor.ts';
export type { FromChild } from './optimiser/protocol.ts';

export interface OpenOptions {
  dataDir: string;
  /** Shipped decks to load; the command line loads none, so it works on exactly what is in the collection. */
  decksDir?: string;
  /** Start the clock here instead of at the real time (preview `--now`, tests). */
  startAt?: number;
  fuzz?: boolean;
  version?: string;
  /** How to start the optimiser's child process; child_process.fork of the built child when absent. */
  optimiser?: ChildLauncher;
}

export async function openDeckhand(options: OpenOptions): Promise<DeckhandService> {
  const clock = createClock(options.startAt);
  const store = await openCollectionStore(options.dataDir, { now: clock });
  try {
    return createService({
      store,
      clock,
      ...(options.decksDir ? { decksDir: options.decksDir } : {}),
      scheduler: { fuzz: options.fuzz ?? true },
      version: options.version ?? '0.0.0',
      ...(options.optimiser ? { optimiser: options.optimiser } : {}),
    });
  } catch (e) {
    store.close();
    throw e;
  }
}
