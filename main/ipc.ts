// The one dispatcher: method -> validate the arguments -> call the service -> result envelope.
// The Electron shell and the preview bridge both hand every call to `dispatch` and nothing else.
import { z } from 'zod';
import { AppError } from './app-error.ts';
import { API_METHODS, IMPORT_LIMITS, type ApiArgs, type ApiMethod, type ApiValue, type Result } from './contract.ts';
import type { DeckhandService } from './service.ts';
import { count, settingsSchema } from './domain/settings-schema.ts';

const id = (field: string) =>
  z
    .string({ error: `"${field}" must be text` })
    .min(1, `"${field}" is empty`)
    .max(300, `"${field}" is longer than 300 characters`);
const time = (field: string) =>
  z.number({ error: `"${field}" must be a number` }).int(`"${field}" must be a whole number of milliseconds`).nonnegative(`"${field}" must not be negative`).max(8.64e15, `"${field}" is out of range`);

interface Handler<M extends ApiMethod> {
  args: z.ZodType<ApiArgs<M>>;
  run(service: DeckhandService, args: ApiArgs<M>): ApiValue<M> | Promise<ApiValue<M>>;
}

const noArgs = z.strictObject({}) as unknown as z.ZodType<Record<string, never>>;

const boundedText = (field: string, max: number) => z.string({ error: `"${field}" must be text` }).max(max, `"${field}" is longer than ${max} characters`);
const tag = (field: string) =>
  z
    .string({ error: `"${field}" must be text` })
    .trim()
    .min(1, `"${field}" is empty`)
    .max(64, `"${field}" is longer than 64 characters`)
    .regex(/^[^\s,]+$/, `"${field}" must be one word: no spaces or commas (use hyphens, like "summit-2018")`);
const deckTitle = z.string({ error: '"title" must be text' }).trim().min(1, '"title" is empty').max(200, '"title" is longer than 200 characters');
const idList = (field: string, max: number) => z.array(id(field), { error: `"${field}" must be a list of ids` }).min(1, `"${field}" is empty`).max(max, `"${field}" has more than ${max} ids`);

const saveNoteSchema = z.strictObject({
  noteId: id('noteId').optional(),
  deckId: id('deckId'),
  type: z.enum(['basic', 'reversed', 'cloze'], { error: '"type" must be "basic", "reversed" or "cloze"' }),
  front: boundedText('front', 4000).optional(),
  back: boundedText('back', 4000).optional(),
  text: boundedText('text', 4000).optional(),
  extra: boundedText('extra', 2000).optional(),
  tags: z.array(tag('tags'), { error: '"tags" must be a list of tags' }).max(32, '"tags" has more than 32 tags'),
  quote: boundedText('quote', 4000).optional(),
  kind: z.enum(['fact', 'argument'], { error: '"kind" must be "fact" or "argument"' }).optional(),
  fromDraft: id('fromDraft').optional(),
});

/** A file's content: bytes (a Uint8Array, as IPC and the preview's bridge deliver it), at most the largest file a reader accepts. */
const fileBytes = (field: string) =>
  z
    .instanceof(Uint8Array, { error: `"${field}" must be the file's bytes (a Uint8Array)` })
    .refine((bytes) => bytes.length <= IMPORT_LIMITS.maxFileBytes, `"${field}" is larger than ${IMPORT_LIMITS.maxFileBytes / 1048576} MB`);

const addArticleSchema = z.strictObject({
  name: z.string({ error: '"name" must be text' }).trim().min(1, '"name" is empty').max(255, '"name" is longer than 255 characters').optional(),
  data: fileBytes('data').optional(),
  text: boundedText('text', IMPORT_LIMITS.maxTextBytes).optional(),
  title: boundedText('title', 300).optional(),
  author: boundedText('author', 300).optional(),
  date: boundedText('date', 40).optional(),
});
const draftIds = idList('draftIds', 10_000);
const updateArticleSchema = z.strictObject({
  deckId: id('deckId'),
  title: deckTitle.optional(),
  author: boundedText('author', 300).optional(),
  // The service also checks it is a day of the calendar (no 2026-02-30).
  date: z.string({ error: '"date" must be text' }).regex(/^(\d{4}-\d{2}-\d{2})?$/, '"date" must be a day written yyyy-mm-dd, like 2026-03-02, or empty').optional(),
});

