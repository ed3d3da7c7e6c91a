// Draws Deckhand's icon (two study cards on a teal tile) at every size a package needs and writes
// build/icon.png (1024), build/icons/<n>x<n>.png (Linux's icon theme sizes), build/icon.ico
// (Windows, PNG-compressed entries up to 256) and build/icon.icns (macOS, PNG entries up to 1024).
// Each size is drawn at that size, not scaled down, with edges anti-aliased from signed distances.
// Plain Node (zlib for PNG), so it runs offline: `npm run icons`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// Apple's icon types holding PNG data, with the pixel size each stands for.
export const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

type Rgb = number[];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const TILE_TOP = hex('#2f7383');
const TILE_BOTTOM = hex('#1a4450');
const BACK_CARD = hex('#9ccbd3');
const FRONT_CARD = hex('#fbfaf6');
const INK = hex('#2f7383');

/** Signed distance from (px, py) to a rounded rectangle centred at (cx, cy), turned by `deg`. */
interface Shape {
  cx: number;
  cy: number;
  hw: number;
  hh: number;
  r: number;
  deg?: number;
}

function roundedRect(px: number, py: number, { cx, cy, hw, hh, r, deg = 0 }: Shape): number {
  const a = (-deg * Math.PI) / 180;
  const dx = px - cx;
  const dy = py - cy;
  const x = Math.abs(dx * Math.cos(a) - dy * Math.sin(a)) - hw + r;
  const y = Math.abs(dx * Math.sin(a) + dy * Math.cos(a)) - hh + r;
  return Math.hypot(Math.max(x, 0), Math.max(y, 0)) + Math.min(Math.max(x, y), 0) - r;
}

const FRONT: Shape & { deg: number } = { cx: 0.53, cy: 0.56, hw: 0.25, hh: 0.17, r: 0.035, deg: 4 };
const turn = (deg: number, x: number, y: number): [number, number] => {
  const a = (deg * Math.PI) / 180;
  return [FRONT.cx + x * Math.cos(a) - y * Math.sin(a), FRONT.cy + x * Math.sin(a) + y * Math.cos(a)];
};
const line = (x0: number, x1: number, y: number, thickness: number): Shape => {
  const [cx, cy] = turn(FRONT.deg, (x0 + x1) / 2, y);
  return { cx, cy, hw: (x1 - x0) / 2, hh: thickness / 2, r: thickness / 2, deg: FRONT.deg };
};

const LAYERS: { shape: Shape; color: (x: number, y: number) => Rgb }[] = [
  { shape: { cx: 0.5, cy: 0.5, hw: 0.42, hh: 0.42, r: 0.1 }, color: (_x, y) => TILE_TOP.map((c, i) => c + (TILE_BOTTOM[i]! - c) * y) },
  { shape: { cx: 0.46, cy: 0.45, hw: 0.24, hh: 0.16, r: 0.035, deg: -9 }, color: () => BACK_CARD },
  { shape: FRONT, color: () => FRONT_CARD },
  { shape: line(-0.17, 0.13, -0.06, 0.03), color: () => INK },
  { shape: line(-0.17, 0.03, 0.04, 0.03), color: () => INK },
];

/** The icon's RGBA pixels at `size` × `size`. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  // A small icon gets a slightly softer edge, so one-pixel details do not alias.
  const soft = Math.max(1, 16 / size) / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let rgb: Rgb = [0, 0, 0];
      let alpha = 0;
      for (const layer of LAYERS) {
        const coverage = Math.min(1, Math.max(0, 0.5 - roundedRect(x, y, layer.shape) / soft));
        if (coverage === 0) continue;
        const color = layer.color(x, y);
        const outA = coverage + alpha * (1 - coverage);
        rgb = rgb.map((c, i) => (color[i]! * coverage + c * alpha * (1 - coverage)) / outA);
        alpha = outA;
      }
      const o = (py * size + px) * 4;
      pixels[o] = Math.round(rgb[0]!);
      pixels[o + 1] = Math.round(rgb[1]!);
      pixels[o + 2] = Math.round(rgb[2]!);
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG. */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function encodeIco(pngs: [number, Buffer][]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(([size, png], i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(([, png]) => png)]);
}

function encodeIcns(entries: [string, Buffer][]): Buffer {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export function writeIcons(outDir: string): void {
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])];
  const made = new Map(sizes.map((size) => [size, encodePng(size, drawIcon(size))]));
  const png = { get: (size: number): Buffer => made.get(size)! };
  mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(path.join(outDir, 'icons', `${size}x${size}.png`), png.get(size));
  writeFileSync(path.join(outDir, 'icon.png'), png.get(1024));
  writeFileSync(path.join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map((s) => [s, png.get(s)])));
  writeFileSync(path.join(outDir, 'icon.icns'), encodeIcns(ICNS_TYPES.map(([type, s]) => [type, png.get(s)])));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeIcons(path.resolve(import.meta.dirname, '..', 'build'));
