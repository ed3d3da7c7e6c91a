// `deckhand`: the collection from a terminal, through the same service as the app, without
// Electron. Every command exits 0 on success and otherwise prints one line saying why.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { plural, type ExportFileArgs, type ImportReport } from '../contract.ts';
import { AppError, checkDeck, draftFile, openDeckhand, writeFileAtomic, type DeckhandService } from '../open-app.ts';
import { defaultDataDir } from './data-dir.ts';
import type { Io } from './io.ts';
import { runOptimize } from './optimize.ts';

export type { Io };

class CliError extends Error {}

const HELP: Record<string, string> = {
  main: `Usage: deckhand <command> [options]

Commands:
  import FILE...   bring Anki packages (.apkg, .colpkg, .anki2, .anki21), CSV/TSV, Markdown or deck.json into the collection
  export           write the collection (or one deck) as .apkg, CSV or a full JSON backup
  check PATH       validate a deck file or deck folder
  stats            cards by state, reviews and what is due today
  draft FILE       propose cards for an article (.txt, .md, .html, .pdf, .docx, .epub) without touching a collection
  add-article FILE add an article to the collection as a deck of its own
  optimize         fit FSRS parameters to each preset's review history
  sync             one pass through a folder Syncthing, Dropbox or OneDrive keeps in step with other computers

Run "deckhand <command> --help" for a command's options. The collection is the app's own unless
--data-dir names another; nothing runs while the app has the collection open.`,
  import: `Usage: deckhand import FILE... [--deck NAME] [--data-dir DIR] [--replace]

Imports each file (or folder of Markdown notes, or deck folder) in turn, each all or nothing.
Importing the same file again updates its notes in place.
  --deck NAME      put the notes in this deck instead of the decks the file names
  --data-dir DIR   the collection folder (default: ${defaultDataDir()})
  --replace        allow a full JSON backup to replace the whole collection`,
  export: `Usage: deckhand export --format apkg|csv|json --out FILE [--deck NAME] [--data-dir DIR] [--no-scheduling]

  --format         apkg (opens in Anki), csv (Anki's text format) or json (a full backup Deckhand restores exactly)
  --out FILE       where to write it
  --deck NAME      only this deck and the decks under it (apkg and csv)
  --no-scheduling  apkg without review history: every card new
  --data-dir DIR   the collection folder (default: ${defaultDataDir()})`,
  check: `Usage: deckhand check DECK_DIR_OR_FILE

Validates a deck folder (with deck.json) or a deck.json file as the app would load it, and lists
every problem with its file, card and field. Exits 1 when there is any.`,
  draft: `Usage: deckhand draft FILE [--json] [--max N]

Reads an article and prints the cards Deckhand would draft from it, best first, each quoting its
sentence. Nothing is written. Drafting reads English only.
  --json           print {"article": {...}, "drafts": [{"kind", "type", "front", "back", "text", "quote", "score"}]}
  --max N          at most N drafts`,
  'add-article': `Usage: deckhand add-article FILE [--deck NAME] [--accept-all] [--data-dir DIR]

Adds an article (.txt, .md, .html, .pdf, .docx, .epub) to the collection as a deck of its own,
ready to read in the app, with its drafts in the deck's inbox when drafted there.
  --deck NAME      the deck's title instead of the article's
  --accept-all     draft cards now and accept every draft
  --data-dir DIR   the collection folder (default: ${defaultDataDir()})`,
  optimize: `Usage: deckhand optimize [--preset NAME] [--json] [--dry-run] [--data-dir DIR]

Fits FSRS parameters to the review history of each preset's cards (or one preset's), in a separate
process, and keeps them only where they predict that history better than the parameters in use.
  --preset NAME    only this preset
  --json           print {"presets": [{"name", "reviews", "items", "before", "after", "kept", "params"}]}:
                   before/after are log loss and RMSE(bins) on time-series splits (old parameters,
                   and the fitting, each predicting reviews it was not fitted on)
  --dry-run        fit and compare, but change nothing
  --data-dir DIR   the collection folder (default: ${defaultDataDir()})`,
  stats: `Usage: deckhand stats [--json] [--data-dir DIR]

  --json           print {"cards", "reviews", "dueToday", "byState", "decks", "sync"} as JSON ("sync": the devices the last sync pass saw)
  --data-dir DIR   the collection folder (default: ${defaultDataDir()})`,
  sync: `Usage: deckhand sync --folder DIR [--data-dir DIR]

Publishes what this computer changed since its last pass into DIR/deckhand/devices/<its id>/,
merges what the other computers wrote there, and prints what it merged. DIR is a folder a sync
engine (Syncthing, Dropbox, OneDrive, …) keeps the same on every computer.
  --folder DIR     the sync folder
  --data-dir DIR   the collection folder (default: ${defaultDataDir()})`,
};

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, allowPositionals: positionals, strict: true });
  } catch (e) {
    throw new CliError((e as Error).message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

/**
 * The collection in `dataDir` (or the app's), opened for one command. Commands that only read it
 * (`mustExist`) refuse a folder without one rather than making an empty collection there.
 */
async function withService<T>(dataDir: string | undefined, run: (service: DeckhandService) => Promise<T>, mustExist = false): Promise<T> {
  let service: DeckhandService;
  const dir = path.resolve(dataDir ?? defaultDataDir());
  if (mustExist && !existsSync(dir)) throw new CliError(`${dir}: no such folder, so there is no collection to read (name one with --data-dir)`);
  if (mustExist && !['collection.json', 'reviews.jsonl'].some((f) => existsSync(path.join(dir, f)))) throw new CliError(`${dir} holds no Deckhand collection (name one with --data-dir)`);
  try {
    // No shipped decks: the command line works on exactly what is in the collection.
    service = await openDeckhand({ dataDir: dir });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  try {
    return await run(service);
  } finally {
    service.close();
  }
}

export function describeReport(r: ImportReport): string[] {
  const lines = [`${r.file}: ${plural(r.notesAdded, 'note')} added, ${r.notesUpdated} updated, ${r.notesUnchanged} unchanged; ${plural(r.cardsAdded, 'card')} added, ${r.cardsUpdated} updated; ${plural(r.reviewsAdded, 'review')} of history; ${plural(r.mediaAdded, 'media file')}; ${r.skipped.length} skipped.`];
  if (r.decksAdded.length) lines.push(`  new decks: ${r.decksAdded.join(', ')}`);
  for (const n of r.notices) lines.push(`  note: ${n}`);
  for (const s of r.skipped.slice(0, 20)) lines.push(`  skipped ${s.what}: ${s.reason}`);
  if (r.skipped.length > 20) lines.push(`  … and ${r.skipped.length - 20} more skipped`);
  return lines;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { deck: { type: 'string' }, 'data-dir': { type: 'string' }, replace: { type: 'boolean' } }, true);
  if (values.help) return help('import', io);
  if (positionals.length === 0) throw new CliError('import: name at least one file to import (see deckhand import --help)');
  for (const p of positionals) if (!existsSync(p)) throw new CliError(`import: ${p}: no such file or folder`);
  return withService(values['data-dir'], async (service) => {
    for (const p of positionals) {
      let report: ImportReport;
      try {
        report = await service.importPath({ path: p, ...(values.deck ? { deck: values.deck } : {}), replaceCollection: values.replace ?? false });
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') throw new CliError(`import: ${e.message} Add --replace to do that.`);
        throw e;
      }
      if (report.restored) io.out(`${report.file}: restored the collection (${plural(report.decksAdded.length, 'deck')}, ${plural(report.cardsAdded, 'card')}, ${plural(report.reviewsAdded, 'review')}).`);
      else for (const line of describeReport(report)) io.out(line);
    }
    return 0;
  });
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' }, out: { type: 'string' }, deck: { type: 'string' }, 'data-dir': { type: 'string' }, 'no-scheduling': { type: 'boolean' } });
  if (values.help) return help('export', io);
  const format = values.format as ExportFileArgs['format'] | undefined;
  if (!format || !['apkg', 'csv', 'json'].includes(format)) throw new CliError('export: --format must be apkg, csv or json');
  if (!values.out) throw new CliError('export: --out FILE is required');
  if (values.deck && format === 'json') throw new CliError('export: a JSON backup is always the whole collection; leave out --deck');
  const out = path.resolve(values.out);
  if (!existsSync(path.dirname(out))) throw new CliError(`export: the folder ${path.dirname(out)} does not exist`);
  return withService(values['data-dir'], async (service) => {
    let deckId: string | undefined;
    if (values.deck) {
      const wanted = values.deck.trim().toLowerCase();
      deckId = service.listDecks().find((d) => d.title.toLowerCase() === wanted)?.id;
      if (!deckId) throw new CliError(`export: there is no deck named "${values.deck}"`);
    }
    const file = await service.exportFile({ format, ...(deckId ? { deckId } : {}), scheduling: !values['no-scheduling'] });
    writeExport(out, file.bytes);
    io.out(`Wrote ${out}: ${file.summary}.`);
    return 0;
  }, true);
}

/** The whole file or, when the disk refuses (full, read-only), none of it and a message saying so; an older file there is kept. */
function writeExport(out: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(out, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code === 'EROFS' ? 'the disk is read-only' : code === 'EACCES' || code === 'EPERM' ? 'you may not write to that folder' : (e as Error).message;
    throw new CliError(`export: ${out} was not written: ${why}. No partial file was left; free some space or choose another place, and export again.`);
  }
}

function checkCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {}, true);
  if (values.help) return help('check', io);
  if (positionals.length !== 1) throw new CliError('check: name one deck folder or deck.json file');
  const target = positionals[0]!;
  if (!existsSync(target)) throw new CliError(`check: ${target}: no such file or folder`);
  if (statSync(target).isFile() && !/\.json$/i.test(target)) {
    throw new CliError(`check: ${target} is not a deck.json file or a deck folder (check reads Deckhand's own deck format); to bring its cards into the collection, use: deckhand import ${target}`);
  }
  const problems = checkDeck(target);
  if (problems.length === 0) {
    io.out(`${target}: the deck is valid.`);
    return 0;
  }
  for (const p of problems) io.err(p);
  io.err(`${target}: ${plural(problems.length, 'problem')}.`);
  return 1;
}