const searchSchema = z.strictObject({
  query: boundedText('query', 500),
  deckId: id('deckId').optional(),
  tag: tag('tag').optional(),
  state: z.enum(['new', 'learning', 'due', 'suspended', 'buried'], { error: '"state" must be "new", "learning", "due", "suspended" or "buried"' }).optional(),
  sort: z.enum(['due', 'interval', 'difficulty', 'added'], { error: '"sort" must be "due", "interval", "difficulty" or "added"' }),
  descending: z.boolean({ error: '"descending" must be true or false' }),
  offset: count('offset', 10_000_000),
  limit: count('limit', 500),
  allIds: z.boolean({ error: '"allIds" must be true or false' }).optional(),
});

const cardIds = idList('cardIds', 200_000);
const updateCardsSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ cardIds, action: z.enum(['suspend', 'unsuspend', 'bury', 'reset', 'delete']) }),
    z.strictObject({ cardIds, action: z.enum(['addTag', 'removeTag']), tag: tag('tag') }),
    z.strictObject({ cardIds, action: z.literal('move'), deckId: id('deckId') }),
  ],
  { error: '"action" must be one of suspend, unsuspend, bury, reset, delete, addTag, removeTag or move' },
);

const handlers: { [M in ApiMethod]: Handler<M> } = {
  getAppInfo: { args: noArgs, run: (s) => s.getAppInfo() },
  getStorageStatus: { args: noArgs, run: (s) => s.getStorageStatus() },
  listDecks: { args: noArgs, run: (s) => s.listDecks() },
  nextCard: { args: z.strictObject({ deckId: id('deckId') }), run: (s, a) => s.nextCard(a) },
  answer: {
    args: z.strictObject({
      cardId: id('cardId'),
      rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '"rating" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)' }),
      shownAt: time('shownAt'),
      durationMs: time('durationMs'),
      cardVersion: time('cardVersion').optional(),
    }) as z.ZodType<ApiArgs<'answer'>>,
    run: (s, a) => s.answer(a),
  },
  getArticle: { args: z.strictObject({ deckId: id('deckId') }), run: (s, a) => s.getArticle(a) },
  undo: { args: noArgs, run: (s) => s.undo() },
  bury: { args: z.strictObject({ cardId: id('cardId') }), run: (s, a) => s.bury(a) },
  suspend: { args: z.strictObject({ cardId: id('cardId') }), run: (s, a) => s.suspend(a) },
  unsuspend: { args: z.strictObject({ cardId: id('cardId') }), run: (s, a) => s.unsuspend(a) },
  studyMore: { args: z.strictObject({ deckId: id('deckId'), newCards: count('newCards', 1000), forgottenDays: count('forgottenDays', 365).optional() }), run: (s, a) => s.studyMore(a) },
  getSettings: { args: noArgs, run: (s) => s.getSettings() },
  startOptimise: { args: z.strictObject({ presetId: id('presetId').optional() }) as z.ZodType<ApiArgs<'startOptimise'>>, run: (s, a) => s.startOptimise(a) },
  optimiseStatus: { args: noArgs, run: (s) => s.optimiseStatus() },
  cancelOptimise: { args: noArgs, run: (s) => s.cancelOptimise() },
  resetParameters: { args: z.strictObject({ presetId: id('presetId') }), run: (s, a) => s.resetParameters(a) },
  simulateWorkload: { args: z.strictObject({ presetId: id('presetId') }), run: (s, a) => s.simulateWorkload(a) },
  updateSettings: { args: settingsSchema, run: (s, a) => s.updateSettings(a) },
  setDeckPreset: { args: z.strictObject({ deckId: id('deckId'), presetId: id('presetId') }), run: (s, a) => s.setDeckPreset(a) },
  listBackups: { args: noArgs, run: (s) => s.listBackups() },
  restoreBackup: { args: z.strictObject({ id: id('id') }), run: (s, a) => s.restoreBackup(a) },
  getNote: { args: z.strictObject({ noteId: id('noteId') }), run: (s, a) => s.getNote(a) },
  saveNote: { args: saveNoteSchema as z.ZodType<ApiArgs<'saveNote'>>, run: (s, a) => s.saveNote(a) },
  deleteNotes: { args: z.strictObject({ noteIds: idList('noteIds', 100_000) }), run: (s, a) => s.deleteNotes(a) },
  createDeck: { args: z.strictObject({ title: deckTitle }), run: (s, a) => s.createDeck(a) },
  renameDeck: { args: z.strictObject({ deckId: id('deckId'), title: deckTitle }), run: (s, a) => s.renameDeck(a) },
  deleteDeck: { args: z.strictObject({ deckId: id('deckId') }), run: (s, a) => s.deleteDeck(a) },
  undoDelete: { args: noArgs, run: (s) => s.undoDelete() },
  searchCards: { args: searchSchema as z.ZodType<ApiArgs<'searchCards'>>, run: (s, a) => s.searchCards(a) },
  updateCards: { args: updateCardsSchema as z.ZodType<ApiArgs<'updateCards'>>, run: (s, a) => s.updateCards(a) },
  listTags: { args: noArgs, run: (s) => s.listTags() },
  importFile: {
    args: z.strictObject({
      name: z.string({ error: '"name" must be text' }).trim().min(1, '"name" is empty').max(255, '"name" is longer than 255 characters'),
      data: fileBytes('data'),
      deck: deckTitle.optional(),
      replaceCollection: z.boolean({ error: '"replaceCollection" must be true or false' }).optional(),
    }) as z.ZodType<ApiArgs<'importFile'>>,
    run: (s, a) => s.importFile(a),
  },
  importFolder: {
    args: z.strictObject({
      name: z.string({ error: '"name" must be text' }).trim().min(1, '"name" is empty').max(255, '"name" is longer than 255 characters'),
      files: z
        .array(
          z.strictObject({
            path: z.string({ error: 'each file\'s "path" must be text' }).min(1, 'a file\'s "path" is empty').max(1000, 'a file\'s "path" is longer than 1000 characters'),
            text: z.string({ error: 'each file\'s "text" must be text' }).max(IMPORT_LIMITS.maxTextBytes, `a file is larger than ${IMPORT_LIMITS.maxTextBytes / 1048576} MB`),
          }),
          { error: '"files" must be a list of files' },
        )
        .min(1, '"files" is empty')
        .max(20_000, '"files" has more than 20,000 files'),
      deck: deckTitle.optional(),
    }) as z.ZodType<ApiArgs<'importFolder'>>,
    run: (s, a) => s.importFolder(a),
  },
  exportFile: {
    args: z.strictObject({
      format: z.enum(['apkg', 'csv', 'json'], { error: '"format" must be apkg, csv or json' }),
      deckId: id('deckId').optional(),
      scheduling: z.boolean({ error: '"scheduling" must be true or false' }).optional(),
    }) as z.ZodType<ApiArgs<'exportFile'>>,
    run: async (s, a) => {
      const file = await s.exportFile(a);
      return { fileName: file.fileName, mime: file.mime, summary: file.summary, data: file.bytes };
    },
  },
  getStats: { args: z.strictObject({ deckId: id('deckId').optional() }), run: (s, a) => s.getStats(a) },
  listArticles: { args: noArgs, run: (s) => s.listArticles() },
  addArticle: { args: addArticleSchema as z.ZodType<ApiArgs<'addArticle'>>, run: (s, a) => s.addArticle(a) },
  updateArticle: { args: updateArticleSchema as z.ZodType<ApiArgs<'updateArticle'>>, run: (s, a) => s.updateArticle(a) },
  draftArticle: { args: z.strictObject({ deckId: id('deckId') }), run: (s, a) => s.draftArticle(a) },
  listDrafts: { args: z.strictObject({ deckId: id('deckId') }), run: (s, a) => s.listDrafts(a) },
  acceptDrafts: { args: z.strictObject({ deckId: id('deckId'), draftIds }), run: (s, a) => s.acceptDrafts(a) },
  rejectDrafts: { args: z.strictObject({ deckId: id('deckId'), draftIds }), run: (s, a) => s.rejectDrafts(a) },
};

