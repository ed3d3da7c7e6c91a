// One pass over the sync folder, as the app will run it when the folder changes and on a timer:
// write this device's files, read the others', add them to the ledger, move the clock past what
// was read, and merge. What the learner is told comes with it: the devices seen, and those whose
// files are still arriving or written by a newer Deckhand.
import { readFolder } from './folder-reader.ts';
import { writeDeviceFiles, type DeviceStreams } from './folder-writer.ts';
import { SEGMENT_ENTRIES } from './folder-format.ts';
import { receiveHlc, type Hlc } from './hlc.ts';
import { absorb, latestStamp, mergeLedger, type Ledger, type MergedCollection, type MergeOptions } from './merge.ts';
import type { SyncFs } from './sync-fs.ts';

export interface DeviceSeen {
  device: string;
  name: string;
  reviews: number;
  /** Files of it not yet whole: "Waiting for files from Desktop". */
  waiting: string[];
}

export interface SyncPassResult {
  merged: MergedCollection;
  clock: Hlc;
  written: string[];
  devices: DeviceSeen[];
  /** Devices that write a newer format: "Laptop uses a newer Deckhand; update this one to sync with it". */
  newer: { device: string; name: string; format: number }[];
  /** Other devices' reviews and ops this pass added to the ledger. */
  added: { reviews: number; ops: number };
  problems: string[];
}

export interface SyncPassInput {
  fs: SyncFs;
  folder: string;
  device: { id: string; name: string };
  /** This device's whole streams; they are also added to the ledger. */
  own: DeviceStreams;
  ledger: Ledger;
  clock: Hlc;
  now: number;
  merge: MergeOptions;
  segmentEntries?: number;
}

export function runSyncPass(input: SyncPassInput): SyncPassResult {
  const { fs, folder, device, own, ledger } = input;
  const written = writeDeviceFiles(fs, folder, device, own, input.segmentEntries ?? SEGMENT_ENTRIES);
  absorb(ledger, device.id, own.reviews, own.ops, own.ops.length);
  const read = readFolder(fs, folder, device.id);
  const added = { reviews: 0, ops: 0 };
  for (const d of read.devices) {
    const got = absorb(ledger, d.device, d.reviews, d.ops, d.opsPrefix);
    added.reviews += got.reviews;
    added.ops += got.ops;
  }
  return {
    merged: mergeLedger(ledger, input.merge),
    clock: receiveHlc(input.clock, latestStamp(ledger), input.now, device.id),
    written,
    devices: read.devices.map((d) => ({ device: d.device, name: d.name, reviews: d.reviews.length, waiting: d.waiting })),
    newer: read.newer,
    added,
    problems: read.problems,
  };
}
