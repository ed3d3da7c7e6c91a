// A collection's media folder as a hostile package would leave it: two real media files beside an
// HTML page named like a picture, an SVG, symlinks out of the folder and within it, and a real
// picture just outside the folder that a ../ trick would reach.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const MP3 = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]);

/** Makes `<dataDir>/media/` and returns the names the reader must serve and must refuse. */
export function writeHostileMediaFolder(dataDir: string): { served: Record<string, { bytes: Uint8Array; mime: string }>; refused: string[] } {
  const media = path.join(dataDir, 'media');
  mkdirSync(media, { recursive: true });
  writeFileSync(path.join(media, 'good.png'), PNG);
  writeFileSync(path.join(media, 'Café talk.mp3'), MP3);
  writeFileSync(path.join(media, 'x.png'), '<!doctype html><script>alert(1)</script>');
  writeFileSync(path.join(media, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  writeFileSync(path.join(media, '.hidden.png'), PNG);
  writeFileSync(path.join(dataDir, 'secret.png'), PNG);
  mkdirSync(path.join(media, 'folder.png'));
  symlinkSync('/etc/passwd', path.join(media, 'passwd.png'));
  symlinkSync(path.join(dataDir, 'secret.png'), path.join(media, 'outside.png'));
  symlinkSync(path.join(media, 'good.png'), path.join(media, 'alias.png'));
  return {
    served: { 'good.png': { bytes: PNG, mime: 'image/png' }, [encodeURIComponent('Café talk.mp3')]: { bytes: MP3, mime: 'audio/mpeg' } },
    refused: [
      'x.png',
      'evil.svg',
      '.hidden.png',
      'folder.png',
      'passwd.png',
      'outside.png',
      'alias.png',
      'missing.png',
      '..%2Fsecret.png',
      '..%5Csecret.png',
      '%2E%2E%2Fsecret.png',
      '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '%2Fetc%2Fpasswd',
      encodeURIComponent(path.join(dataDir, 'secret.png')),
      'good.png%00.html',
      '%E0%A4%A',
      '',
    ],
  };
}
