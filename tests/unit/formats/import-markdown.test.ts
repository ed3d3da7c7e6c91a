import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportBundle } from '../../../main/formats/bundle.ts';
import { markdownOptionsFromPluginData, readMarkdownNotes, type MarkdownOptions } from '../../../main/formats/import/markdown.ts';
import { REALDATA, hasShared, sharedSkipReason } from '../shared-data.ts';

const OSR = path.join(REALDATA, 'obsidian-sr');

function vault(dir: string): { path: string; text: string }[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  return walk(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: path.relative(dir, f), text: readFileSync(f, 'utf8') }));
}

const read = (text: string, options: Partial<MarkdownOptions> = {}) => readMarkdownNotes('note.md', [{ path: 'note.md', text }], options);
const shapes = (b: ImportBundle) => b.notes.map((n) => (n.type === 'cloze' ? [n.type, n.text] : [n.type, n.front, n.back]));
// The plugin's dates stand for a whole day; they are read as local noon, inside that study day whatever the rollover hour.
const localDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

describe.skipIf(!hasShared)(`the plugin's test vaults and docs (${hasShared ? 'present' : sharedSkipReason})`, () => {
  it('reads every file of the test vaults, the docs and the real vault without an error', () => {
    for (const dir of ['osr-plugin-test-vaults', 'osr-plugin-docs', 'kalmy8-ds-vault']) {
      const files = vault(path.join(OSR, dir));
      expect(files.length).toBeGreaterThan(0);
      expect(() => readMarkdownNotes(dir, files)).not.toThrow();
    }
  });

  it('notes2/Triboelectric Effect.md: one Q::A card in science::physics with its schedule (due 2024-03-20, 124 days, ease 2.7)', () => {
    const b = readMarkdownNotes('notes2', vault(path.join(OSR, 'osr-plugin-test-vaults', 'notes2')));
    expect(shapes(b)).toEqual([
      ['basic', 'What is the phenomenon called when electric charge is transferred between two objects when they contact or slide against each other', 'Triboelectric effect'],
    ]);
    expect(b.decks).toEqual([{ key: 'flashcards/science/physics', title: 'science::physics', description: '' }]);
    expect(b.notes[0]!.key).toBe('Triboelectric Effect.md#What is the phenomenon called when electric charge is transferred between two objects when they contact or slide against each other');
    expect(b.cards.map((c) => [c.template, c.deckKey, c.schedule])).toEqual([['front', 'flashcards/science/physics', { due: localDay(2024, 3, 20), intervalDays: 124, ease: 2.7 }]]);
  });

  it('notes6/A.md: a curly-bracket cloze with two deletions keeps the first two of its three schedules and says so', () => {
    const b = readMarkdownNotes('notes6', vault(path.join(OSR, 'osr-plugin-test-vaults', 'notes6')), { convertCurlyBracketsToClozes: true });
    expect(shapes(b)).toEqual([['cloze', 'A {{c1::question}} with multiple parts {{c2::Navevo part}}']]);
    expect(b.cards.map((c) => [c.template, c.schedule])).toEqual([
      ['c1', { due: localDay(2024, 5, 22), intervalDays: 1, ease: 2.3 }],
      ['c2', { due: localDay(2024, 5, 25), intervalDays: 4, ease: 2.7 }],
    ]);
    expect(b.notices).toEqual(['A.md: question 1 has 3 schedules for 2 cards; the first 2 were used.']);
  });

  it('filesButNoQuestions/: a 0-byte file and a file without cards give no notes and no error', () => {
    const files = vault(path.join(OSR, 'osr-plugin-test-vaults', 'filesButNoQuestions'));
    expect(files.map((f) => f.text.length)).toContain(0);
    expect(readMarkdownNotes('filesButNoQuestions', files)).toMatchObject({ notes: [], cards: [], decks: [], skipped: [], notices: [] });
  });

  it('notes7: cards in files without a flashcard tag are not read, and the file is named in what was skipped', () => {
    const b = readMarkdownNotes('notes7', vault(path.join(OSR, 'osr-plugin-test-vaults', 'notes7')));
    expect(b.notes).toEqual([]);
    expect(b.skipped).toEqual([
      { what: 'A.md', reason: 'has 1 card but none of the flashcard tags (#flashcards)' },
      { what: 'B.md', reason: 'has 1 card but none of the flashcard tags (#flashcards)' },
    ]);
  });

  it('the kalmy8 vault with its own data.json (#🃏 tags): 23 scheduled multi-line cards across the 5 notes', () => {
    const dir = path.join(OSR, 'kalmy8-ds-vault');
    const { options, notices } = markdownOptionsFromPluginData('data.json', readFileSync(path.join(dir, 'obsidian-spaced-repetition.data.json'), 'utf8'));
    expect(options.flashcardTags).toEqual(['#🃏']);
    expect(notices).toEqual([]);
    const b = readMarkdownNotes('kalmy8-ds-vault', vault(dir), options);
    const srComments = vault(dir).reduce((n, f) => n + (f.text.match(/<!--SR:/g)?.length ?? 0), 0);
    expect(srComments).toBe(23);
    expect(b.cards).toHaveLength(23);
    expect(b.cards.every((c) => c.schedule !== null)).toBe(true);
    expect(new Set(b.notes.map((n) => n.key.split('#')[0]))).toEqual(new Set(['Python Basics (3rd lesson).md', 'bagging.md', 'curse of dimensionality.md', 'probability.md', 'python generators.md']));
    expect(b.decks.map((d) => d.title).sort()).toEqual(['job-interview', 'semantic::math::probability-theory', 'semantic::ml', 'source::python-basics-course']);
    const bagging = b.notes.find((n) => n.key.startsWith('bagging.md#How are ensemble'))!;
    expect(bagging.deckKey).toBe('🃏/semantic/ml');
    expect(bagging.back.split('\n')[0]).toBe('Bias is the same');
    expect(b.cards.find((c) => c.noteKey === bagging.key)!.schedule).toEqual({ due: localDay(2025, 12, 16), intervalDays: 195, ease: 2.74 });
    // A code block in the answer stays whole, the comment is gone from the text.
    const gen = b.notes.find((n) => n.key.startsWith('python generators.md#What are the generator expressions'))!;
    expect(gen.back).toBe('```python\n(i for i in range(10000000))\n```\nAre used for the collections lazy-creation. Here, we are not creating a whole collection of numbers, but rather create objects one by one. That\'s so simple yet convinient');
    expect(b.notices).toContain('python generators.md: question 1 is tagged for 2 decks (#🃏/job-interview #🃏/semantic/python); it went to the first.');
  });

  describe("the docs' examples give the cards the docs describe", () => {
    const doc = (name: string) => readFileSync(path.join(OSR, 'osr-plugin-docs', name), 'utf8');
    /** The fenced examples of a docs page, in order. */
    const examples = (name: string) => [...doc(name).matchAll(/^```(?:markdown)?\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);

    it('q-and-a-cards.md', () => {
      const [single, bidirectional, multi, multiReversed] = examples('q-and-a-cards.md');
      expect(shapes(read(`#flashcards\n${single}`))).toEqual([['basic', 'the question goes on this side', 'answer goes here!']]);
      const rev = read(`#flashcards\n${bidirectional}`);
      expect(shapes(rev)).toEqual([['reversed', 'info 1', 'info 2']]);
      expect(rev.cards.map((c) => c.template)).toEqual(['front', 'reverse']);
      expect(shapes(read(`#flashcards\n\n${multi}`))).toEqual([['basic', 'As per the definition\nof "multiline" the prompt\ncan be on multiple lines', 'same goes for\nthe answer']]);
      expect(shapes(read(`#flashcards\n\n${multiReversed}`))).toEqual([['reversed', 'info 1A\ninfo 1B\ninfo 1C', 'info 2A\ninfo 2B']]);
    });

    it('cloze-cards.md: single and multiple deletions, hints, and classic sequence numbers', () => {
      const ex = examples('cloze-cards.md');
      expect(shapes(read(`#flashcards\n${ex[0]}`))).toEqual([['cloze', 'The first female prime minister of Australia was {{c1::Julia Gillard}}']]);
      const two = read(`#flashcards\n${ex[1]}`);
      expect(shapes(two)).toEqual([['cloze', 'The first female {{c1::prime minister}} of Australia was {{c2::Julia Gillard}}']]);
      expect(two.cards.map((c) => c.template)).toEqual(['c1', 'c2']);
      expect(shapes(read(`#flashcards\n${ex[2]}`))).toEqual([['cloze', "This {{c1::note}} doesn't need to have {{c2::number::hint}} on clozes"]]);
      // ex[3] and ex[5] are the answers the docs show, not cards.
      const classic = read(`#flashcards\n${ex[4]}`);
      expect(shapes(classic)).toEqual([['cloze', 'This is a {{c1::cloze::a hint}}. This is {{c2::too, but without hint}}. And this one is asked {{c1::together with the first cloze}}.']]);
      expect(classic.cards.map((c) => c.template)).toEqual(['c1', 'c2']);
      const overlapping = read(`#flashcards\n\n${ex[6]}`);
      expect(overlapping.notes).toEqual([]);
      expect(overlapping.skipped[0]!.reason).toContain('generalized cloze overlapping');
    });

    it('decks.md: a tag applies to the cards after it; a tag starting a card is that card\'s alone; several tags on a line go to the first', () => {
      const [perTag, multiple, specific] = examples('decks.md');
      const deckOf = (b: ImportBundle) => b.notes.map((n) => [n.front, b.decks.find((d) => d.key === n.deckKey)!.title]);
      expect(deckOf(read(perTag!))).toEqual([
        ['Question1 (in deckA)', 'deckA'], ['Question2 (also in deckA)', 'deckA'], ['Question3 (also in deckA)', 'deckA'],
        ['Question4 (in deckB)', 'deckB'], ['Question5 (also in deckB)', 'deckB'], ['Question6 (in deckC)', 'deckC'],
      ]);
      const several = read(multiple!);
      expect(deckOf(several)).toEqual([['A group of cats is called a', 'language::words']]);
      expect(several.notices[0]).toContain('tagged for 3 decks');
      expect(deckOf(read(specific!))).toEqual([
        ['Question1 (in deckA)', 'deckA'], ['Question2 (also in deckA)', 'deckA'], ['Question3 (also in deckA)', 'deckA'],
        ['Question4 (in deckB)', 'deckB'], ['Question6 (in deckA)', 'deckA'],
      ]);
    });
  });
});

