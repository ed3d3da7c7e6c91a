// What a device writes into the sync folder, and the rules every file read from it must pass.
//
//   <folder>/deckhand/devices/<device-id>/
//     manifest.json              { format, device, name }: which format the device writes
//     reviews/<from>.jsonl       a sealed segment: entries from ordinal <from>, then a seal line
//     reviews/tail.jsonl         the entries after the last segment, rewritten as it grows
//     ops/<from>.jsonl, ops/tail.jsonl   changes to notes, decks, presets, settings, media names
//     media/<sha256>             a media file, named by the hash of its bytes
//
// A shared folder is not a database: a sync engine copies files one at a time, and a file may be
// seen half-copied (Dropbox, OneDrive), beside its temp file (`.syncthing.x.tmp`,
// `~syncthing~x.tmp`) or beside a conflict copy (`x.sync-conflict-….jsonl`, `x (conflicted
// copy).jsonl`, `x-LAPTOP.jsonl`). Each device writes only its own folder, so no engine ever has a
// conflict of ours to resolve; only the exact names above are read, so every copy and temp file is
// ignored; a sealed segment ends with the hash of its bytes, so a half-copied one is recognised and
// waited for; media is checked against its name. Everything else is validated as untrusted input.
import { z } from 'zod';
import { LOG_KINDS } from '../domain/review-entry.ts';
import { IMPORT_LIMITS } from '../domain/import-limits.ts';

/** The format this version writes and reads; a device writing a newer one is named, not read. */
export const SYNC_FORMAT = 1;

export const SYNC_LIMITS = {
  manifestBytes: 64 * 1024,
  /** A segment or a tail. The writer seals far below it. */
  streamFileBytes: 64 * 1024 * 1024,
  mediaBytes: IMPORT_LIMITS.maxFileBytes,
  devices: 64,
  segmentsPerDevice: 100_000,
  lineChars: 4 * IMPORT_LIMITS.maxFieldChars,
} as const;

/** Entries per sealed segment. */
export const SEGMENT_ENTRIES = 5000;

export const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SEGMENT_NAME = /^(\d{12})\.jsonl$/;
export const TAIL_NAME = 'tail.jsonl';
export const MEDIA_NAME = /^[0-9a-f]{64}$/;

export const devicesDir = (folder: string): string => `${folder}/deckhand/devices`;
export const deviceDir = (folder: string, device: string): string => `${devicesDir(folder)}/${device}`;
export const segmentName = (from: number): string => `${String(from).padStart(12, '0')}.jsonl`;

export type StreamName = 'reviews' | 'ops';

