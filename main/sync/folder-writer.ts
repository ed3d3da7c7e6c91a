// Writes this device's own files in the sync folder: the segments it has not written yet (each
// written once and never again), the tail when it changed, the manifest, and media by hash. The
// writer is handed the device's whole streams and works out the rest from what is on disk.
import { SEGMENT_ENTRIES, SYNC_FORMAT, SYNC_LIMITS, TAIL_NAME, deviceDir, segmentName, type StreamName, type SyncOp, type SyncReview } from './folder-format.ts';
import { encodeSegment, encodeTail, sha256 } from './stream-file.ts';
import type { SyncFs } from './sync-fs.ts';

export interface DeviceStreams {
  reviews: readonly SyncReview[];
  /** In the order they were made: an op's id is `<device>-<its place in this list>`. */
  ops: readonly SyncOp[];
}

/** Writes what is missing or changed; returns the files written. */
export function writeDeviceFiles(fs: SyncFs, folder: string, device: { id: string; name: string }, streams: DeviceStreams, segmentEntries = SEGMENT_ENTRIES): string[] {
  const dir = deviceDir(folder, device.id);
  const written: string[] = [];
  const put = (file: string, bytes: Uint8Array) => {
    const current = fs.read(file, SYNC_LIMITS.streamFileBytes);
    if (current instanceof Uint8Array && Buffer.compare(current, bytes) === 0) return;
    fs.write(file, bytes);
    written.push(file);
  };
  put(`${dir}/manifest.json`, Buffer.from(JSON.stringify({ format: SYNC_FORMAT, device: device.id, name: device.name }), 'utf8'));
  const writeStream = (stream: StreamName, entries: readonly unknown[]) => {
    const present = new Set(fs.list(`${dir}/${stream}`));
    const sealed = Math.floor(entries.length / segmentEntries) * segmentEntries;
    for (let from = 0; from < sealed; from += segmentEntries) {
      if (present.has(segmentName(from))) continue;
      const file = `${dir}/${stream}/${segmentName(from)}`;
      fs.write(file, encodeSegment(entries.slice(from, from + segmentEntries)));
      written.push(file);
    }
    put(`${dir}/${stream}/${TAIL_NAME}`, encodeTail(sealed, entries.slice(sealed)));
  };
  writeStream('reviews', streams.reviews);
  writeStream('ops', streams.ops);
  return written;
}

/** Writes a media file under the hash of its bytes (once: the same bytes are the same file); returns the hash. */
export function writeMedia(fs: SyncFs, folder: string, device: string, bytes: Uint8Array): string {
  const hash = sha256(bytes);
  const dir = `${deviceDir(folder, device)}/media`;
  if (!fs.list(dir).includes(hash)) fs.write(`${dir}/${hash}`, bytes);
  return hash;
}
