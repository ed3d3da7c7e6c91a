// Who may call the API over IPC: only the top frame of Deckhand's own window, showing our page from
// app://deckhand/. A frame that navigated elsewhere, a subframe, a frame already gone, or any other
// webContents (a DevTools window, a future second window) is refused.
import { isAppUrl } from './protocol-path.ts';

export interface IpcSender {
  /** The sending frame's URL; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the frame is the top frame of its page (WebFrameMain.parent === null). */
  isMainFrame: boolean;
  /** True when the sender is the main window's webContents. */
  fromMainWindow: boolean;
}

export function isTrustedSender(sender: IpcSender): boolean {
  return sender.fromMainWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