describe('separators', () => {
  it('reads ::, ::: and multi-line ? and ?? with the defaults', () => {
    const b = read('#flashcards\n\nQ1::A1\nQ2:::A2\n\nQ3\nline 2\n?\nA3\n\nQ4\n??\nA4\nmore');
    expect(shapes(b)).toEqual([['basic', 'Q1', 'A1'], ['reversed', 'Q2', 'A2'], ['basic', 'Q3\nline 2', 'A3'], ['reversed', 'Q4', 'A4\nmore']]);
    expect(b.cards.map((c) => c.key)).toEqual(['note.md#Q1:front', 'note.md#Q2:front', 'note.md#Q2:reverse', 'note.md#Q3\nline 2:front', 'note.md#Q4:front', 'note.md#Q4:reverse']);
  });

  it('follows custom separators', () => {
    const opts = { singleLineSeparator: '>>', singleLineReversedSeparator: '<>', multilineSeparator: '---?', multilineReversedSeparator: '---??' };
    const b = read('#flashcards\n\nQ1>>A1\nQ2<>A2\nQ3::not a card\n\nQ4\n---?\nA4\n\nQ5\n---??\nA5', opts);
    expect(shapes(b)).toEqual([['basic', 'Q1', 'A1'], ['reversed', 'Q2', 'A2'], ['basic', 'Q4', 'A4'], ['reversed', 'Q5', 'A5']]);
  });

  it('ignores a separator inside inline code, as the plugin does', () => {
    expect(read('#flashcards\nUse `std::vector` for lists').notes).toEqual([]);
  });

  it('ends a multi-line card at a blank line, or at the end marker when one is set (blank lines allowed then)', () => {
    expect(shapes(read('#flashcards\n\nQ\n?\nA1\n\nnot part of it'))).toEqual([['basic', 'Q', 'A1']]);
    const table = read('#flashcards\n\nWhich table?\n?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter the blank line\n+++\nnext paragraph', { multilineEndMarker: '+++' });
    expect(shapes(table)).toEqual([['basic', 'Which table?', '| a | b |\n|---|---|\n| 1 | 2 |\n\nafter the blank line']]);
  });

  it('takes the scheduling comment under a card, even after a blank line; an edited answer keeps the note key', () => {
    const b = read('#flashcards\n\nQ\n?\nA\n<!--SR:!2026-01-09,4,270-->\n\nQ2::A2\n\n<!--SR:!2024-03-20,124,250-->');
    expect(b.cards.map((c) => c.schedule)).toEqual([
      { due: localDay(2026, 1, 9), intervalDays: 4, ease: 2.7 },
      { due: localDay(2024, 3, 20), intervalDays: 124, ease: 2.5 },
    ]);
    expect(b.notes.map((n) => n.back)).toEqual(['A', 'A2']);
    expect(read('#flashcards\nQ2::edited answer').notes[0]!.key).toBe(b.notes[1]!.key);
  });

  it('a card not yet reviewed (the plugin\'s 2000-01-01) is new; a reversed card gets one schedule per side', () => {
    const b = read('#flashcards\nsun:::soleil <!--SR:!2000-01-01,1,250!2024-01-02,3,230-->');
    expect(b.cards.map((c) => [c.template, c.schedule])).toEqual([['front', null], ['reverse', { due: localDay(2024, 1, 2), intervalDays: 3, ease: 2.3 }]]);
  });

  it('skips HTML comments and frontmatter', () => {
    const b = read('---\ntags: [flashcards/bio]\naliases: x::y\n---\n<!--\nHidden::card\n-->\nShown::card');
    expect(shapes(b)).toEqual([['basic', 'Shown', 'card']]);
    expect(b.decks[0]!.title).toBe('bio');
  });
});

describe('clozes', () => {
  it('highlights are clozes by default; bold and curly brackets when switched on, numbered in text order', () => {
    expect(shapes(read('#flashcards\nA ==b== and **c** and {{d}}'))).toEqual([['cloze', 'A {{c1::b}} and **c** and {{d}}']]);
    expect(shapes(read('#flashcards\nA ==b== and **c** and {{d}}', { convertBoldTextToClozes: true, convertCurlyBracketsToClozes: true }))).toEqual([
      ['cloze', 'A {{c1::b}} and {{c2::c}} and {{c3::d}}'],
    ]);
    expect(read('#flashcards\nA ==b== here', { convertHighlightsToClozes: false }).notes).toEqual([]);
  });

  it('a cloze runs over the lines of its paragraph', () => {
    const b = read('#flashcards\n\nThe ==mitochondria==\nis the powerhouse of the ==cell==\n\nnext');
    expect(shapes(b)).toEqual([['cloze', 'The {{c1::mitochondria}}\nis the powerhouse of the {{c2::cell}}']]);
    expect(b.cards.map((c) => c.key)).toEqual(['note.md#The ==mitochondria==\nis the powerhouse of the ==cell==:c1', 'note.md#The ==mitochondria==\nis the powerhouse of the ==cell==:c2']);
  });

  it('reads a paragraph with 200,000 deletions (more than a call can take as arguments)', () => {
    const b = read(`#flashcards\n${'a ==b==[^1] '.repeat(200_000)}`);
    expect(b.cards.map((c) => c.template)).toEqual(['c1']);
  });
});

