// What a deck or package may bring in as media, decided by content and by name. A shared deck is
// untrusted: a file called picture.png can be HTML or SVG with script in it, and a name like
// ../../.bashrc or C:\Windows\x would write or read outside the collection. Only images and audio
// of known types pass, recognised by their magic bytes (never by extension), and only bare file
// names are stored or served. SVG is never accepted: it is XML that can carry script.
//
// Written by hand: each check is a few bytes at fixed offsets, and a general file-type library would
// recognise (and so invite) far more types than the few a flashcard shows.

export type MediaKind = 'image' | 'audio';

export interface SniffedMedia {
  kind: MediaKind;
  mime: string;
}

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean => {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The media type of `bytes` by their content, or null for anything but the images and audio listed here. */
export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return { kind: 'image', mime: 'image/gif' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { kind: 'image', mime: 'image/webp' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return { kind: 'audio', mime: 'audio/wav' };
  if (isBmp(bytes)) return { kind: 'image', mime: 'image/bmp' };
  if (ascii(bytes, 4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return { kind: 'image', mime: 'image/avif' };
    if (brand === 'M4A ' || brand === 'M4B ') return { kind: 'audio', mime: 'audio/mp4' };
    return null;
  }
  if (ascii(bytes, 0, 'fLaC')) return { kind: 'audio', mime: 'audio/flac' };
  if (ascii(bytes, 0, 'OggS')) return isOggAudio(bytes) ? { kind: 'audio', mime: 'audio/ogg' } : null;
  if (ascii(bytes, 0, 'ID3') || isMpegAudioFrame(bytes)) return { kind: 'audio', mime: 'audio/mpeg' };
  if (isAdts(bytes)) return { kind: 'audio', mime: 'audio/aac' };
  if (isWebmAudio(bytes)) return { kind: 'audio', mime: 'audio/webm' };
  return null;
}

// "BM" alone is two common letters; the DIB header that follows has one of a few known sizes.
function isBmp(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 0, 'BM') || bytes.length < 18) return false;
  const dibSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize);
}

// An MPEG audio frame header: 11 sync bits, then layer III/II/I, a bitrate and a sample rate that
// are not the reserved values.
function isMpegAudioFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1]! & 0xe0) !== 0xe0) return false;
  const version = (bytes[1]! >> 3) & 0b11;
  const layer = (bytes[1]! >> 1) & 0b11;
  const bitrate = bytes[2]! >> 4;
  const sampleRate = (bytes[2]! >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

// AAC in ADTS framing: the same sync bits as MPEG audio with the layer bits zero.
function isAdts(bytes: Uint8Array): boolean {
  return bytes.length >= 7 && bytes[0] === 0xff && (bytes[1]! & 0xf6) === 0xf0 && ((bytes[2]! >> 2) & 0b1111) < 13;
}

// An Ogg file's first packet names its codec; only Vorbis, Opus and FLAC are audio (Theora is video).
function isOggAudio(bytes: Uint8Array): boolean {
  if (bytes.length < 27) return false;
  const packet = 27 + bytes[26]!;
  return ascii(bytes, packet, '\x01vorbis') || ascii(bytes, packet, 'OpusHead') || ascii(bytes, packet, '\x7fFLAC');
}

// WebM is Matroska with DocType "webm"; it is audio when its track list names an audio codec and no
// video codec. The codec ids sit in the first few kilobytes in any file a recorder writes.
function isWebmAudio(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return false;
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (!head.slice(0, 64).includes('webm')) return false;
  return /A_(OPUS|VORBIS)/.test(head) && !/V_[A-Z0-9]/.test(head);
}

const utf8 = new TextEncoder();

/** Names longer than this are refused: most file systems stop at 255 bytes, and a card never needs more. */
export const MAX_MEDIA_NAME_BYTES = 200;

// Device names Windows opens instead of a file, with or without an extension ("con.png").
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
// Separators, Windows' forbidden characters (":" also covers drive letters and NTFS streams),
// controls, and the bidi and zero-width marks that make a name read as something it is not.
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** `name` as a bare file name safe to store in and serve from the media folder, or null. */
export function safeMediaName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const normal = name.normalize('NFC');
  if (normal === '' || normal.startsWith('.') || FORBIDDEN.test(normal)) return null;
  // Windows drops a trailing dot or space, so "x.png." would name another file than it says.
  if (/[. ]$/.test(normal) || normal.trim() !== normal) return null;
  if (WINDOWS_RESERVED.test(normal)) return null;
  if (utf8.encode(normal).length > MAX_MEDIA_NAME_BYTES) return null;
  return normal;
}

export interface MediaFile {
  name: string;
  kind: MediaKind;
  mime: string;
  bytes: Uint8Array;
}

/** The media files a note's text names: `<img src="…">`, `<audio src="…">` and Anki's `[sound:…]`. */
export function mediaNamesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/<(?:img|audio)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) names.add(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of text.matchAll(/\[sound:([^\]]+)\]/g)) names.add(m[1]!);
  return [...names].filter((n) => n && !/[/\\:]/.test(n));
}
