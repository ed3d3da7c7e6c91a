// An Anki deck with a note type of its own studies as it looked in Anki: its template, its
// conditional fields, hints and its CSS, kept across closing the collection and after a re-import.
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../main/formats/import/anki.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { occlusionPackage, vocabPackage } from './formats/fixtures/anki-notetypes.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();

describe('an imported Anki note type in study', () => {
  it('shows each card through its own template, with its hint and CSS, and keeps them across a reopen', async () => {
    const dir = tempDir('deckhand-notetype-');
    let now = START;
    const clock = () => (now += 1000);
    const service = closeWhenDone(createService({ store: await openCollectionStore(dir, { now: clock }), clock, scheduler: { fuzz: false } }));
    await service.importBundle(await readAnkiPackage('spanish.apkg', await vocabPackage()));
    const deckId = service.listDecks().find((d) => d.title === 'Spanish')!.id;
    const first = service.nextCard({ deckId }).card!;
    expect(first.anki).toEqual({
      question: '<div class="word">perro</div><details class="hint"><summary>Example</summary><div>El perro ladra.</div></details>',
      answer: '<div class="word">perro</div><details class="hint"><summary>Example</summary><div>El perro ladra.</div></details><hr id=answer><div class="meaning">dog</div>',
      css: '.anki-card { text-align: center; }\n.anki-card .word { color: rgb(0, 0, 128); font-size: 40px; }',
    });
    service.close();

    const again = closeWhenDone(createService({ store: await openCollectionStore(dir, { now: clock }), clock, scheduler: { fuzz: false } }));
    const cards = [again.nextCard({ deckId }).card!];
    again.bury({ cardId: cards[0]!.id });
    cards.push(again.nextCard({ deckId }).card!);
    expect(cards.map((c) => c.anki?.question).sort()).toEqual(['<div class="meaning">dog</div>', '<div class="word">perro</div><details class="hint"><summary>Example</summary><div>El perro ladra.</div></details>']);
  });

  it('follows an edit made in Anki when the file is imported again', async () => {
    const clock = () => START;
    const service = closeWhenDone(createService({ store: await openCollectionStore(tempDir('deckhand-notetype-'), { now: clock }), clock, scheduler: { fuzz: false } }));
    await service.importBundle(await readAnkiPackage('spanish.apkg', await vocabPackage()));
    const report = await service.importBundle(await readAnkiPackage('spanish.apkg', await vocabPackage('el perro')));
    expect(report.notesUpdated).toBe(1);
    const deckId = service.listDecks().find((d) => d.title === 'Spanish')!.id;
    const shown = [service.nextCard({ deckId }).card!];
    service.bury({ cardId: shown[0]!.id });
    shown.push(service.nextCard({ deckId }).card!);
    expect(shown.map((c) => c.anki!.answer).join()).toContain('<div class="word">el perro</div>');
  });
});

describe('an imported Anki note edited here', () => {
  it('shows the sides the learner edited, not its old template', async () => {
    const clock = () => START;
    const service = closeWhenDone(createService({ store: await openCollectionStore(tempDir('deckhand-notetype-'), { now: clock }), clock, scheduler: { fuzz: false } }));
    await service.importBundle(await readAnkiPackage('spanish.apkg', await vocabPackage()));
    const deckId = service.listDecks().find((d) => d.title === 'Spanish')!.id;
    const card = service.nextCard({ deckId }).card!;
    const note = service.getNote({ noteId: card.noteId });
    service.saveNote({ noteId: note.id, deckId, type: note.type, front: 'el gato', back: 'cat', tags: note.tags });
    const after = service.nextCard({ deckId }).card!;
    expect(after.anki).toBeUndefined();
    expect([after.front, after.back].sort()).toEqual(['cat', 'el gato']);
  });
});

describe("Anki's image occlusion", () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

  it('studies each shape as a card: the picture with its masks, the card’s own highlighted, then uncovered', async () => {
    const clock = () => START;
    const service = closeWhenDone(createService({ store: await openCollectionStore(tempDir('deckhand-io-'), { now: clock }), clock, scheduler: { fuzz: false } }));
    const report = await service.importBundle(await readAnkiPackage('anatomy.apkg', await occlusionPackage(PNG)));
    expect(report.cardsAdded).toBe(3);
    const deckId = service.listDecks().find((d) => d.title === 'Anatomy')!.id;
    const card = service.nextCard({ deckId }).card!;
    const own = `io-s${Number(/:c(\d+)$/.exec(card.id)![1]) - 1}`;
    // Never the shapes' text or the note's hidden id as the question: the picture, three masks, one of them the card's.
    expect(card.anki!.question).not.toContain('image-occlusion');
    expect(card.anki!.question).toMatch(/^<div class="io-header">Chambers of the heart<\/div><div class="io"><img src="heart.png">/);
    expect(card.anki!.question.match(/class="io-mask/g)).toHaveLength(3);
    expect(card.anki!.question).toContain(`${own} io-active"`);
    expect(card.anki!.answer).toContain(`${own} io-shown"`);
    expect(card.anki!.answer).toContain('<div class="io-extra">Left side pumps to the body</div>');
    expect(card.anki!.css).toContain('.anki-card .io-s0 { left: 10%; top: 20%; width: 30%; height: 10%; }');
    expect(card.anki!.css).toContain('.anki-card .io-s1 { left: 50%; top: 50%; width: 20%; height: 10%; }');
    expect(card.anki!.css).toContain('.anki-card .io-s2 { left: 70%; top: 10%; width: 20%; height: 20%; }');
  });
});

describe('a full JSON backup of a collection with Anki note types', () => {
  it('restores the note types and the notes’ fields, so the cards look the same', async () => {
    const { readCollectionJson } = await import('../../main/formats/collection-json.ts');
    let now = START;
    const clock = () => (now += 1000);
    const from = closeWhenDone(createService({ store: await openCollectionStore(tempDir('deckhand-notetype-'), { now: clock }), clock, scheduler: { fuzz: false } }));
    await from.importBundle(await readAnkiPackage('spanish.apkg', await vocabPackage()));
    const deckId = from.listDecks().find((d) => d.title === 'Spanish')!.id;
    const before = from.nextCard({ deckId }).card!.anki;
    const json = new TextDecoder().decode((await from.exportFile({ format: 'json' })).bytes);
    const to = closeWhenDone(createService({ store: await openCollectionStore(tempDir('deckhand-notetype-'), { now: clock }), clock, scheduler: { fuzz: false } }));
    await to.restoreCollection(readCollectionJson('backup.json', json));
    expect(to.nextCard({ deckId }).card!.anki).toEqual(before);
  });
});
