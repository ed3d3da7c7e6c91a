// Files the learner chooses or drops are sent to the main process whole, as their bytes (the
// contract's `{ name, data: Uint8Array }`): the renderer is sandboxed and cannot hand over a path,
// and bytes cross Electron's IPC (and the preview's bridge) as they are, never as base64 text.

/** A file's content, reporting progress as it is read (large files take a moment). */
export function readBytes(file: File, onProgress: (loaded: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onerror = () => reject(new Error(`${file.name} could not be read (${reader.error?.message ?? 'unknown error'}).`));
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(file);
  });
}