async function statsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } });
  if (values.help) return help('stats', io);
  return withService(values['data-dir'], async (service) => {
    const s = service.collectionSummary();
    if (values.json) io.out(JSON.stringify({ ...s, sync: service.devicesSeen() }, null, 2));
    else {
      io.out(`${plural(s.cards, 'card')} in ${plural(s.decks, 'deck')}: ${s.byState.new} new, ${s.byState.learning} learning, ${s.byState.young} young, ${s.byState.mature} mature, ${s.byState.suspended} suspended.`);
      io.out(`${plural(s.reviews, 'review')} in the log; ${s.dueToday} due today.`);
    }
    return 0;
  }, true);
}

async function optimizeCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { preset: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'data-dir': { type: 'string' } });
  if (values.help) return help('optimize', io);
  return withService(values['data-dir'], (service) => runOptimize(service, { ...(values.preset !== undefined ? { preset: values.preset } : {}), json: values.json ?? false, dryRun: values['dry-run'] ?? false }, io));
}

async function draftCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, max: { type: 'string' } }, true);
  if (values.help) return help('draft', io);
  if (positionals.length !== 1) throw new CliError('draft: name one article file');
  const file = positionals[0]!;
  if (!existsSync(file)) throw new CliError(`draft: ${file}: no such file`);
  const max = values.max === undefined ? undefined : Number(values.max);
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new CliError(`draft: --max must be a whole number of at least 1; got "${values.max}"`);
  const { article, english, drafts } = await draftFile(file, max);
  if (values.json) {
    io.out(JSON.stringify({ article, drafts }, null, 2));
    return 0;
  }
  io.out(`${article.title}${article.author ? ` by ${article.author}` : ''}: ${plural(article.words, 'word')}, ${plural(article.sentences, 'sentence')}; ${plural(drafts.length, 'draft')}.`);
  if (!english) io.out('Drafting reads English only: this article can be read and made into cards by hand in the app.');
  for (const d of drafts) {
    io.out(`- [${d.kind}, ${d.score.toFixed(2)}] ${d.type === 'cloze' ? d.text : `${d.front} → ${d.back}`}`);
    io.out(`    "${d.quote}"`);
  }
  return 0;
}

