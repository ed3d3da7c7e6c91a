// Studying what you read, through the service: an article from a file or pasted text becomes a deck
// of its own; drafts wait in its inbox and become notes quoting their sentence when accepted;
// coverage counts the sentences that have cards; bad input changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService, type DeckhandService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { readCollectionJson, writeCollectionJson } from '../../main/formats/collection-json.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const ARTICLE = readFileSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea/article.txt'), 'utf8');

async function open(dataDir = tempDir('deckhand-articles-')): Promise<DeckhandService> {
  let now = START;
  const clock = () => ++now;
  return closeWhenDone(createService({ store: await openCollectionStore(dataDir, { now: clock }), clock, scheduler: { fuzz: false } }));
}

const shape = (s: DeckhandService) => ({ decks: s.listDecks().map((d) => [d.title, d.cardCount]), articles: s.listArticles() });

describe('adding an article', () => {
  it('from a text file: a deck of its own, titled by the file, readable, with no cards yet', async () => {
    const service = await open();
    const file = path.join(tempDir('deckhand-article-file-'), 'priorities.txt');
    writeFileSync(file, ARTICLE);
    const added = await service.addArticle({ name: 'priorities.txt', data: new Uint8Array(readFileSync(file)) });
    expect(added.cardCount).toBe(0);
    expect(added.coverage.quoted).toBe(0);
    expect(added.coverage.sentences).toBeGreaterThan(20);
    expect(added.words).toBeGreaterThan(500);
    const article = service.getArticle({ deckId: added.deckId });
    expect(article.paragraphs.flat().map((s) => s.text).join(' ')).toContain('North Korea');
    expect(service.listArticles().map((a) => a.deckId)).toEqual([added.deckId]);
  });

  it('pasted, with the title given; the same title twice gets a number', async () => {
    const service = await open();
    const first = await service.addArticle({ text: ARTICLE, title: 'China and North Korea' });
    const second = await service.addArticle({ text: ARTICLE, title: 'China and North Korea' });
    expect([first.title, second.title]).toEqual(['China and North Korea', 'China and North Korea (2)']);
  });

  it('refuses a web address, saying how to bring the page, and changes nothing', async () => {
    const service = await open();
    const before = shape(service);
    await expect(service.addArticle({ text: 'https://example.com/news/article' })).rejects.toThrow(/Deckhand works offline: save the page from your browser \(Ctrl\+S\) and open the file/);
    expect(shape(service)).toEqual(before);
  });

  it('refuses an empty file by name and changes nothing', async () => {
    const service = await open();
    const before = shape(service);
    await expect(service.addArticle({ name: 'empty.txt', data: new Uint8Array() })).rejects.toThrow(/^empty\.txt: .*Nothing was added\.$/);
    expect(shape(service)).toEqual(before);
  });
});

describe('editing an article\'s details', () => {
  it('changes the title (the deck\'s too), the author and the date; what is left out stays', async () => {
    const service = await open();
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Untitled', author: 'Someone', date: '2018-10-30' });
    const edited = service.updateArticle({ deckId, title: '  China and   North Korea ', author: 'Taisuke Mibae', date: '2026-03-02' });
    expect(edited).toMatchObject({ title: 'China and North Korea', author: 'Taisuke Mibae', date: '2026-03-02' });
    expect(service.listDecks().map((d) => d.title)).toEqual(['China and North Korea']);
    expect(service.getArticle({ deckId })).toMatchObject({ title: 'China and North Korea', date: '2026-03-02', source: { author: 'Taisuke Mibae' } });
    expect(service.updateArticle({ deckId, author: 'T. Mibae' })).toMatchObject({ title: 'China and North Korea', author: 'T. Mibae', date: '2026-03-02' });
    expect(service.updateArticle({ deckId, author: '', date: '' })).toMatchObject({ author: null, date: null });
    // Cleaned as a file's are: control characters dropped, whitespace one space.
    expect(service.updateArticle({ deckId, author: 'T.\u0000 Mibae\n' })).toMatchObject({ author: 'T. Mibae' });
  });

  it('refuses a title another deck has, a title with "::" and a day not on the calendar, changing nothing', async () => {
    const service = await open();
    await service.addArticle({ text: ARTICLE, title: 'Taken' });
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Mine', date: '2018-10-30' });
    const before = shape(service);
    expect(() => service.updateArticle({ deckId, title: 'taken', author: 'Changed' })).toThrow('"title": a deck called "taken" already exists.');
    expect(() => service.updateArticle({ deckId, title: 'Taken::Mine' })).toThrow(/"title" contains "::"/);
    expect(() => service.updateArticle({ deckId, title: '   ' })).toThrow('"title" is empty');
    expect(() => service.updateArticle({ deckId, title: 'New', date: '2026-02-30' })).toThrow('"date": 2026-02-30 is not a day of the calendar');
    expect(shape(service)).toEqual(before);
  });

  it('is only for decks made from an article', async () => {
    const service = await open();
    const plain = service.createDeck({ title: 'Plain' });
    expect(() => service.updateArticle({ deckId: plain.id, title: 'Renamed' })).toThrow('Deck "Plain" was not made from an article.');
    expect(service.listDecks().map((d) => d.title)).toEqual(['Plain']);
  });

  it('keeps the cards, drafts and coverage, and survives reopening', async () => {
    const dataDir = tempDir('deckhand-articles-edit-');
    const service = await open(dataDir);
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Priorities' });
    const { drafts } = await service.draftArticle({ deckId });
    service.acceptDrafts({ deckId, draftIds: [drafts[0]!.id] });
    const before = service.listArticles()[0]!;
    service.updateArticle({ deckId, title: 'Chinese priorities', author: 'Taisuke Mibae', date: '2018-10-30' });
    const after = service.listArticles()[0]!;
    expect(after).toEqual({ ...before, title: 'Chinese priorities', author: 'Taisuke Mibae', date: '2018-10-30' });
    service.close();
    const reopened = await open(dataDir);
    expect(reopened.listArticles()[0]).toEqual(after);
  });
});