const known = new Set<string>(API_METHODS);

/** Runs one API call; never throws. A call that fails validation never reaches the service. */
export async function dispatch(service: DeckhandService, method: string, args: unknown): Promise<Result<unknown>> {
  if (!known.has(method)) return failure('bad-request', `Unknown method "${String(method).slice(0, 60)}".`);
  const handler = handlers[method as ApiMethod] as unknown as Handler<ApiMethod>;
  const parsed = handler.args.safeParse(args ?? {});
  if (!parsed.success) return failure('bad-request', `${method}: ${describe(parsed.error, args)}`);
  try {
    return { ok: true, value: await handler.run(service, parsed.data as never) };
  } catch (e) {
    if (e instanceof AppError) return failure(e.code, e.message);
    console.error(`deckhand: ${method} failed`, e);
    return failure('internal', `${method} failed: ${(e as Error).message ?? String(e)}`);
  }
}

function describe(error: z.ZodError, args: unknown): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `unexpected argument ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'arguments must be an object';
  const given = issue.path.length === 1 ? (args as Record<PropertyKey, unknown>)[issue.path[0]!] : null;
  if (issue.code === 'invalid_type' && given === undefined) return `"${issue.path.join('.')}" is missing`;
  return issue.message;
}

const failure = (code: Extract<Result<never>, { ok: false }>['error']['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });
