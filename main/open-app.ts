// Opens a collection and the service over it: what the Electron shell, the preview and the CLI
// each do at start, written once.
import { createClock } from './clock.ts';
import { createService, type DeckhandService } from './service.ts';
import { openCollectionStore } from './store/collection-store.ts';

export interface OpenOptions {
  dataDir: string;
  decksDir: string;
  /** Start the clock here instead of at the real time (preview `--now`, tests). */
  startAt?: number;
  fuzz?: boolean;
  version?: string;
}

export async function openDeckhand(options: OpenOptions): Promise<DeckhandService> {
  const clock = createClock(options.startAt);
  const store = await openCollectionStore(options.dataDir, { now: clock });
  try {
    return createService({
      store,
      clock,
      decksDir: options.decksDir,
      scheduler: { fuzz: options.fuzz ?? true },
      version: options.version ?? '0.0.0',
    });
  } catch (e) {
    store.close();
    throw e;
  }
}
