// A file dropped anywhere on the window is imported: the drop is kept here and the Import screen
// picks it up, whether it was already open or is opened by the drop. A file the system opened with
// the desktop app (a double-click on an .apkg, "Open with Deckhand") goes the same way, to the
// Import screen or, for an article, to the library.
import { READY_FOR_FILES_MESSAGE, isOpenedFileMessage } from '../main/contract.ts';

let dropped: File | null = null;

/** Where each flow of an opened file is taken up. */
const SCREEN_FOR = { import: '#/import', article: '#/articles' } as const;

export function takeDroppedFile(): File | null {
  const file = dropped;
  dropped = null;
  return file;
}

/** Installs the window's drag-and-drop handling; a drop never navigates the window to the file. */
export function acceptDroppedFiles(openImport: () => void): () => void {
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    document.body.classList.add('dragging');
  };
  const leave = (e: DragEvent) => {
    if (e.relatedTarget === null) document.body.classList.remove('dragging');
  };
  const drop = (e: DragEvent) => {
    document.body.classList.remove('dragging');
    if (!hasFiles(e)) return;
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    dropped = file;
    openImport();
    window.dispatchEvent(new Event('deckhand:dropped-file'));
  };
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}

/**
 * Takes files the desktop app's preload posts (see contract.ts) and opens each on its screen:
 * handed over at once when that screen is up, or picked up by it as it opens.
 */
export function acceptOpenedFiles(): () => void {
  const onMessage = (e: MessageEvent) => {
    if (e.origin !== location.origin || !isOpenedFileMessage(e.data)) return;
    const { flow, name, bytes } = e.data;
    dropped = new File([bytes as Uint8Array<ArrayBuffer>], name);
    const screen = SCREEN_FOR[flow];
    if (location.hash === screen) window.dispatchEvent(new Event('deckhand:dropped-file'));
    else location.hash = screen;
  };
  window.addEventListener('message', onMessage);
  window.postMessage({ type: READY_FOR_FILES_MESSAGE }, location.origin);
  return () => window.removeEventListener('message', onMessage);
}

