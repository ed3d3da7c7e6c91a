// Studying what you read: articles brought in from a file or pasted text, each a deck of its own
// holding its text; cards drafted from it offline into an inbox beside it; accepted drafts become
// ordinary notes that quote their sentence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import type { AddArticleArgs, Article, ArticleCard, ArticleSummary, DraftResult, DraftView, UpdateArticleArgs } from '../contract.ts';
import { normaliseWhitespace, paragraphsOf, segmentArticle } from '../domain/article.ts';
import { isNew } from '../domain/card.ts';
import { cardFaces } from '../domain/notes.ts';
import { cardStatus } from '../domain/queue.ts';
import { articleSentences, coverageOf } from '../domain/article-coverage.ts';
import type { ArticleDraft, Deck } from '../domain/deck.ts';
import type { Draft, DraftResult as Drafted } from '../domain/drafter/index.ts';
import { plural } from '../domain/words.ts';
import { isoDate } from '../formats/article/article-date.ts';
import { cleanParagraph, countWords } from '../formats/article/article-text.ts';
import { ArticleError } from '../formats/article/article-error.ts';
import { isLikelyEnglish } from '../formats/article/english.ts';
import type { ReadArticle } from '../formats/article/read-article.ts';
import { deckOrThrow, noteOfCard, type ServiceContext } from './context.ts';
import type { Editing } from './editing.ts';
import { removeDrafts } from './note-changes.ts';

// The drafter's language model and the readers' libraries (Readability, pdf.js, mammoth) load on
// the first article added or drafted: with them loaded up front, opening the collection took
// 8 MB more heap before anyone had read anything.
const drafter = () => import('../domain/drafter/index.ts');
const readers = () => import('../formats/article/read-article.ts');

/** The most drafts an inbox keeps: more than anyone reviews in one sitting, far fewer than a book would give. */
const MAX_INBOX = 500;

/**
 * The longest run without a space the drafter is given. Its time grows with the square of a run's
 * length (10,000 characters took 1.7 s, 50,000 took 40 s, a megabyte would take hours on the main
 * process); no word comes near 200 characters, and such runs are markup, long addresses or encoded data,
 * which make no card. A paragraph holding one is left out of drafting, not out of the article.
 */
const MAX_DRAFTED_RUN = 200;
const LONG_RUN = new RegExp(`\\S{${MAX_DRAFTED_RUN + 1}}`);

/** The article as the drafter reads it: without the paragraphs it cannot draft in reasonable time. */
const draftable = (article: string): string => paragraphsOf(article).filter((p) => !LONG_RUN.test(p)).join('\n\n');

export class Articles {
  readonly #ctx: ServiceContext;
  readonly #editing: Editing;
  /** Each article's coverage, kept under its deck's version (which moves when its notes or drafts change). */
  readonly #coverage = new Map<string, { at: number; coverage: { quoted: number; sentences: number } }>();

  constructor(ctx: ServiceContext, editing: Editing) {
    this.#ctx = ctx;
    this.#editing = editing;
  }

