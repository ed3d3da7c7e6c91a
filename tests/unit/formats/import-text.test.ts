import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../main/domain/import-limits.ts';
import { ImportError, type ImportBundle } from '../../../main/formats/bundle.ts';
import { readDelimitedText } from '../../../main/formats/import/text.ts';
import { REALDATA, hasShared, sharedSkipReason } from '../shared-data.ts';

const sides = (b: ImportBundle) => b.notes.map((n) => (n.type === 'cloze' ? [n.type, n.text, n.extra] : [n.type, n.front, n.back, n.extra]));

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe.skipIf(!hasShared)(`Anki's own text fixtures (${hasShared ? 'present' : sharedSkipReason})`, () => {
  const fixture = (name: string) => readFileSync(path.join(REALDATA, 'anki-pylib-tests', name), 'utf8');

  it('text-2fields.txt: one note per good line, the duplicate once (the later line), the broken lines skipped with their line numbers', () => {
    const b = readDelimitedText('text-2fields.txt', fixture('text-2fields.txt'));
    expect(b.notes.map((n) => [n.front, n.back])).toEqual([
      ['食べる', 'to eat'],
      ['テスト', 'test'],
      ['to eat', '食べる'],
      ['飲む', 'to drink'],
      ['多すぎる', 'too many'],
      ['遊ぶ', ''],
    ]);
    // Anki's test: "too many & too few fields, a missing front, and a duplicate entry".
    expect(b.skipped).toEqual([
      { what: 'line 3', reason: 'line 6 has the same first field; the later line was kept' },
      { what: 'line 8', reason: expect.stringContaining('has one field and no back') },
      { what: 'line 10', reason: 'the first field is empty' },
    ]);
    // Too many fields: the third is kept as the extra rather than dropped, and the user is told.
    expect(b.notes.find((n) => n.front === '多すぎる')!.extra).toBe('fields');
    expect(b.notices.join(' ')).toContain('#tags column:N');
    expect(b.decks).toEqual([{ key: 'text-2fields', title: 'text-2fields', description: '' }]);
    expect(b.cards.map((c) => c.key)).toContain('食べる:front');
  });

  it('text-tags.txt: with its third column declared as tags, the tags are "baz qux" as Anki expects', () => {
    const b = readDelimitedText('text-tags.txt', `#tags column:3\n${fixture('text-tags.txt')}`);
    expect(b.notes.map((n) => [n.front, n.back, n.tags])).toEqual([
      ['foo', 'bar', ['baz', 'qux']],
      ['foo2', 'bar2', ['baz2']],
    ]);
  });
});

describe('separators', () => {
  it('detects tab, comma and semicolon from the lines, the extension breaking a tie', () => {
    expect(sides(readDelimitedText('a.txt', 'q1\ta1\nq2\ta2'))).toEqual([['basic', 'q1', 'a1', ''], ['basic', 'q2', 'a2', '']]);
    expect(sides(readDelimitedText('a.txt', 'q1,a1\nq2,a2'))).toEqual([['basic', 'q1', 'a1', ''], ['basic', 'q2', 'a2', '']]);
    expect(sides(readDelimitedText('a.txt', 'q1;a, b\nq2;a2'))).toEqual([['basic', 'q1', 'a, b', ''], ['basic', 'q2', 'a2', '']]);
    expect(sides(readDelimitedText('a.csv', 'q1,a\tb'))).toEqual([['basic', 'q1', 'a\tb', '']]);
    expect(sides(readDelimitedText('a.tsv', 'q1,a\tb'))).toEqual([['basic', 'q1,a', 'b', '']]);
  });

  it('takes #separator: by name or as a literal character', () => {
    const cases: [string, string][] = [
      ['Tab', '\t'], ['Comma', ','], ['Semicolon', ';'], ['Pipe', '|'], ['Space', ' '], ['Colon', ':'], ['~', '~'],
    ];
    for (const [name, char] of cases) {
      const b = readDelimitedText('a.txt', `#separator:${name}\nq${char}a${char}x`);
      expect(sides(b), name).toEqual([['basic', 'q', 'a', 'x']]);
    }
    expect(importError(() => readDelimitedText('a.txt', '#separator:Slash\nq/a')).message).toBe(
      'a.txt: line 1: "#separator:Slash": the separator must be Tab, Comma, Semicolon, Pipe, Space, Colon or one character',
    );
  });
});