export const manifestSchema = z.object({
  format: z.number().int().min(1),
  device: z.string().regex(DEVICE_ID),
  name: z.string().max(200),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Read first, alone, so that a newer format is recognised even when the rest of its manifest is not. */
export const formatOnlySchema = z.object({ format: z.number().int().min(1) });

const id = z.string().min(1).max(400);
const time = z.number().int().min(0).max(8.64e15);
const text = z.string().max(IMPORT_LIMITS.maxFieldChars);

const memorySchema = z.strictObject({
  due: time,
  stability: z.number().min(0).max(1e9),
  difficulty: z.number().min(0).max(11),
  scheduledDays: z.number().min(0).max(1e6),
  learningSteps: z.number().int().min(0).max(100),
  reps: z.number().int().min(0).max(1e9),
  lapses: z.number().int().min(0).max(1e9),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: time.nullable(),
});

/** One entry of a device's review log, as sync carries it: the merge replays memory itself, so only a change that sets memory without an answer (an import, a reset) carries it. */
export const syncReviewSchema = z.strictObject({
  id,
  cardId: id,
  kind: z.enum(LOG_KINDS).optional(),
  undoes: id.optional(),
  rating: z.number().int().min(0).max(4),
  reviewedAt: time,
  durationMs: z.number().int().min(0).max(86_400_000),
  memory: memorySchema.optional(),
  /**
   * Where the answering device placed the card's next review (its due time and interval in days):
   * load balancing and easy days choose the day by that device's own load, which no other device
   * can recompute, so the merge takes the day from here and the memory from its own replay.
   */
  placed: z.strictObject({ due: time, scheduledDays: z.number().min(0).max(36500) }).optional(),
});
export type SyncReview = z.infer<typeof syncReviewSchema>;

const steps = z.array(z.string().regex(/^\d+(\.\d+)?[mhd]$/)).max(10);
const count = z.number().int().min(0).max(9999);

/** The fields each kind of record has, each set on its own and the later stamp winning. */
export const FIELD_SCHEMAS = {
  deck: z.strictObject({ title: z.string().min(1).max(500), description: text, presetId: id.nullable(), article: z.string().max(IMPORT_LIMITS.maxTextBytes).nullable(), published: z.string().max(20).nullable(), source: z.strictObject({ author: text, publisher: text, subject: text }).nullable() }).partial(),
  note: z
    .strictObject({
      deckId: id,
      kind: z.enum(['fact', 'argument']),
      type: z.enum(['basic', 'reversed', 'cloze']),
      front: text,
      back: text,
      text,
      extra: text.nullable(),
      tags: z.array(z.string().max(200)).max(200),
      quote: text.nullable(),
      position: z.number().int().min(0).max(1e9),
      format: z.enum(['html']).nullable(),
      origin: z.string().max(2000).nullable(),
      /** When the note's cards came into the collection: a device that makes them gives them that time, not its own. */
      addedAt: time.nullable(),
    })
    .partial(),
  preset: z.strictObject({ name: z.string().min(1).max(80), newPerDay: count, reviewsPerDay: count, learningSteps: steps, relearningSteps: steps, desiredRetention: z.number().min(0.7).max(0.97), maximumIntervalDays: z.number().int().min(1).max(36500) }).partial(),
  settings: z.strictObject({ theme: z.enum(['system', 'light', 'dark']), rolloverHour: count.max(23), newPerDay: count, reviewsPerDay: count }).partial(),
  /** A media file's name, pointing at its bytes by hash. */
  media: z.strictObject({ sha256: z.string().regex(MEDIA_NAME) }).partial(),
} as const;

export type RecordKind = keyof typeof FIELD_SCHEMAS;
export const RECORD_KINDS = Object.keys(FIELD_SCHEMAS) as RecordKind[];
export type Fields<K extends RecordKind = RecordKind> = z.infer<(typeof FIELD_SCHEMAS)[K]>;

/**
 * One change to a record, stamped by the hybrid clock: some fields set, or the record deleted.
 * A deletion names how much of each device's changes its device had merged (`seen`: the count of
 * ops read from each, in order), so the merge can tell an edit it overrides from one it never saw.
 */
export interface SyncOp {
  id: string;
  hlc: string;
  kind: RecordKind;
  key: string;
  set?: Fields;
  delete?: { seen: Record<string, number> };
}

const opBase = z.strictObject({
  id,
  hlc: z.string().max(100),
  kind: z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]),
  key: id,
  set: z.record(z.string(), z.unknown()).optional(),
  delete: z.strictObject({ seen: z.record(z.string().regex(DEVICE_ID), z.number().int().min(0)) }).optional(),
});

/** An op as read, its fields checked against its kind's schema; null when it is not one. */
export function parseOp(value: unknown): SyncOp | null {
  const base = opBase.safeParse(value);
  if (!base.success || (base.data.set === undefined) === (base.data.delete === undefined)) return null;
  const op = base.data;
  if (op.set === undefined) return { id: op.id, hlc: op.hlc, kind: op.kind, key: op.key, delete: op.delete! };
  const fields = FIELD_SCHEMAS[op.kind].safeParse(op.set);
  return fields.success ? { id: op.id, hlc: op.hlc, kind: op.kind, key: op.key, set: fields.data } : null;
}

export function parseReview(value: unknown): SyncReview | null {
  const r = syncReviewSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** An entry's ordinal within its device's stream: ids are `<device>-<n>`. */
export function ordinalOf(entryId: string, device: string): number | null {
  if (!entryId.startsWith(`${device}-`)) return null;
  const n = Number(entryId.slice(device.length + 1));
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
