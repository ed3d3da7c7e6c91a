import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFileArgs, ImportReport } from '../../main/contract.ts';
import { call } from '../api.ts';
import { takeDroppedFile } from '../dropped-file.ts';
import { plural } from '../format.ts';
import { readBytes } from '../read-file.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame, OutcomeMessage, type Outcome } from './Frame.tsx';

const ACCEPT = '.apkg,.colpkg,.anki2,.anki21,.anki21b,.csv,.tsv,.txt,.md,.markdown,.json';
/** Where an Obsidian vault keeps the spaced-repetition plugin's settings (cards' separators, deck tags). */
const PLUGIN_DATA = '.obsidian/plugins/obsidian-spaced-repetition/data.json';

type Progress = { file: string; stage: 'reading'; loaded: number; total: number } | { file: string; stage: 'importing' };

function Report({ report }: { report: ImportReport }) {
  const headline = report.restored
    ? `Restored the collection from ${report.file}: ${plural(report.cardsAdded, 'card')}, ${plural(report.reviewsAdded, 'review')} of history.`
    : `Imported ${report.file}: ${plural(report.cardsAdded, 'card')} added, ${plural(report.cardsUpdated, 'card')} updated, ${plural(report.skipped.length, 'item')} skipped.`;
  return (
    <section class="import-report" aria-label="Import report">
      <p class="notice" role="status">
        {headline}
      </p>
      {!report.restored && (
        <dl class="report-counts">
          <dt>Notes</dt>
          <dd>
            {report.notesAdded} added, {report.notesUpdated} updated, {report.notesUnchanged} unchanged
          </dd>
          <dt>Cards</dt>
          <dd>
            {report.cardsAdded} added, {report.cardsUpdated} updated
          </dd>
          <dt>Review history</dt>
          <dd>{plural(report.reviewsAdded, 'answer')}</dd>
          <dt>Media</dt>
          <dd>{plural(report.mediaAdded, 'file')}</dd>
          {report.decksAdded.length > 0 && (
            <>
              <dt>New decks</dt>
              <dd>{report.decksAdded.join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      {report.notices.length > 0 && (
        <ul class="report-notices" aria-label="How the file was read">
          {report.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {report.skipped.length > 0 && (
        <details class="report-skipped">
          <summary>Skipped: {plural(report.skipped.length, 'item')}</summary>
          <ul>
            {report.skipped.slice(0, 500).map((s, i) => (
              <li key={i}>
                <strong>{s.what}</strong>: {s.reason}
              </li>
            ))}
            {report.skipped.length > 500 && <li>… and {report.skipped.length - 500} more.</li>}
          </ul>
        </details>
      )}
    </section>
  );
}

function ImportSection() {
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [deck, setDeck] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [backupFile, setBackupFile] = useState<{ name: string; data: Uint8Array } | null>(null);

  async function send(name: string, data: Uint8Array, replaceCollection = false) {
    setProgress({ file: name, stage: 'importing' });
    try {
      setReport(await call('importFile', { name, data, ...(deck.trim() ? { deck: deck.trim() } : {}), ...(replaceCollection ? { replaceCollection } : {}) }));
    } catch (e) {
      const message = (e as Error).message;
      if (!replaceCollection && / is a full Deckhand backup/.test(message)) setBackupFile({ name, data });
      else setError(message);
    } finally {
      setProgress(null);
    }
  }

  async function importFile(file: File) {
    setReport(null);
    setError(null);
    setBackupFile(null);
    setProgress({ file: file.name, stage: 'reading', loaded: 0, total: file.size });
    let data: Uint8Array;
    try {
      data = await readBytes(file, (loaded) => setProgress({ file: file.name, stage: 'reading', loaded, total: file.size }));
    } catch (e) {
      setProgress(null);
      setError((e as Error).message);
      return;
    }
    await send(file.name, data);
  }

  async function importFolder(list: FileList) {
    setReport(null);
    setError(null);
    setBackupFile(null);
    const all = [...list];
    const folder = all[0]?.webkitRelativePath.split('/')[0] || 'folder';
    // Only what the reader uses: the notes, a deck.json at the top, and the vault's plugin settings.
    const wanted = all
      .map((file) => ({ file, path: file.webkitRelativePath.split('/').slice(1).join('/') }))
      .filter(({ path }) => path === 'deck.json' || path === PLUGIN_DATA || (/\.(md|markdown)$/i.test(path) && !path.split('/').some((part) => part.startsWith('.'))));
    if (wanted.length === 0) {
      setError(`${folder}: the folder has no deck.json and no Markdown (.md) files. Nothing was imported.`);
      return;
    }
    const files: { path: string; text: string }[] = [];
    for (const [i, { file, path }] of wanted.entries()) {
      setProgress({ file: folder, stage: 'reading', loaded: i, total: wanted.length });
      files.push({ path, text: await file.text() });
    }
    setProgress({ file: folder, stage: 'importing' });
    try {
      setReport(await call('importFolder', { name: folder, files, ...(deck.trim() ? { deck: deck.trim() } : {}) }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  }

  useEffect(() => {
    const dropped = takeDroppedFile();
    if (dropped) void importFile(dropped);
    const onDrop = () => {
      const file = takeDroppedFile();
      if (file) void importFile(file);
    };
    window.addEventListener('deckhand:dropped-file', onDrop);
    return () => window.removeEventListener('deckhand:dropped-file', onDrop);
  }, []);

  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p class="muted">Anki packages and collections (.apkg, .colpkg, .anki2, .anki21), CSV or TSV in Anki's text format, Markdown flashcards in the Obsidian Spaced Repetition style, a deck.json, or a full Deckhand backup. A folder of Markdown notes, such as an Obsidian vault, imports with the vault's own plugin settings. You can also drop a file anywhere in the window. Importing the same file again updates its cards; nothing is duplicated.</p>
      <div class="field">
        <label for="import-deck">Put everything in this deck (optional)</label>
        <input id="import-deck" type="text" value={deck} placeholder="The decks the file names" onInput={(e) => setDeck((e.target as HTMLInputElement).value)} />
      </div>
      <input ref={input} id="import-file" class="visually-hidden" type="file" accept={ACCEPT} tabIndex={-1} aria-hidden="true" onChange={(e) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        (e.target as HTMLInputElement).value = '';
        if (file) void importFile(file);
      }} />
      <input ref={folderInput} class="visually-hidden" type="file" {...{ webkitdirectory: true }} tabIndex={-1} aria-hidden="true" onChange={(e) => {
        const list = (e.target as HTMLInputElement).files;
        if (list && list.length > 0) void importFolder(list);
        (e.target as HTMLInputElement).value = '';
      }} />
      <div class="import-buttons">
        <button type="button" class="button primary" disabled={progress !== null} onClick={() => input.current?.click()}>
          Choose a file to import…
        </button>
        <button type="button" class="button secondary" disabled={progress !== null} onClick={() => folderInput.current?.click()}>
          Choose a folder of notes…
        </button>
      </div>
      {progress && (
        <div class="import-progress" role="status">
          {progress.stage === 'reading' ? (
            <>
              <progress max={Math.max(1, progress.total)} value={progress.loaded} aria-label={`Reading ${progress.file}`} />
              <span>Reading {progress.file}…</span>
            </>
          ) : (
            <>
              <progress aria-label={`Importing ${progress.file}`} />
              <span>Importing {progress.file}…</span>
            </>
          )}
        </div>
      )}
      {backupFile && (
        <div class="confirm" role="group" aria-label="Confirm restore">
          <span>{backupFile.name} is a full Deckhand backup. Restoring it replaces your whole collection; the current one is backed up first.</span>
          <button type="button" class="button primary" ref={(el) => el?.focus()} onClick={() => {
            const file = backupFile;
            setBackupFile(null);
            void send(file.name, file.data, true);
          }}>
            Replace the collection
          </button>
          <button type="button" class="button secondary" onClick={() => setBackupFile(null)}>
            Cancel
          </button>
        </div>
      )}
      {error && <ErrorMessage message={error} />}
      {report && <Report report={report} />}
    </section>
  );
}

// The download reads the file's URL after the click returns, so the URL is let go of a minute
// later rather than at once.
const KEEP_DOWNLOAD_URL_MS = 60_000;

/** Saves a file the way a browser downloads one; the desktop app asks where to put it. */
function save(fileName: string, mime: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_DOWNLOAD_URL_MS);
}

function ExportSection() {
  const [decks] = useApi('listDecks', {});
  const [format, setFormat] = useState<ExportFileArgs['format']>('apkg');
  const [deckId, setDeckId] = useState('');
  const [scheduling, setScheduling] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      const file = await call('exportFile', { format, ...(deckId && format !== 'json' ? { deckId } : {}), ...(format === 'apkg' ? { scheduling } : {}) });
      save(file.fileName, file.mime, file.data);
      setOutcome({ kind: 'ok', text: `Exported ${file.fileName}: ${file.summary}.` });
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <fieldset class="choices">
        <legend>Format</legend>
        <label>
          <input type="radio" name="format" checked={format === 'apkg'} onChange={() => setFormat('apkg')} /> Anki package (.apkg)
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV (Anki's text format)
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> Full backup (.json), which Deckhand restores exactly
        </label>
      </fieldset>
      {format !== 'json' && (
        <div class="field">
          <label for="export-deck">Deck</label>
          <select id="export-deck" value={deckId} onChange={(e) => setDeckId((e.target as HTMLSelectElement).value)}>
            <option value="">All decks</option>
            {decks.state === 'ready' &&
              decks.value.map((d) => (
                <option key={d.id} value={d.id}>
                  {'  '.repeat(d.depth)}
                  {d.title}
                </option>
              ))}
          </select>
        </div>
      )}
      {format === 'apkg' && (
        <label class="check">
          <input type="checkbox" checked={scheduling} onChange={(e) => setScheduling((e.target as HTMLInputElement).checked)} /> Include review history and due dates
        </label>
      )}
      <button type="button" class="button primary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Exporting…' : 'Export…'}
      </button>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}

export function Transfer() {
  return (
    <Frame title="Import and export" back>
      <ImportSection />
      <ExportSection />
    </Frame>
  );
}
