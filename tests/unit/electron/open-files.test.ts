import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpenQueue, flowForFile, openRequestsFromArgv, readOpenedFile, type OpenRequest } from '../../../main/electron/open-files.ts';
import { tempDir } from '../temp-dir.ts';

const packaged = { cwd: '/home/ada', packaged: true };

describe('flowForFile', () => {
  it('opens Anki packages in the import and texts in the library, whatever the case of the extension', () => {
    expect(flowForFile('/d/Spanish.apkg')).toBe('import');
    expect(flowForFile('C:\\Users\\ada\\collection.COLPKG')).toBe('import');
    for (const ext of ['md', 'markdown', 'txt', 'html', 'htm', 'pdf', 'docx', 'EPUB']) expect(flowForFile(`/d/essay.${ext}`), ext).toBe('article');
  });

  it('opens nothing else: other formats, no extension, a dotfile', () => {
    for (const file of ['/d/deck.csv', '/d/photo.jpg', '/d/apkg', '/d/.apkg', '/d/notes.md.exe', '/d/a.toString', '/d/a.constructor']) expect(flowForFile(file), file).toBeNull();
  });
});

describe('openRequestsFromArgv', () => {
  it('finds a file a packaged app was started with ("Open with" on Windows and Linux)', () => {
    expect(openRequestsFromArgv(['/opt/Deckhand/deckhand', '/home/ada/Downloads/Spanish.apkg'], packaged)).toEqual([{ path: '/home/ada/Downloads/Spanish.apkg', flow: 'import' }]);
  });

  it('resolves a relative path against the folder the (second) start ran in', () => {
    expect(openRequestsFromArgv(['/opt/Deckhand/deckhand', 'essays/On Habit.pdf'], { cwd: '/home/ada/Documents', packaged: true })).toEqual([
      { path: '/home/ada/Documents/essays/On Habit.pdf', flow: 'article' },
    ]);
  });

  it('takes a file:// URL as its path (a Linux desktop passes %U)', () => {
    expect(openRequestsFromArgv(['/opt/Deckhand/deckhand', 'file:///home/ada/My%20Deck.apkg'], packaged)).toEqual([{ path: '/home/ada/My Deck.apkg', flow: 'import' }]);
  });

  it('skips the executable, every switch, the --data-dir folder, other URLs and files Deckhand does not open', () => {
    const argv = [
      '/opt/Deckhand/deckhand',
      '--data-dir',
      '/tmp/notes.md',
      '--allow-file-access-from-files',
      '--original-process-start-time=13312',
      '-psn_0_12345',
      'https://example.com/deck.apkg',
      '/home/ada/list.csv',
      '/home/ada/a.txt',
    ];
    expect(openRequestsFromArgv(argv, packaged)).toEqual([{ path: '/home/ada/a.txt', flow: 'article' }]);
  });

  it('skips the app path of an unpackaged run (electron <app> …) but keeps files after it, in order', () => {
    const argv = ['/usr/bin/electron', 'dist/main.cjs', '--data-dir', '/tmp/d', 'b.epub', 'a.apkg'];
    expect(openRequestsFromArgv(argv, { cwd: '/w', packaged: false })).toEqual([
      { path: '/w/b.epub', flow: 'article' },
      { path: '/w/a.apkg', flow: 'import' },
    ]);
  });

  it('treats everything after -- as a file, even one named like a switch', () => {
    expect(openRequestsFromArgv(['/opt/Deckhand/deckhand', '--', '--data-dir.md'], packaged)).toEqual([{ path: '/home/ada/--data-dir.md', flow: 'article' }]);
  });

  it('finds nothing in a plain start', () => {
    expect(openRequestsFromArgv(['/opt/Deckhand/deckhand'], packaged)).toEqual([]);
    expect(openRequestsFromArgv([], packaged)).toEqual([]);
  });
});

describe('readOpenedFile', () => {
  it('reads the file whole, named by its base name', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Spanish.apkg');
    writeFileSync(file, Buffer.from([1, 2, 3, 4]));
    expect(await readOpenedFile({ path: file, flow: 'import' }, 10)).toEqual({ ok: true, flow: 'import', name: 'Spanish.apkg', bytes: new Uint8Array([1, 2, 3, 4]) });
  });

  it('refuses a file larger than the importers accept, saying both sizes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.apkg');
    writeFileSync(file, Buffer.alloc(3 * 1048576));
    expect(await readOpenedFile({ path: file, flow: 'import' }, 2 * 1048576)).toEqual({ ok: false, name: 'huge.apkg', message: 'huge.apkg is 3 MB; Deckhand opens files of up to 2 MB.' });
  });

  it('says a file is gone, or a folder is not a file', async () => {
    const dir = tempDir();
    expect(await readOpenedFile({ path: path.join(dir, 'gone.pdf'), flow: 'article' }, 10)).toEqual({ ok: false, name: 'gone.pdf', message: 'gone.pdf could not be opened: it no longer exists.' });
    expect(await readOpenedFile({ path: dir, flow: 'article' }, 10)).toMatchObject({ ok: false, message: `${path.basename(dir)} is not a file.` });
  });
});

describe('OpenQueue', () => {
  const a: OpenRequest = { path: '/a.apkg', flow: 'import' };
  const b: OpenRequest = { path: '/b.pdf', flow: 'article' };
  const c: OpenRequest = { path: '/c.txt', flow: 'article' };

  it('holds files until the window opens, then delivers them in order, and later ones at once', () => {
    const queue = new OpenQueue();
    const got: OpenRequest[] = [];
    queue.add([a, b]);
    expect(got).toEqual([]);
    queue.open((r) => got.push(r));
    expect(got).toEqual([a, b]);
    queue.add([c]);
    expect(got).toEqual([a, b, c]);
  });

  it('holds them again while there is no window, and delivers each once', () => {
    const queue = new OpenQueue();
    const first: OpenRequest[] = [];
    const second: OpenRequest[] = [];
    queue.open((r) => first.push(r));
    queue.add([a]);
    queue.close();
    queue.add([b]);
    queue.open((r) => second.push(r));
    expect(first).toEqual([a]);
    expect(second).toEqual([b]);
  });
});
