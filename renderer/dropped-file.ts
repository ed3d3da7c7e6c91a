// A file dropped anywhere on the window is imported: the drop is kept here and the Import screen
// picks it up, whether it was already open or is opened by the drop.
let dropped: File | null = null;

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