describe('quoting', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, and counts lines through them', () => {
    const b = readDelimitedText('a.csv', 'q1,"a, ""quoted""\nover two lines"\n,orphan\nq3,a3');
    expect(sides(b)).toEqual([['basic', 'q1', 'a, "quoted"\nover two lines', ''], ['basic', 'q3', 'a3', '']]);
    expect(b.skipped).toEqual([{ what: 'line 3', reason: 'the first field is empty' }]);
  });

  it('refuses a file cut off inside a quoted field, naming the line where the field starts, and returns nothing', () => {
    const e = importError(() => readDelimitedText('cut.csv', 'q1,a1\nq2,a2\nq3,"this answer\nnever ends'));
    expect(e.message).toBe('cut.csv: line 3: a quoted field starts here and is never closed (is the file cut short?)');
  });
});

describe('header lines', () => {
  it('#html:true makes the fields HTML; without it they are Markdown and HTML-looking text is pointed out', () => {
    const html = readDelimitedText('a.txt', '#html:true\n<b>q</b>\ta\tb\tc');
    expect(html.notes[0]).toMatchObject({ format: 'html', front: '<b>q</b>', extra: 'b<br>c' });
    const md = readDelimitedText('a.txt', '<b>q</b>\ta\tb\tc');
    expect(md.notes[0]).toMatchObject({ format: 'markdown', extra: 'b\n\nc' });
    expect(md.notices.join(' ')).toContain('look like HTML');
    expect(importError(() => readDelimitedText('a.txt', '#html:yes\nq\ta')).message).toContain('line 1: "#html:yes": must be true or false');
  });

  it('#tags: adds tags to every note, beside the tags column', () => {
    const b = readDelimitedText('a.txt', '#tags:imported  vocab\n#tags column:3\nq\ta\tlesson1 vocab');
    expect(b.notes[0]!.tags).toEqual(['imported', 'vocab', 'lesson1']);
  });

  it('deck: the deck column, else #deck:, else the caller\'s deck, else the file name', () => {
    expect(readDelimitedText('dir/My words.tsv', 'q\ta').notes[0]!.deckKey).toBe('My words');
    expect(readDelimitedText('words.tsv', 'q\ta', { deck: 'Chosen' }).notes[0]!.deckKey).toBe('Chosen');
    expect(readDelimitedText('words.tsv', '#deck:Lang::JP\nq\ta', { deck: 'Chosen' }).notes[0]!.deckKey).toBe('Lang::JP');
    const b = readDelimitedText('words.tsv', '#deck:Lang::JP\n#deck column:1\nLang::FR\tq\ta\n\tq2\ta2');
    expect(b.notes.map((n) => [n.deckKey, n.front, n.back])).toEqual([['Lang::FR', 'q', 'a'], ['Lang::JP', 'q2', 'a2']]);
    expect(b.decks.map((d) => d.title)).toEqual(['Lang::FR', 'Lang::JP']);
  });

  it('notetype column and #notetype: "Basic (and reversed card)" makes two cards, "Cloze" one per deletion', () => {
    const b = readDelimitedText('a.txt', '#notetype column:1\nBasic (and reversed card)\tsun\tsoleil\nCloze\t{{c1::Paris}} is in {{c2::France}}\tgeography\nBasic\tq\ta');
    expect(sides(b)).toEqual([
      ['reversed', 'sun', 'soleil', ''],
      ['cloze', '{{c1::Paris}} is in {{c2::France}}', 'geography'],
      ['basic', 'q', 'a', ''],
    ]);
    expect(b.cards.map((c) => c.key)).toEqual(['sun:front', 'sun:reverse', '{{c1::Paris}} is in {{c2::France}}:c1', '{{c1::Paris}} is in {{c2::France}}:c2', 'q:front']);
    const all = readDelimitedText('a.txt', '#notetype:Basic (and reversed card)\nq\ta');
    expect(all.cards.map((c) => c.template)).toEqual(['front', 'reverse']);
  });

  it('a first field with {{c1::…}} is a cloze note without any notetype; a Cloze row without a deletion is skipped', () => {
    const b = readDelimitedText('a.txt', 'The {{c1::mitochondria}} is the powerhouse\n#notetype column:1\nplain cloze text');
    expect(sides(b)).toEqual([['cloze', 'The {{c1::mitochondria}} is the powerhouse', '']]);
    const none = readDelimitedText('a.txt', '#notetype:Cloze\nno deletion here\textra');
    expect(none.notes).toEqual([]);
    expect(none.skipped).toEqual([{ what: 'line 2', reason: 'a Cloze note without a deletion like {{c1::answer}}' }]);
  });

  it('#columns: names the special columns; the rest are front, back and extra in order', () => {
    const b = readDelimitedText('a.txt', '#separator:Pipe\n#columns:Deck|Front|Back|Tags\nGeo|capital of France|Paris|europe');
    expect(b.notes[0]).toMatchObject({ deckKey: 'Geo', front: 'capital of France', back: 'Paris', tags: ['europe'] });
  });

  it('a bad column number is an error naming the line', () => {
    expect(importError(() => readDelimitedText('a.txt', '#deck column:zero\nq\ta')).message).toBe('a.txt: line 1: "#deck column:zero": the column must be a number from 1');
  });
});