async function addArticleCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { deck: { type: 'string' }, 'accept-all': { type: 'boolean' }, 'data-dir': { type: 'string' } }, true);
  if (values.help) return help('add-article', io);
  if (positionals.length !== 1) throw new CliError('add-article: name one article file');
  const file = positionals[0]!;
  if (!existsSync(file)) throw new CliError(`add-article: ${file}: no such file`);
  return withService(values['data-dir'], async (service) => {
    const { article, drafted } = await service.addArticlePath({ path: file, ...(values.deck ? { title: values.deck } : {}), acceptAll: values['accept-all'] ?? false });
    io.out(`${path.basename(file)}: added "${article.title}" (${plural(article.words, 'word')}, ${plural(article.coverage.sentences, 'sentence')}).`);
    if (values['accept-all']) io.out(`  ${plural(drafted, 'draft')} accepted: ${plural(article.cardCount, 'card')}, covering ${article.coverage.quoted} of ${plural(article.coverage.sentences, 'sentence')}.`);
    return 0;
  });
}

async function syncCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { folder: { type: 'string' }, 'data-dir': { type: 'string' } });
  if (values.help) return help('sync', io);
  if (!values.folder) throw new CliError('sync: name the sync folder with --folder DIR');
  if (!existsSync(values.folder)) throw new CliError(`sync: ${values.folder}: no such folder`);
  const folder = path.resolve(values.folder);
  return withService(values['data-dir'], async (service) => {
    const r = service.syncOnce({ folder });
    const a = r.applied;
    io.out(`Published ${plural(r.published.reviews, 'review')} and ${plural(r.published.changes, 'change')} as device ${r.device}.`);
    io.out(`Merged ${plural(r.merged.reviews, 'review')} and ${plural(r.merged.changes, 'change')} from ${plural(r.devices.length, 'other device')}: ${plural(a.notes, 'note')} added or changed, ${a.removedNotes} removed; ${plural(a.cards, 'card')} updated; ${plural(a.decks, 'deck')} added or changed, ${a.removedDecks} removed${a.settings ? '; settings changed' : ''}.`);
    for (const d of r.devices) io.out(`  ${d.name} (${d.device}): ${plural(d.reviews, 'review')}${d.waiting.length ? `; waiting for ${plural(d.waiting.length, 'file')} still being copied` : ''}`);
    for (const n of r.newer) io.out(`  ${n.name} (${n.device}) writes sync format ${n.format}, newer than this Deckhand reads: update Deckhand here to sync with it.`);
    if (r.recovered) io.out(`${plural(r.recovered, 'note')} of decks deleted on one computer while another changed them are kept in the "Recovered" deck.`);
    for (const p of r.problems) io.out(`  ${p}`);
    return 0;
  });
}

function help(command: string, io: Io): number {
  io.out(HELP[command]!);
  return 0;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'check':
        return checkCommand(rest, io);
      case 'stats':
        return await statsCommand(rest, io);
      case 'draft':
        return await draftCommand(rest, io);
      case 'add-article':
        return await addArticleCommand(rest, io);
      case 'optimize':
        return await optimizeCommand(rest, io);
      case 'sync':
        return await syncCommand(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help('main', io);
      default:
        throw new CliError(`"${command}" is not a command; the commands are import, export, check, stats, draft, add-article, optimize and sync (see deckhand --help)`);
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof AppError) {
      io.err(`deckhand: ${e.message.split('\n')[0]}`);
      return 1;
    }
    io.err(`deckhand: ${(e as Error).message?.split('\n')[0] ?? String(e)}`);
    return 2;
  }
}