describe('drafts', () => {
  it('go to the inbox, never into study; accepted ones become notes quoting their sentence, rejected ones go', async () => {
    const service = await open();
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Priorities' });
    const drafted = await service.draftArticle({ deckId });
    expect(drafted.english).toBe(true);
    expect(drafted.added).toBeGreaterThan(5);
    expect(service.nextCard({ deckId }).card).toBeNull();
    const [a, b, c] = drafted.drafts;
    for (const d of drafted.drafts) expect(d.context).toContain(d.quote.replace(/\s+/g, ' ').trim());

    const accepted = service.acceptDrafts({ deckId, draftIds: [a!.id, b!.id] });
    expect(accepted.notes).toBe(2);
    expect(service.rejectDrafts({ deckId, draftIds: [c!.id] }).rejected).toBe(1);
    const inbox = service.listDrafts({ deckId }).map((d) => d.id);
    expect(inbox).not.toContain(a!.id);
    expect(inbox).not.toContain(c!.id);
    expect(inbox).toHaveLength(drafted.drafts.length - 3);

    const card = service.nextCard({ deckId }).card!;
    expect([a!.quote, b!.quote]).toContain(card.quote);
    const article = service.getArticle({ deckId });
    expect(article.coverage.quoted).toBeGreaterThanOrEqual(1);
    expect(service.listArticles()[0]!.coverage.quoted).toBe(article.coverage.quoted);
  });

  it('leave out a paragraph with a run of a megabyte without a space, which would take the drafter hours, and draft the rest at once', async () => {
    const service = await open();
    const { deckId } = await service.addArticle({ text: `${ARTICLE}\n\n<b>${'A'.repeat(1_000_000)}</b>`, title: 'Priorities' });
    // Drafting it whole would outlast the test's timeout by hours; the bench times drafting.
    const drafted = await service.draftArticle({ deckId });
    expect(drafted.added).toBeGreaterThan(5);
    for (const d of drafted.drafts) expect(d.quote).not.toContain('AAAA');
    expect(service.getArticle({ deckId }).paragraphs.flat().map((s) => s.text).join('')).toContain('A'.repeat(1_000_000));
  });

  it('drafting again adds nothing already in the inbox or already a card', async () => {
    const service = await open();
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Priorities' });
    const first = await service.draftArticle({ deckId });
    service.acceptDrafts({ deckId, draftIds: [first.drafts[0]!.id] });
    const again = await service.draftArticle({ deckId });
    expect(again.added).toBe(0);
    expect(again.drafts).toHaveLength(first.drafts.length - 1);
  });

  it('are kept in a full JSON backup and come back with it', async () => {
    const service = await open();
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Priorities' });
    const { drafts } = await service.draftArticle({ deckId });
    const json = writeCollectionJson(service.collectionContent(), START);
    const other = await open();
    await other.restoreCollection(readCollectionJson('backup.json', json));
    expect(other.listDrafts({ deckId }).map((d) => d.id)).toEqual(drafts.map((d) => d.id));
  });
});

describe('cards made while reading', () => {
  it('quote their sentence, which must be in the article; an edited draft leaves the inbox', async () => {
    const service = await open();
    const { deckId } = await service.addArticle({ text: ARTICLE, title: 'Priorities' });
    const sentence = 'China wants to keep North Korea from collapsing';
    const quote = ARTICLE.split(/(?<=\.)\s+/).find((s) => s.includes('North Korea'))!;
    const note = service.saveNote({ deckId, type: 'cloze', text: quote.replace('North Korea', '{{c1::North Korea}}'), tags: [], quote, kind: 'fact' });
    expect(service.getArticle({ deckId }).coverage.quoted).toBe(1);
    expect(service.nextCard({ deckId }).card).toMatchObject({ id: note.cardIds[0], quote });
    expect(() => service.saveNote({ deckId, type: 'basic', front: 'Q', back: 'A', tags: [], quote: sentence + ' always.' })).toThrow('"quote" is not a sentence of the article of "Priorities".');

    const [draft] = (await service.draftArticle({ deckId })).drafts;
    service.saveNote({ deckId, type: 'basic', front: 'Edited question?', back: 'Edited answer', tags: [], quote: draft!.quote, kind: draft!.kind, fromDraft: draft!.id });
    expect(service.listDrafts({ deckId }).map((d) => d.id)).not.toContain(draft!.id);
  });
});
