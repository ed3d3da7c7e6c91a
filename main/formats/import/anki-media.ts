// The media map of an Anki package: which zip member (`0`, `1`, …) holds which file the notes
// name. Legacy packages keep it as JSON (`{"0": "a.mp3"}`); Anki 2.1.50+ packages as zstd-compressed
// protobuf (anki.import_export.MediaEntries), read with @bufbuild/protobuf's wire reader since the
// generated schema is not shipped.
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { ImportError } from '../bundle.ts';
import { isZstd, unzstd } from './unpack.ts';

export interface MediaMapEntry {
  /** The zip member holding the file. */
  member: string;
  /** The name the notes use, as the package states it (not yet checked). */
  name: string;
}

export function readMediaMap(file: string, bytes: Uint8Array, maxBytes: number, limit = maxBytes): MediaMapEntry[] {
  if (bytes.length === 0) return [];
  if (isZstd(bytes)) return readMediaEntries(file, unzstd(file, 'the media list', bytes, maxBytes, limit));
  const text = new TextDecoder().decode(bytes).trim();
  if (!text.startsWith('{')) return readMediaEntries(file, bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError(file, 'the media list is damaged (not valid JSON)');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ImportError(file, 'the media list is damaged (not a JSON object)');
  return Object.entries(json as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([member, name]) => ({ member, name }));
}

/** MediaEntries { repeated MediaEntry entries = 1 }; MediaEntry { string name = 1; …; optional uint32 legacy_zip_filename = 255 }. */
function readMediaEntries(file: string, bytes: Uint8Array): MediaMapEntry[] {
  const entries: MediaMapEntry[] = [];
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      if (field !== 1 || wireType !== WireType.LengthDelimited) {
        reader.skip(wireType, field);
        continue;
      }
      const entry = new BinaryReader(reader.bytes());
      let name = '';
      let zipName: number | null = null;
      while (entry.pos < entry.len) {
        const [f, t] = entry.tag();
        if (f === 1 && t === WireType.LengthDelimited) name = entry.string();
        else if (f === 255 && t === WireType.Varint) zipName = entry.uint32();
        else entry.skip(t, f);
      }
      entries.push({ member: String(zipName ?? entries.length), name });
    }
  } catch {
    throw new ImportError(file, 'the media list is damaged and cannot be read');
  }
  return entries;
}

/**
 * Why a media name cannot be used as it is, or null when it is a plain file name. Media are
 * written into the collection's media folder by name, so a name that could reach outside it
 * (a path, `..`, an absolute or drive path) is refused rather than trimmed.
 */
export function unsafeMediaName(name: string): string | null {
  if (name.trim() === '') return 'it has no name';
  // With separators refused, only these two names can point elsewhere; `a..b.mp3` is harmless.
  if (name === '.' || name === '..') return `its name “${name}” would point at a folder, outside the media folder`;
  if (/[/\\]/.test(name)) return 'its name contains a folder path, which could reach outside the media folder';
  if (/^[a-zA-Z]:/.test(name)) return 'its name is an absolute path';
  if (/[\u0000-\u001f]/.test(name)) return 'its name contains control characters';
  return null;
}
