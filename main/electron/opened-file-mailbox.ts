// The preload's side of files the system opened: the main process sends each one once the page has
// loaded, but the page listens only once its first screen is up, so the preload keeps them until
// the page says it is ready, then posts each (and every later one) to the page. Apart from
// preload.ts (which only the sandbox can run) so a unit test can check it.
import { OPENED_FILE_MESSAGE, isOpenedFileMessage, type OpenedFileMessage } from '../contract.ts';

export class OpenedFileMailbox {
  #waiting: OpenedFileMessage[] = [];
  #ready = false;

  constructor(private readonly post: (message: OpenedFileMessage) => void) {}

  /** A file from the main process; anything not shaped as one is dropped. */
  put(value: unknown): void {
    const message = { ...(value as object), type: OPENED_FILE_MESSAGE };
    if (!isOpenedFileMessage(message)) return;
    if (this.#ready) this.post(message);
    else this.#waiting.push(message);
  }

  /** The page listens: what waited goes, in order, and later files go at once. */
  ready(): void {
    this.#ready = true;
    for (const message of this.#waiting.splice(0)) this.post(message);
  }
}
