// The deckhand CLI, run in-process through runCli as the bundled bin runs it, plus one real
// process to check the exit code and that it refuses a collection the app has open.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/deckhand.ts';
import { defaultDataDir } from '../../main/cli/data-dir.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { hasShared, REALDATA, sharedSkipReason } from './shared-data.ts';
import { tempDir } from './temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function csvFile(dir: string, name = 'words.csv', rows = ['#separator:tab', '#tags:spanish', 'hola\thello', 'adiós\tgoodbye', '{{c1::Madrid}} is in Spain\t']) {
  const file = path.join(dir, name);
  writeFileSync(file, rows.join('\n'));
  return file;
}

describe('deckhand import and stats', () => {
  it('imports a file into a collection folder and reports it; stats --json counts its cards and reviews', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'collection');
    const imported = await cli('import', csvFile(dir), '--data-dir', data);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^words\.csv: 3 notes added, 0 updated, 0 unchanged; 3 cards added/);
    const stats = await cli('stats', '--json', '--data-dir', data);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({ cards: 3, reviews: 0, dueToday: 0, decks: 1, byState: { new: 3 } });
    const again = await cli('import', csvFile(dir), '--data-dir', data);
    expect(again.out).toMatch(/0 notes added, 0 updated, 3 unchanged/);
    expect(JSON.parse((await cli('stats', '--json', '--data-dir', data)).out).cards).toBe(3);
  });

  it('puts everything in the deck named with --deck', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'c');
    await cli('import', csvFile(dir), '--deck', 'Spanish::Basics', '--data-dir', data);
    expect((await cli('stats', '--data-dir', data)).out).toMatch(/^3 cards in 2 decks: 3 new/);
  });

  it('fails with one line naming the file and the problem, and imports nothing', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'c');
    const truncated = csvFile(dir, 'cut.csv', ['front,back', 'a,b', '"c,d']);
    const good = csvFile(dir);
    const result = await cli('import', good, truncated, '--data-dir', data);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^deckhand: cut\.csv: .*line 3/);
    // The file before it imported whole; the damaged one added nothing.
    expect(JSON.parse((await cli('stats', '--json', '--data-dir', data)).out).cards).toBe(3);
    expect((await cli('import', path.join(dir, 'missing.apkg'), '--data-dir', data)).err).toBe(`deckhand: import: ${path.join(dir, 'missing.apkg')}: no such file or folder`);
    const zip = path.join(dir, 'broken.apkg');
    writeFileSync(zip, Buffer.from('PK\u0003\u0004 definitely not a zip'));
    const broken = await cli('import', zip, '--data-dir', data);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^deckhand: broken\.apkg: /);
  });

  it.skipIf(!hasShared)(`imports a real Anki package with its review history (${hasShared ? 'realdata present' : sharedSkipReason})`, async () => {
    const data = path.join(tempDir('deckhand-cli-'), 'c');
    const result = await cli('import', path.join(REALDATA, 'tony363-anki-automations/Selected-Notes3.apkg'), '--data-dir', data);
    expect(result.code).toBe(0);
    expect(JSON.parse((await cli('stats', '--json', '--data-dir', data)).out)).toMatchObject({ cards: 14, reviews: 103, byState: { suspended: 5 } });
  });
});