  /** The article a deck was made from, its sentences marked by the cards that quote them. */
  getArticle({ deckId }: { deckId: string }): Article {
    const { collection } = this.#ctx;
    const d = this.#articleDeck(deckId);
    const now = this.#ctx.clock();
    const quoting: { id: string; quote: string }[] = [];
    const cards: Record<string, ArticleCard> = {};
    for (const card of collection.studyOrder(deckId)) {
      const note = noteOfCard(this.#ctx, card);
      if (!note.quote) continue;
      quoting.push({ id: card.id, quote: note.quote });
      cards[card.id] = { id: card.id, front: cardFaces(note, card).front, status: cardStatus(card, now, collection.settings.rolloverHour), due: isNew(card) ? null : card.memory.due };
    }
    const source = d.source ?? { author: '', publisher: '', subject: '' };
    return { deckId, title: d.title, source, date: d.published ?? null, paragraphs: segmentArticle(d.article!, quoting), cards, coverage: this.coverage(d), drafts: d.drafts?.length ?? 0 };
  }

  /** Every deck made from an article. */
  listArticles(): ArticleSummary[] {
    return [...this.#ctx.collection.decks()].filter((d) => d.article !== null).map((d) => this.#summary(d));
  }

  /** Reads an article from a file (its bytes, `data`, named `name`) or pasted `text` into a deck of its own. */
  async addArticle(args: AddArticleArgs): Promise<ArticleSummary> {
    const { name, data, text } = args;
    let read: ReadArticle;
    if (data !== undefined && name !== undefined) read = await readOrRefuse(async () => (await readers()).readArticleFile(name, data));
    else if (text !== undefined) read = await readOrRefuse(async () => (await readers()).readPastedArticle(text, args.title));
    else throw new AppError('bad-request', 'Give a file ("name" and "data") or pasted "text".');
    return this.addRead(read, args);
  }

  /** An article file on disk (the command line), optionally drafted and every draft accepted at once. */
  async addArticlePath({ path: file, title, acceptAll }: { path: string; title?: string; acceptAll?: boolean }): Promise<{ article: ArticleSummary; drafted: number }> {
    const read = await readOrRefuse(async () => (await readers()).readArticleFile(path.basename(file), readFileSync(file)));
    const article = this.addRead(read, title ? { title } : {});
    if (!acceptAll) return { article, drafted: 0 };
    const { drafts } = await this.draftArticle({ deckId: article.deckId });
    if (drafts.length) this.acceptDrafts({ deckId: article.deckId, draftIds: drafts.map((d) => d.id) });
    return { article: this.#summary(deckOrThrow(this.#ctx, article.deckId)), drafted: drafts.length };
  }

  /** An article already read. */
  addRead(read: ReadArticle, overrides: Pick<AddArticleArgs, 'title' | 'author' | 'date'> = {}): ArticleSummary {
    const { collection } = this.#ctx;
    const title = this.#freeTitle(overrides.title?.trim() || read.title);
    const author = overrides.author?.trim() || read.author;
    const date = overrides.date?.trim() || read.date;
    const deck: Deck = {
      id: collection.freshDeckId(),
      title,
      description: '',
      version: 0,
      source: { author: author ?? '', publisher: '', subject: '' },
      article: read.text,
      ...(date ? { published: date } : {}),
    };
    collection.putDeck(deck);
    return this.#summary(deck);
  }

  /**
   * Changes the title, author or date an article was added with (a file may have none, or wrong
   * ones). The title is the deck's, renamed as any deck is, except that `::` is refused: it would
   * file the article under another deck. Everything is checked before anything changes.
   */
  updateArticle({ deckId, title, author, date }: UpdateArticleArgs): ArticleSummary {
    const deck = this.#articleDeck(deckId);
    const newTitle = title === undefined ? undefined : cleanParagraph(title);
    if (newTitle !== undefined) {
      if (newTitle === '') throw new AppError('bad-request', '"title" is empty: an article needs a title.');
      if (newTitle.includes('::')) throw new AppError('bad-request', '"title" contains "::", which would put the article under another deck; use a single colon.');
      const other = this.#ctx.collection.deckWithTitle(newTitle);
      if (other && other.id !== deckId) throw new AppError('conflict', `"title": a deck called "${newTitle}" already exists.`);
    }
    const newDate = date?.trim();
    if (newDate && isoDate(newDate) !== newDate) throw new AppError('bad-request', `"date": ${newDate} is not a day of the calendar; write it as yyyy-mm-dd, like 2026-03-02.`);
    if (newTitle !== undefined && newTitle !== deck.title) this.#editing.renameDeck({ deckId, title: newTitle });
    const renamed = deckOrThrow(this.#ctx, deckId);
    const { published: _old, ...rest } = renamed;
    const source = { ...(renamed.source ?? { author: '', publisher: '', subject: '' }), ...(author !== undefined ? { author: cleanParagraph(author) } : {}) };
    const published = newDate === undefined ? renamed.published : newDate || undefined;
    this.#ctx.collection.putDeck({ ...rest, source, ...(published ? { published } : {}) });
    return this.#summary(deckOrThrow(this.#ctx, deckId));
  }

  /**
   * Proposes cards for the whole article into its inbox. A draft whose question and answer are
   * already in the inbox, or already a card's, is not added again.
   */
  async draftArticle({ deckId }: { deckId: string }): Promise<DraftResult> {
    if (!isLikelyEnglish(this.#articleDeck(deckId).article!)) {
      return { drafts: this.listDrafts({ deckId }), added: 0, english: false, message: 'Drafting reads English only: this article can be read and made into cards by hand (select words and press C or Q).' };
    }
    const drafted = await draftInSlices(draftable(this.#articleDeck(deckId).article!));
    // The deck may have changed (or gone) while the article was read.
    const deck = this.#articleDeck(deckId);
    const known = new Set([...(deck.drafts ?? []), ...this.#ctx.collection.notesOf(deckId).values()].map(draftKey));
    const fresh: ArticleDraft[] = [];
    let n = (deck.drafts ?? []).reduce((max, d) => Math.max(max, Number(d.id.split('.').pop()) || 0), 0);
    // Drafts come best first; a full inbox takes no more, so drafting again never trades the
    // drafts waiting for ones it then counts as new.
    const room = Math.max(0, MAX_INBOX - (deck.drafts?.length ?? 0));
    for (const d of drafted.drafts) {
      if (fresh.length >= room) break;
      const key = draftKey(d);
      if (known.has(key)) continue;
      known.add(key);
      fresh.push({ ...d, id: `${deckId}:draft.${++n}` });
    }
    const drafts = [...(deck.drafts ?? []), ...fresh].sort((a, b) => b.score - a.score);
    this.#ctx.collection.putDeck({ ...deck, drafts });
    const message = fresh.length ? `Drafted ${plural(fresh.length, 'card')} from "${deck.title}": accept, edit or reject them in the inbox.` : `No new drafts: the inbox and the cards of "${deck.title}" already ask what the drafter finds.`;
    return { drafts: this.listDrafts({ deckId }), added: fresh.length, english: true, message };
  }

  /** The inbox, best first, each draft with the paragraph its sentence sits in. */
  listDrafts({ deckId }: { deckId: string }): DraftView[] {
    const deck = this.#articleDeck(deckId);
    const paragraphs = paragraphsOf(deck.article!);
    // The quote is normalised once, not once a paragraph: at 500 drafts and 400 paragraphs that
    // kept the event loop (and an answer) waiting ~150 ms after every draft.
    return (deck.drafts ?? []).map((d) => {
      const quote = normaliseWhitespace(d.quote);
      return { ...d, context: paragraphs.find((p) => p.includes(quote)) ?? d.quote };
    });
  }

  /** Accepted drafts become ordinary notes of the deck, quoting their sentence; they leave the inbox. */
  acceptDrafts({ deckId, draftIds }: { deckId: string; draftIds: string[] }): { notes: number; cards: number; message: string } {
    const deck = this.#articleDeck(deckId);
    const wanted = new Set(draftIds);
    const drafts = (deck.drafts ?? []).filter((d) => wanted.has(d.id));
    if (drafts.length === 0) throw new AppError('not-found', 'None of those drafts are in the inbox any more.');
    let cards = 0;
    for (const d of drafts) {
      const note = this.#editing.saveNote({ deckId, type: d.type, front: d.front, back: d.back, text: d.text, tags: [], quote: d.quote, kind: d.kind, fromDraft: d.id });
      cards += note.cardIds.length;
    }
    return { notes: drafts.length, cards, message: `Accepted ${plural(drafts.length, 'draft')}: ${plural(drafts.length, 'note')}, ${plural(cards, 'card')}.` };
  }

  rejectDrafts({ deckId, draftIds }: { deckId: string; draftIds: string[] }): { rejected: number; message: string } {
    this.#articleDeck(deckId);
    const rejected = removeDrafts(this.#ctx, deckId, new Set(draftIds));
    return { rejected, message: `Rejected ${plural(rejected, 'draft')}.` };
  }

  /** How much of an article its cards quote: sentences, of all its sentences. */
  coverage(deck: Deck): { quoted: number; sentences: number } {
    const { collection } = this.#ctx;
    const at = collection.deckVersion(deck.id);
    const cached = this.#coverage.get(deck.id);
    if (cached?.at === at) return cached.coverage;
    const quotes = [...collection.notesOf(deck.id).values()].flatMap((n) => (n.quote ? [n.quote] : []));
    const coverage = coverageOf(articleSentences(deck.article ?? ''), quotes);
    this.#coverage.set(deck.id, { at, coverage });
    return coverage;
  }

  #summary(deck: Deck): ArticleSummary {
    const text = deck.article ?? '';
    return {
      deckId: deck.id,
      title: deck.title,
      author: deck.source?.author || null,
      date: deck.published ?? null,
      words: countWords(text),
      cardCount: this.#ctx.collection.studyOrder(deck.id).length,
      coverage: this.coverage(deck),
      drafts: deck.drafts?.length ?? 0,
    };
  }

  #articleDeck(deckId: string): Deck {
    const deck = deckOrThrow(this.#ctx, deckId);
    if (deck.article === null) throw new AppError('not-found', `Deck "${deck.title}" was not made from an article.`);
    return deck;
  }

  /** An article's title as a deck title: `::` would nest it, and a title taken gets a number. */
  #freeTitle(title: string): string {
    const base = title.replace(/::/g, ':').replace(/\s+/g, ' ').trim().slice(0, 200) || 'Untitled article';
    let candidate = base;
    for (let i = 2; this.#ctx.collection.deckWithTitle(candidate); i++) candidate = `${base} (${i})`;
    return candidate;
  }
}

/** What a card asks, for telling two drafts (or a draft and a note) that ask the same thing. */
function draftKey(d: { type: string; front: string; back: string; text: string }): string {
  return normaliseWhitespace(`${d.type}|${d.front}|${d.back}|${d.text}`).toLowerCase();
}

/**
 * Drafts an article a few milliseconds of work at a time (reading a slice of paragraphs, then
 * ranking, proposing and selecting in steps), letting whatever waits on the event loop, an answer
 * above all, go between steps.
 */
async function draftInSlices(text: string): Promise<Drafted> {
  const steps = (await drafter()).draftCardsStepwise(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A file that cannot be read as an article is refused by name, and nothing changes. */
async function readOrRefuse<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ArticleError) throw new AppError('bad-request', `${e.message} Nothing was added.`);
    throw e;
  }
}

/** What `deckhand draft` prints: an article file's drafts, without opening any collection. */
export async function draftFile(file: string, max?: number): Promise<{ article: { title: string; author: string | null; words: number; sentences: number }; english: boolean; drafts: Draft[] }> {
  const read = await readOrRefuse(async () => (await readers()).readArticleFile(path.basename(file), readFileSync(file)));
  const english = isLikelyEnglish(read.text);
  const drafts = english ? (await drafter()).draftCards(draftable(read.text), max === undefined ? {} : { max }).drafts : [];
  // Words and sentences counted as the library and the reader count them, so one article reads the same everywhere.
  return { article: { title: read.title, author: read.author, words: read.words, sentences: articleSentences(read.text).length }, english, drafts };
}
