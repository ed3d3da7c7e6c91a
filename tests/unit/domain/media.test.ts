import { describe, expect, it } from 'vitest';
import { MAX_MEDIA_NAME_BYTES, safeMediaName, sniffMedia } from '../../../main/domain/media.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >> 24) & 0xff];
const pad = (n: number) => new Array<number>(n).fill(0);

// The first bytes of real files of each kind, as their format specifications lay them out.
const SAMPLES: Array<[string, Uint8Array, string]> = [
  ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', pad(8)), 'image/png'],
  ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0], pad(8)), 'image/jpeg'],
  ['GIF89a', bytes('GIF89a', pad(6)), 'image/gif'],
  ['GIF87a', bytes('GIF87a', pad(6)), 'image/gif'],
  ['WebP', bytes('RIFF', le32(100), 'WEBPVP8 '), 'image/webp'],
  ['BMP', bytes('BM', le32(1000), pad(8), le32(40)), 'image/bmp'],
  ['AVIF', bytes(le32(0x20000000), 'ftypavif', pad(8)), 'image/avif'],
  ['MP3 with an ID3 tag', bytes('ID3', [4, 0, 0], pad(6)), 'audio/mpeg'],
  ['MP3 frame (MPEG-1 layer III, 128 kb/s, 44.1 kHz)', bytes([0xff, 0xfb, 0x90, 0x64], pad(8)), 'audio/mpeg'],
  ['AAC in ADTS', bytes([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), 'audio/aac'],
  ['Ogg Vorbis', bytes('OggS', pad(22), [1, 30], '\x01vorbis', pad(8)), 'audio/ogg'],
  ['Ogg Opus', bytes('OggS', pad(22), [1, 19], 'OpusHead', pad(8)), 'audio/ogg'],
  ['WAV', bytes('RIFF', le32(100), 'WAVEfmt '), 'audio/wav'],
  ['FLAC', bytes('fLaC', [0, 0, 0, 34]), 'audio/flac'],
  ['M4A', bytes(le32(0x20000000), 'ftypM4A ', pad(8)), 'audio/mp4'],
  ['WebM audio', bytes([0x1a, 0x45, 0xdf, 0xa3], pad(4), [0x42, 0x82, 0x84], 'webm', pad(20), [0x86, 0x86], 'A_OPUS'), 'audio/webm'],
];

describe('sniffMedia', () => {
  it.each(SAMPLES)('recognises %s by its bytes', (_name, data, mime) => {
    expect(sniffMedia(data)).toEqual({ kind: mime.split('/')[0], mime });
  });

  it.each([
    ['SVG, which is XML that can carry script', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['SVG behind an XML declaration', bytes('<?xml version="1.0"?><svg/>')],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['HTML that starts with a PNG-looking word', bytes('PNG <script>alert(1)</script>')],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['a ZIP (an .apkg, or a .docx)', bytes('PK\x03\x04', pad(8))],
    ['an executable', bytes('MZ', pad(60))],
    ['an ELF binary', bytes([0x7f], 'ELF', pad(8))],
    ['plain text', bytes('hello, world')],
    ['nothing at all', new Uint8Array()],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['"BM" without a bitmap header', bytes('BMP is a format\n')],
    ['an MP4 video', bytes(le32(0x20000000), 'ftypisom', pad(8))],
    ['an HEIC photo (Chromium cannot show it)', bytes(le32(0x18000000), 'ftypheic', pad(8))],
    ['Ogg Theora video', bytes('OggS', pad(22), [1, 42], '\x80theora', pad(8))],
    ['WebM video', bytes([0x1a, 0x45, 0xdf, 0xa3], pad(4), [0x42, 0x82, 0x84], 'webm', pad(20), 'V_VP9', pad(4), 'A_OPUS')],
    ['a RIFF AVI', bytes('RIFF', le32(100), 'AVI LIST')],
  ])('refuses %s', (_name, data) => {
    expect(sniffMedia(data)).toBeNull();
  });
});

describe('safeMediaName', () => {
  it('keeps ordinary file names, in any script, normalised to NFC', () => {
    expect(safeMediaName('summit.png')).toBe('summit.png');
    expect(safeMediaName('Pyongyang 2018 (1).jpg')).toBe('Pyongyang 2018 (1).jpg');
    expect(safeMediaName('北京.mp3')).toBe('北京.mp3');
    const decomposed = 'Cafe\u0301.png';
    expect(safeMediaName(decomposed)).toBe('Café.png');
    expect(safeMediaName(decomposed)).toBe(safeMediaName('Caf\u00e9.png'));
  });

  it.each([
    ['a parent folder', '..'],
    ['this folder', '.'],
    ['a path up', '../../etc/passwd'],
    ['a Windows path up', '..\\..\\boot.ini'],
    ['a nested path', 'a/b.png'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows absolute path', 'C:\\Windows\\win.ini'],
    ['a drive letter', 'C:x.png'],
    ['an NTFS stream', 'x.png:evil'],
    ['a UNC path', '\\\\server\\share\\x.png'],
    ['a hidden dot file', '.bashrc'],
    ['NUL', 'x.png\u0000.html'],
    ['a control character', 'x\u0007.png'],
    ['a newline', 'x\n.png'],
    ['a right-to-left override', 'photo\u202egnp.exe'],
    ['a zero-width space', 'x\u200b.png'],
    ['a trailing dot', 'x.png.'],
    ['a trailing space', 'x.png '],
    ['a leading space', ' x.png'],
    ['a reserved Windows name', 'CON'],
    ['a reserved Windows name with an extension', 'nul.png'],
    ['a reserved Windows port', 'com1.mp3'],
    ['Windows wildcard characters', 'x*.png'],
    ['an empty name', ''],
    ['a name too long for the file system', `${'a'.repeat(MAX_MEDIA_NAME_BYTES)}.png`],
  ])('refuses %s', (_what, name) => {
    expect(safeMediaName(name)).toBeNull();
  });

  it('refuses what is not text', () => {
    for (const value of [null, undefined, 1, {}, ['x.png']]) expect(safeMediaName(value)).toBeNull();
  });

  it('counts the length in bytes, as file systems do', () => {
    expect(safeMediaName(`${'é'.repeat(98)}.png`)).not.toBeNull();
    expect(safeMediaName(`${'é'.repeat(100)}.png`)).toBeNull();
  });
});