describe('deckhand export', () => {
  it('writes apkg, csv and json files that import back', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'c');
    await cli('import', csvFile(dir), '--data-dir', data);
    for (const format of ['apkg', 'csv', 'json']) {
      const out = path.join(dir, `out.${format}`);
      const result = await cli('export', '--format', format, '--out', out, '--data-dir', data);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      const other = path.join(dir, `other-${format}`);
      expect((await cli('import', out, '--data-dir', other)).code).toBe(0);
      expect(JSON.parse((await cli('stats', '--json', '--data-dir', other)).out).cards).toBe(3);
    }
  });

  it('exports one deck by name and refuses a deck that does not exist or a bad format', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'c');
    await cli('import', csvFile(dir), '--deck', 'Spanish', '--data-dir', data);
    expect((await cli('export', '--format', 'csv', '--out', path.join(dir, 'x.csv'), '--deck', 'spanish', '--data-dir', data)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'x.csv'), 'utf8')).toContain('hola');
    expect((await cli('export', '--format', 'csv', '--out', path.join(dir, 'y.csv'), '--deck', 'French', '--data-dir', data)).err).toBe('deckhand: export: there is no deck named "French"');
    expect((await cli('export', '--format', 'docx', '--out', path.join(dir, 'z'), '--data-dir', data)).err).toBe('deckhand: export: --format must be apkg, csv or json');
    expect(existsSync(path.join(dir, 'y.csv'))).toBe(false);
  });

  it.skipIf(process.getuid?.() !== 0)('on a full disk, says so, leaves no partial file and keeps an older export whole (needs root to mount a small disk)', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'c');
    await cli('import', csvFile(dir), '--data-dir', data);
    const disk = tempDir('deckhand-cli-disk-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', disk]);
    try {
      const out = path.join(disk, 'words.json');
      writeFileSync(out, 'an older export');
      try {
        for (let i = 0; ; i++) writeFileSync(path.join(disk, `filler-${i}`), Buffer.alloc(1024));
      } catch {
        // the disk is full
      }
      const result = await cli('export', '--format', 'json', '--out', out, '--data-dir', data);
      expect(result).toMatchObject({ code: 1, err: `deckhand: export: ${out} was not written: the disk is full. No partial file was left; free some space or choose another place, and export again.` });
      expect(readdirSync(disk).filter((name) => !name.startsWith('filler-'))).toEqual(['words.json']);
      expect(readFileSync(out, 'utf8')).toBe('an older export');
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('deckhand draft and add-article', () => {
  const article = path.join(ROOT, 'decks/china-north-korea/article.txt');

  it('drafts an article without touching any collection: each draft quotes its sentence, best first', async () => {
    const result = await cli('draft', article, '--json', '--max', '8');
    expect(result.code).toBe(0);
    const { article: read, drafts } = JSON.parse(result.out) as { article: { words: number; sentences: number }; drafts: { type: string; front: string; text: string; quote: string; score: number }[] };
    expect(read.words).toBeGreaterThan(1000);
    expect(drafts).toHaveLength(8);
    const text = readFileSync(article, 'utf8');
    for (const d of drafts) {
      expect(text).toContain(d.quote);
      expect(d.type === 'cloze' ? d.text : d.front).not.toBe('');
    }
    expect(drafts.map((d) => d.score)).toEqual([...drafts.map((d) => d.score)].sort((a, b) => b - a));
    expect((await cli('draft', article)).out).toMatch(/^article: 1,086 words, 44 sentences; 56 drafts\./);
  });

  it('adds an article as a deck of its own, drafting and accepting every draft with --accept-all', async () => {
    const data = path.join(tempDir('deckhand-cli-'), 'c');
    const added = await cli('add-article', article, '--deck', 'Priorities', '--accept-all', '--data-dir', data);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^article\.txt: added "Priorities" \([\d,]+ words, \d+ sentences\)\.\n  56 drafts accepted: /);
    expect(JSON.parse((await cli('stats', '--json', '--data-dir', data)).out)).toMatchObject({ decks: 1, byState: { new: 56 } });
  });

  it('refuses a file that is not an article by name, and a bad --max', async () => {
    const dir = tempDir('deckhand-cli-');
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await cli('draft', empty)).toMatchObject({ code: 1, err: expect.stringMatching(/^deckhand: empty\.txt: .*Nothing was added\.$/) });
    expect(await cli('draft', article, '--max', 'lots')).toMatchObject({ code: 1, err: 'deckhand: draft: --max must be a whole number of at least 1; got "lots"' });
  });
});

