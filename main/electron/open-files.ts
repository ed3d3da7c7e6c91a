// Files the operating system hands Deckhand: a double-click on an .apkg, "Open with Deckhand", a
// drop on the dock icon (macOS 'open-file'), the command line of the first start (Windows, Linux)
// or of a second start that hands its command line to the copy already running. Which of them are
// files and which flow each opens is decided here, without Electron, so a unit test pins it down.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The import screen takes Anki packages; the library adds an article. */
export type OpenFlow = 'import' | 'article';

/** The extensions electron-builder.yml associates with Deckhand, and the flow each opens. */
export const OPENED_EXTENSIONS: Readonly<Record<string, OpenFlow>> = {
  apkg: 'import',
  colpkg: 'import',
  md: 'article',
  markdown: 'article',
  txt: 'article',
  html: 'article',
  htm: 'article',
  pdf: 'article',
  docx: 'article',
  epub: 'article',
};

export interface OpenRequest {
  path: string;
  flow: OpenFlow;
}

/** The flow a file opens by its extension (any case), or null for a file Deckhand does not open. */
export function flowForFile(file: string): OpenFlow | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return Object.hasOwn(OPENED_EXTENSIONS, ext) ? OPENED_EXTENSIONS[ext]! : null;
}

/** The switches of ours that take a value in the next entry. */
const SWITCHES_WITH_VALUE = new Set(['--data-dir']);

export interface ArgvContext {
  /** The folder relative paths are relative to: the process's, or the second start's. */
  cwd: string;
  /** An unpackaged run is `electron <app path> …`: the entry after the executable is the app, not a file. */
  packaged: boolean;
}

/**
 * The files Deckhand should open from a command line: every entry after the executable (and the app
 * path when unpackaged) that is not a switch nor a switch's value and names a file of ours, as an
 * absolute path. A `file://` URL (a Linux desktop's %U) counts as its path. Entries after `--` are
 * files even when they begin with a dash.
 */
export function openRequestsFromArgv(argv: readonly string[], context: ArgvContext): OpenRequest[] {
  const requests: OpenRequest[] = [];
  let onlyFiles = false;
  for (let i = context.packaged ? 1 : 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!onlyFiles) {
      if (arg === '--') {
        onlyFiles = true;
        continue;
      }
      if (SWITCHES_WITH_VALUE.has(arg)) {
        i++;
        continue;
      }
      // Chromium's, Electron's and ours (--x, --x=y), and macOS's -psn_… process serial number.
      if (arg.startsWith('-')) continue;
    }
    const file = toPath(arg, context.cwd);
    const flow = file === null ? null : flowForFile(file);
    if (file !== null && flow !== null) requests.push({ path: file, flow });
  }
  return requests;
}

function toPath(arg: string, cwd: string): string | null {
  if (arg === '') return null;
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  // Any other URL (a scheme of two letters or more; "C:" is a Windows drive) is not a file.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return null;
  return path.resolve(cwd, arg);
}

/** A file read for its flow, or why it could not be. */
export type OpenedFile = { ok: true; flow: OpenFlow; name: string; bytes: Uint8Array } | { ok: false; name: string; message: string };

/** Reads an opened file, refusing one larger than the importers accept before reading any of it. */
export async function readOpenedFile(request: OpenRequest, maxBytes: number): Promise<OpenedFile> {
  const name = path.basename(request.path);
  try {
    const info = await stat(request.path);
    if (!info.isFile()) return { ok: false, name, message: `${name} is not a file.` };
    if (info.size > maxBytes) return { ok: false, name, message: `${name} is ${megabytes(info.size)} MB; Deckhand opens files of up to ${megabytes(maxBytes)} MB.` };
    const bytes = await readFile(request.path);
    if (bytes.length > maxBytes) return { ok: false, name, message: `${name} grew past ${megabytes(maxBytes)} MB while it was read.` };
    return { ok: true, flow: request.flow, name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it no longer exists' : code === 'EACCES' || code === 'EPERM' ? 'Deckhand may not read it' : (e as Error).message;
    return { ok: false, name, message: `${name} could not be opened: ${why}.` };
  }
}

const megabytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Files asked for before the window can take them (a first start's command line, macOS's
 * 'open-file' before 'ready') wait here; once the page is loaded each one goes as it comes.
 */
export class OpenQueue {
  #waiting: OpenRequest[] = [];
  #deliver: ((request: OpenRequest) => void) | null = null;

  add(requests: readonly OpenRequest[]): void {
    for (const request of requests) {
      if (this.#deliver) this.#deliver(request);
      else this.#waiting.push(request);
    }
  }

  /** From now on requests go to `deliver`; those waiting go first, in the order they came. */
  open(deliver: (request: OpenRequest) => void): void {
    this.#deliver = deliver;
    for (const request of this.#waiting.splice(0)) deliver(request);
  }

  /** The window went away (closed, or reloading): requests wait again. */
  close(): void {
    this.#deliver = null;
  }
}