describe('decks from tags', () => {
  it('a bare flashcard tag gives a deck named after it, or the caller\'s default deck', () => {
    expect(read('#flashcards\nQ::A').decks).toEqual([{ key: 'flashcards', title: 'flashcards', description: '' }]);
    expect(read('#flashcards\nQ::A', { defaultDeck: 'Obsidian' }).decks).toEqual([{ key: 'flashcards', title: 'Obsidian', description: '' }]);
  });

  it('follows custom flashcard tags, ignoring case, and reads frontmatter tag lists', () => {
    expect(read('#Cards/Maths/Algebra\nQ::A', { flashcardTags: ['#cards'] }).decks[0]!.title).toBe('Maths::Algebra');
    expect(read('---\ntags:\n  - cards/physics\n  - other\n---\nQ::A', { flashcardTags: ['#cards'] }).decks[0]!.title).toBe('physics');
    expect(read('#flashcardsX\nQ::A').notes).toEqual([]);
  });

  it('keeps the later of two cards with the same question in a file, and says so', () => {
    const b = read('#flashcards\nQ::old\nQ::new');
    expect(shapes(b)).toEqual([['basic', 'Q', 'new']]);
    expect(b.skipped).toEqual([{ what: 'note.md: question 1', reason: 'question 2 has the same question; the later one was kept' }]);
  });
});