describe('deckhand sync', () => {
  it('brings one computer\'s notes to another through the folder, prints what it merged, and stats --json lists the device seen', async () => {
    const dir = tempDir();
    const [desktop, laptop, folder] = ['desktop', 'laptop', 'folder'].map((n) => path.join(dir, n));
    mkdirSync(folder!);
    expect((await cli('import', csvFile(dir), '--data-dir', desktop!)).code).toBe(0);
    const published = await cli('sync', '--folder', folder!, '--data-dir', desktop!);
    expect(published).toMatchObject({ code: 0, err: '' });
    expect(published.out).toMatch(/^Published 0 reviews and \d+ changes as device [0-9a-f]{16}\.\nMerged 0 reviews and 0 changes from 0 other devices/);
    const merged = await cli('sync', '--folder', folder!, '--data-dir', laptop!);
    expect(merged.out).toMatch(/\nMerged 0 reviews and \d+ changes from 1 other device: 3 notes added or changed, 0 removed; 3 cards updated; 1 deck added or changed, 0 removed/);
    const stats = JSON.parse((await cli('stats', '--json', '--data-dir', laptop!)).out);
    expect(stats).toMatchObject({ cards: 3, decks: 1 });
    expect(stats.sync.devices).toEqual([{ device: expect.stringMatching(/^[0-9a-f]{16}$/), name: expect.any(String), reviews: 0, waiting: [] }]);
  });

  it('refuses a missing folder with one line', async () => {
    expect(await cli('sync', '--folder', path.join(tempDir(), 'nowhere'))).toMatchObject({ code: 1, err: expect.stringMatching(/^deckhand: sync: .*nowhere: no such folder$/) });
    expect(await cli('sync')).toMatchObject({ code: 1, err: 'deckhand: sync: name the sync folder with --folder DIR' });
  });
});

describe('deckhand check', () => {
  it('passes a valid deck and lists each problem of a bad one with file, card and field', async () => {
    expect(await cli('check', path.join(ROOT, 'decks/china-north-korea'))).toMatchObject({ code: 0 });
    const dir = tempDir('deckhand-check-');
    mkdirSync(path.join(dir, 'bad'));
    writeFileSync(path.join(dir, 'bad/deck.json'), JSON.stringify({ id: 'bad', version: 1, title: 'Bad', cards: [{ id: 'one', kind: 'fact', type: 'basic', front: '', back: 'x' }] }));
    const result = await cli('check', path.join(dir, 'bad'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/deck\.json.*"one".*"front"/);
  });
});

describe('the command line itself', () => {
  it('has --help for each command and names an unknown one', async () => {
    for (const command of ['import', 'export', 'check', 'stats', 'draft', 'add-article', 'optimize']) {
      const help = await cli(command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^Usage: deckhand ${command}`));
    }
    expect((await cli('--help')).out).toMatch(/^Usage: deckhand <command>/);
    expect(await cli('frobnicate')).toMatchObject({ code: 1, err: 'deckhand: "frobnicate" is not a command; the commands are import, export, check, stats, draft, add-article, optimize and sync (see deckhand --help)' });
    expect((await cli('stats', '--colour')).err).toMatch(/^deckhand: Unknown option '--colour'/);
  });

  it('uses the app’s own collection folder by default', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Deckhand');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Deckhand');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Deckhand');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Deckhand');
  });

  it('as a process: exit 0 on success, and refuses with one line while the app holds the collection', async () => {
    const dir = tempDir('deckhand-cli-');
    const data = path.join(dir, 'c');
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/deckhand.mjs'), ...args], { encoding: 'utf8', cwd: ROOT });
    const ok = run('import', csvFile(dir), '--data-dir', data);
    expect(ok.status).toBe(0);
    const app = await openCollectionStore(data);
    try {
      const refused = run('stats', '--data-dir', data);
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/^deckhand: .*(in use|open|lock)/i);
    } finally {
      app.close();
    }
    expect(run('stats', '--data-dir', data).status).toBe(0);
  });
});

describe('commands given the wrong thing', () => {
  it('check on an Anki package says what check reads and how to import it, instead of a JSON error', async () => {
    const dir = tempDir('deckhand-check-');
    const apkg = path.join(dir, 'Spanish.apkg');
    writeFileSync(apkg, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    const result = await cli('check', apkg);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`deckhand: check: ${apkg} is not a deck.json file or a deck folder (check reads Deckhand's own deck format); to bring its cards into the collection, use: deckhand import ${apkg}`);
  });

  it('stats and export on a folder that does not exist refuse, and make no collection there', async () => {
    const missing = path.join(tempDir('deckhand-cli-'), 'no-such-folder');
    const stats = await cli('stats', '--data-dir', missing);
    expect(stats).toMatchObject({ code: 1, err: `deckhand: ${missing}: no such folder, so there is no collection to read (name one with --data-dir)` });
    const out = path.join(path.dirname(missing), 'out.csv');
    expect((await cli('export', '--format', 'csv', '--out', out, '--data-dir', missing)).code).toBe(1);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