describe('keys and duplicates', () => {
  it('keys notes by the GUID column when there is one, so an edited front still updates the same note', () => {
    const before = readDelimitedText('a.txt', '#guid column:1\nabc123\tcapital of France\tParis');
    const after = readDelimitedText('a.txt', '#guid column:1\nabc123\tFrance\'s capital\tParis');
    expect(before.notes[0]!.key).toBe('abc123');
    expect(after.notes[0]!.key).toBe('abc123');
    expect(after.cards[0]!.key).toBe('abc123:front');
  });

  it('keys notes by the first field otherwise, keeping the last of two rows with the same key', () => {
    const b = readDelimitedText('a.txt', 'q\told answer\nother\tx\nq\tnew answer');
    expect(b.notes.map((n) => [n.key, n.back])).toEqual([['other', 'x'], ['q', 'new answer']]);
    expect(b.skipped).toEqual([{ what: 'line 1', reason: 'line 3 has the same first field; the later line was kept' }]);
    const g = readDelimitedText('a.txt', '#guid column:3\nq1\ta1\tG\nq2\ta2\tG');
    expect(g.notes.map((n) => n.front)).toEqual(['q2']);
    expect(g.skipped).toEqual([{ what: 'line 2', reason: 'line 3 has the same GUID; the later line was kept' }]);
  });

  it('reports empty lines in the middle but not the file\'s final newline', () => {
    const b = readDelimitedText('a.txt', 'q1\ta1\n\nq2\ta2\n');
    expect(b.notes).toHaveLength(2);
    expect(b.skipped).toEqual([{ what: 'line 2', reason: 'the line is empty' }]);
  });

  it('an empty file is an empty bundle', () => {
    expect(readDelimitedText('a.csv', '')).toMatchObject({ notes: [], cards: [], decks: [], skipped: [] });
  });
});

describe('size limit', () => {
  it('refuses a 200 MB text at once, without parsing it', () => {
    const huge = 'q,a\n'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const e = importError(() => readDelimitedText('huge.csv', huge));
    // The refusal takes well under a millisecond, parsing 50 million lines many seconds: a bound
    // far from both, so that a loaded machine cannot fail it and a parse still would.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(e.message).toBe(`huge.csv: is 200 MB; text files over ${IMPORT_LIMITS.maxTextBytes / 1024 / 1024} MB are not read`);
  });
});

describe('fuzzing', () => {
  const piece = fc.constantFrom('q', 'answer', ',', ';', '\t', '|', '"', '""', '\n', '\r\n', '#', '#separator:', '#html:true', '#deck column:1', '#tags column:9', '#guid column:2', '#notetype:Cloze', '{{c1::x}}', '{{c2::', '}}', ' ', 'Comma', 'Pipe', 'é', '🃏');
  const csvish = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

  it('returns a bundle or throws ImportError for any text, quickly', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), fc.constantFrom('a.csv', 'a.tsv', 'a.txt'), (text, name) => {
        const started = performance.now();
        try {
          const b = readDelimitedText(name, text);
          for (const c of b.cards) expect(b.notes.some((n) => n.key === c.noteKey)).toBe(true);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.message.startsWith(`${name}: `)).toBe(true);
        }
        // Each input takes a few milliseconds; runaway backtracking on one would take far longer
        // than this bound, which is loose so that a loaded machine cannot fail it.
        expect(performance.now() - started).toBeLessThan(5_000);
      }),
      { numRuns: 1500 },
    );
  });
});
