// Opens a collection and the service over it: what the Electron shell, the preview and the CLI
// each do at start, written once. The shells reach the application only through this file, ipc.ts
// and the contract, so what they need of it besides is named here too.
import { createClock } from './clock.ts';
import { createService, type DeckhandService } from './service.ts';
import { openCollectionStore } from './store/collection-store.ts';
import { mediaDir, readMediaFile, type MediaFile } from './store/media-folder.ts';

export type { DeckhandService, MediaFile };

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

/**
 * A media file of the collection in `dataDir`, for the app:// protocol and the preview server to
 * serve; null when the name is not a safe one or the file is not an image or a sound.
 */
export function readCollectionMedia(dataDir: string, encodedName: string): Promise<MediaFile | null> {
  return readMediaFile(mediaDir(dataDir), encodedName);
}
