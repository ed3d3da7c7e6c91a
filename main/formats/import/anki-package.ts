// Reading an Anki package (`.apkg`, one or more decks; `.colpkg`, a whole collection): a zip with
// the collection in one of three layouts, a media map and the media files named `0`, `1`, ….
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { ImportError, type BundleMedia, type ImportBundle, type Skipped } from '../bundle.ts';
import { checkFileSize, limitsOf, readCollectionDatabase, type AnkiReadOptions } from './anki-collection.ts';
import { readMediaMap, unsafeMediaName } from './anki-media.ts';
import { bombMessage, DamagedMember, isZstd, listZip, unzipMembers, unzstd, type ZipMember } from './unpack.ts';

/**
 * Newest first. Packages written by Anki 2.1.50+ also hold a `collection.anki2` that only says
 * "Please update to the latest Anki version", so the newest layout present must win.
 */
const LAYOUTS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

export async function readAnkiPackage(file: string, bytes: Uint8Array, options: AnkiReadOptions = {}): Promise<ImportBundle> {
  const limits = limitsOf(options);
  checkFileSize(file, bytes, limits);
  if (bytes.length === 0) throw new ImportError(file, 'the file is empty (0 bytes)');
  const members = listZip(file, bytes, limits.maxUnpackedBytes);
  const present = LAYOUTS.filter((name) => members.some((m) => m.name === name));
  if (present.length === 0) throw new ImportError(file, 'the package holds no Anki collection');
  const layout = present.find((name) => members.find((m) => m.name === name)!.declaredSize > 0);
  if (!layout) throw new ImportError(file, 'the collection is empty (0 bytes)');

  const unpacked = unpackOrName(file, bytes, members, layout, limits.maxUnpackedBytes);
  let budget = limits.maxUnpackedBytes - [...unpacked.values()].reduce((sum, b) => sum + b.length, 0);

  let collection = unpacked.get(layout)!;
  if (layout === 'collection.anki21b') {
    collection = unzstd(file, 'the collection', collection, budget, limits.maxUnpackedBytes);
    budget -= collection.length;
  }
  const format = /\.colpkg$/i.test(file) ? 'colpkg' : 'apkg';
  const bundle = await readCollectionDatabase(file, format, collection, limits);

  // PackageMetadata { Version version = 1 }: from 3 ("latest") on, media files are zstd-compressed.
  const mediaCompressed = metaVersion(unpacked.get('meta')) >= 3;
  const { media, skipped } = readMedia(file, unpacked, mediaCompressed, budget, limits.maxUnpackedBytes);
  bundle.media = media;
  bundle.skipped.push(...skipped);
  return bundle;
}

/**
 * The collection and every other member but the older layouts. A member whose checksum fails
 * refuses the package; a media file's message names the file the notes know it by.
 */
function unpackOrName(file: string, bytes: Uint8Array, members: ZipMember[], layout: string, limit: number): Map<string, Uint8Array> {
  try {
    return unzipMembers(file, bytes, members, (name) => name === layout || !(LAYOUTS as readonly string[]).includes(name), limit);
  } catch (e) {
    if (!(e instanceof DamagedMember) || e.member === 'media' || !/^\d+$/.test(e.member)) throw e;
    let name: string | undefined;
    try {
      const map = unzipMembers(file, bytes, members, (m) => m === 'media' || m === 'meta', limit);
      name = readMediaMap(file, map.get('media') ?? new Uint8Array(), limit).find((m) => m.member === e.member)?.name;
    } catch {
      // The map is damaged too: the member's number is all there is to name.
    }
    throw name === undefined ? e : new DamagedMember(file, e.member, `the picture or sound '${name}' (archive member '${e.member}')`);
  }
}

function metaVersion(meta: Uint8Array | undefined): number {
  if (!meta) return 0;
  try {
    const reader = new BinaryReader(meta);
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      if (field === 1 && wireType === WireType.Varint) return reader.uint32();
      reader.skip(wireType, field);
    }
  } catch {
    // An unreadable meta says nothing; the collection layout already decided how to read it.
  }
  return 0;
}

function readMedia(file: string, unpacked: Map<string, Uint8Array>, compressed: boolean, budget: number, limit: number): { media: BundleMedia[]; skipped: Skipped[] } {
  const map = unpacked.get('media');
  if (!map) return { media: [], skipped: [] };
  const media: BundleMedia[] = [];
  const skipped: Skipped[] = [];
  const names = new Set<string>();
  for (const entry of readMediaMap(file, map, budget, limit)) {
    const what = `media '${entry.name}'`;
    const unsafe = unsafeMediaName(entry.name);
    if (unsafe) {
      skipped.push({ what, reason: unsafe });
      continue;
    }
    if (names.has(entry.name)) {
      skipped.push({ what, reason: 'the package lists it twice; the first copy is used' });
      continue;
    }
    let data = unpacked.get(entry.member);
    if (!data) {
      skipped.push({ what, reason: 'it is listed in the package but not in it' });
      continue;
    }
    if (compressed && isZstd(data)) {
      try {
        data = unzstd(file, `media '${entry.name}'`, data, budget, limit);
      } catch (e) {
        if (e instanceof ImportError && e.message.endsWith(bombMessage(limit))) throw e;
        skipped.push({ what, reason: 'its compressed data in the package is damaged' });
        continue;
      }
      budget -= data.length;
    }
    names.add(entry.name);
    media.push({ name: entry.name, bytes: data });
  }
  return { media, skipped };
}
