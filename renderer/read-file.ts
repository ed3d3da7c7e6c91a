// Files the learner chooses or drops are sent to the main process whole, as base64 (the contract's
// `{ name, data }`): the renderer is sandboxed and cannot hand over a path.

/** A file's content as base64, reporting progress as it is read (large files take a moment). */
export function readAsBase64(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onerror = () => reject(new Error(`${file.name} could not be read (${reader.error?.message ?? 'unknown error'}).`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