describe('plugin settings', () => {
  it('reads data.json, and says which settings are not followed', () => {
    const { options, notices } = markdownOptionsFromPluginData('data.json', JSON.stringify({ settings: { flashcardTags: ['cards'], singleLineCardSeparator: ';;', convertFoldersToDecks: true, clozePatterns: ['{{[123::]answer[::hint]}}'] } }));
    expect(options).toMatchObject({ flashcardTags: ['#cards'], singleLineSeparator: ';;', singleLineReversedSeparator: ':::' });
    expect(notices).toHaveLength(2);
    expect(() => markdownOptionsFromPluginData('data.json', '{')).toThrow(ImportError);
  });
});

describe('fuzzing', () => {
  const piece = fc.constantFrom('#flashcards', '#flashcards/a/b', ' ', '\n', '\n\n', 'Q', 'A', '::', ':::', '?', '??', '==', '**', '{{', '}}', '^[h]', '[^1]', '[^as]', '`', '```', '~~~', '<!--', '-->', '<!--SR:!2024-01-02,3,250-->', '<!--SR:!9999-99-99,1,1', '---\n', 'tags: [flashcards]', '+++', ';;', '🃏', '\r\n');
  const mdish = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));
  const opts = fc.record({
    convertBoldTextToClozes: fc.boolean(),
    convertCurlyBracketsToClozes: fc.boolean(),
    multilineEndMarker: fc.constantFrom('', '+++'),
    singleLineSeparator: fc.constantFrom('::', '', '?'),
  });

  it('returns a bundle or throws ImportError for any text, quickly', () => {
    fc.assert(
      fc.property(fc.oneof(mdish, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), opts, (text, o) => {
        const started = performance.now();
        try {
          const b = read(text, o);
          for (const c of b.cards) expect(b.notes.some((n) => n.key === c.noteKey)).toBe(true);
          for (const n of b.notes) expect(b.decks.some((d) => d.key === n.deckKey)).toBe(true);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
        }
        // Each input takes a few milliseconds; runaway backtracking on one would take far longer
        // than this bound, which is loose so that a loaded machine cannot fail it.
        expect(performance.now() - started).toBeLessThan(5_000);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('what a learner of an Obsidian vault sees after importing', () => {
  it('a card the plugin shows on 22 March comes due on the study day of 22 March, not the evening before', async () => {
    const { createService } = await import('../../../main/service.ts');
    const { openCollectionStore } = await import('../../../main/store/collection-store.ts');
    const { closeWhenDone, tempDir } = await import('../temp-dir.ts');
    let now = new Date(2026, 2, 21, 21, 0).getTime();
    const clock = () => now;
    const store = closeWhenDone(await openCollectionStore(tempDir('deckhand-md-'), { now: clock }));
    const service = createService({ store, clock, scheduler: { fuzz: false } });
    await service.importBundle(read('#flashcards\n\nCapital of Peru::Lima\n<!--SR:!2026-03-22,10,250-->\n'));
    const due = () => service.listDecks().find((d) => d.title === 'flashcards')!.counts.due;
    // 21 March, 9 pm, and 3 am the next morning: still the study day of 21 March (rollover at 4 am).
    expect(due()).toBe(0);
    now = new Date(2026, 2, 22, 3, 0).getTime();
    expect(due()).toBe(0);
    now = new Date(2026, 2, 22, 4, 30).getTime();
    expect(due()).toBe(1);
  });

  it("keeps the file's front-matter tags on its notes, and the deck from the flashcard tag", () => {
    const b = read('---\ntags: [biology, exam-2026, flashcards/cells]\n---\nWhat makes ATP?::Mitochondria\n');
    expect(b.notes.map((n) => [n.front, n.tags, n.deckKey])).toEqual([['What makes ATP?', ['biology', 'exam-2026'], 'flashcards/cells']]);
  });

  it('asks a question written as a list item without its bullet, and keeps its note key', () => {
    const b = read('#flashcards\n\n- What is the capital of Chile?::Santiago\n* 2. Which ocean?::Pacific\n');
    expect(shapes(b)).toEqual([['basic', 'What is the capital of Chile?', 'Santiago'], ['basic', '2. Which ocean?', 'Pacific']]);
    expect(b.notes[0]!.key).toBe('note.md#- What is the capital of Chile?');
  });
});
