// The boundaries of ARCHITECTURE.md as a test, so they stay true: only main/electron/ imports
// electron (type-only imports included: they tie a file's meaning to Electron all the same);
// main/domain/ imports nothing of ours but main/domain/; main/formats/ and main/store/ stand side by
// side below the application; the shells reach the application only through the dispatcher, the
// opener and the contract; the renderer knows the main process only through main/contract.ts; no
// import cycles; and no function grows past what a reader can hold in mind.
//
// Every file is parsed with @babel/parser (TypeScript, with JSX in .tsx), so imports are found
// wherever they are (re-exports, import(), require(), `import('…').T` types) and functions are
// measured from the syntax tree, not guessed from text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Import {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

interface SourceFile {
  file: string;
  source: string;
}

/** A syntax-tree node as far as these checks look at it. */
interface AstNode {
  type: string;
  loc?: { start: { line: number }; end: { line: number } } | null;
  [key: string]: unknown;
}

function parseSource(file: string, source: string): AstNode {
  const ast = parse(source, { sourceType: 'module', createImportExpressions: true, plugins: file.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'] });
  return ast.program as unknown as AstNode;
}

const isNode = (value: unknown): value is AstNode => typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/** Every node under `node` (itself included), each with its parent. */
function* walk(node: AstNode, parent: AstNode | null = null): Generator<{ node: AstNode; parent: AstNode | null }> {
  yield { node, parent };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key.endsWith('Comments')) continue;
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) yield* walk(child, node);
  }
}

const lineOf = (node: AstNode): number => node.loc?.start.line ?? 0;
const stringValue = (node: unknown): string | null => (isNode(node) && node.type === 'StringLiteral' ? (node.value as string) : null);

/** Every module a source file names: static imports and re-exports, import(), require(), import types. */
function importsOf(source: string, file = 'source.ts'): Import[] {
  const found: Import[] = [];
  const add = (specifier: string | null, node: AstNode, typeOnly: boolean) => {
    if (specifier !== null) found.push({ specifier, line: lineOf(node), typeOnly });
  };
  for (const { node } of walk(parseSource(file, source))) {
    switch (node.type) {
      case 'ImportDeclaration':
        add(stringValue(node.source), node, node.importKind === 'type' || node.importKind === 'typeof');
        break;
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        add(stringValue(node.source), node, node.exportKind === 'type');
        break;
      case 'ImportExpression':
        add(stringValue(node.source), node, false);
        break;
      case 'CallExpression': {
        const callee = node.callee as AstNode;
        if (callee.type === 'Import' || (callee.type === 'Identifier' && callee.name === 'require')) add(stringValue((node.arguments as unknown[])[0]), node, false);
        break;
      }
      case 'TSImportType': {
        // `import('./x.ts').T`: the argument is a string literal, or one wrapped in a literal type.
        const argument = node.argument as AstNode;
        add(stringValue(argument) ?? stringValue(argument.literal), node, true);
        break;
      }
      case 'TSImportEqualsDeclaration': {
        const reference = node.moduleReference as AstNode;
        if (reference.type === 'TSExternalModuleReference') add(stringValue(reference.expression), node, node.importKind === 'type');
        break;
      }
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Where a relative specifier points, repo-relative without extension; null for a package. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.posix.join(path.posix.dirname(file), specifier).replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, '');
}

/** `to` is the module `prefix` (main/service.ts) or inside the folder `prefix` (main/service/). */
const within = (to: string, prefix: string): boolean => to === prefix || to.startsWith(`${prefix}/`);

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

const SHELLS = ['main/electron', 'main/preview', 'main/cli'];

/** What the shells may import besides their own folder: they only wire up the application. */
const SHELL_MAY_IMPORT = [
  'main/contract',
  // The dispatcher, which the Electron shell and the preview hand every call to.
  'main/ipc',
  // Opens the collection and the service, and names what the shells need of the application.
  'main/open-app',
  // The CLI calls the service directly (it needs no envelope), so it tells an error a person can
  // act on from a bug by its class. The clock is not here: opening the app with its clock is
  // open-app.ts's work, which the shells call.
  // The Content-Security-Policy the Electron shell and the preview both serve the renderer under:
  // one constant, no imports, outside both shell folders so that the two cannot drift apart.
  'main/security',
];

/** Side by side below the application: neither imports the other. */
const FORMATS_AND_STORE = ['main/formats', 'main/store'];
/** What lies above them: the application that composes them (the service, the Collection, the import staging, the dispatcher, the opener) and the shells. */
const ABOVE_FORMATS_AND_STORE = ['main/service', 'main/collection', 'main/ipc', 'main/open-app', ...SHELLS];

/** Storage has one owner, the Collection; these open it and hand it over. */
const STORE_MAY_BE_REACHED_FROM = ['main/collection/', 'main/open-app.ts', 'main/service.ts'];
/** Layers whose own rules above already keep them off storage, so one import is reported once. */
const RULED_ELSEWHERE = ['main/domain/', 'main/sync/', 'main/formats/', 'main/store/', ...SHELLS.map((s) => `${s}/`)];

function importViolations(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const { file, source } of files) {
    for (const { specifier, line } of importsOf(source, file)) {
      const where = `${file}:${line}: imports '${specifier}'`;
      const to = target(file, specifier);
      if (isElectron(specifier) && !file.startsWith('main/electron/')) found.push(`${where}: only main/electron/ may import electron`);
      if (to === null) continue;
      if (file.startsWith('main/domain/') && !within(to, 'main/domain')) found.push(`${where}: main/domain/ imports only main/domain/ (and packages)`);
      if (file.startsWith('main/sync/') && !within(to, 'main/sync') && !within(to, 'main/domain')) found.push(`${where}: main/sync/ imports only main/sync/ and main/domain/ (and packages)`);
      const layer = FORMATS_AND_STORE.find((l) => file.startsWith(`${l}/`));
      if (layer && [...FORMATS_AND_STORE.filter((l) => l !== layer), ...ABOVE_FORMATS_AND_STORE].some((p) => within(to, p)))
        found.push(`${where}: ${layer}/ must not depend on ${to} (formats and store import only the domain and their own folder)`);
      const shell = SHELLS.find((s) => file.startsWith(`${s}/`));
      if (shell && !within(to, shell) && !SHELL_MAY_IMPORT.includes(to))
        found.push(`${where}: ${shell}/ is a shell and imports only its own folder and ${SHELL_MAY_IMPORT.map((m) => `${m}.ts`).join(', ')}`);
      if (within(to, 'main/store') && file.startsWith('main/') && ![...STORE_MAY_BE_REACHED_FROM, ...RULED_ELSEWHERE].some((p) => file.startsWith(p)))
        found.push(`${where}: only the Collection (main/collection/) reaches storage, besides main/open-app.ts that opens it and main/service.ts that hands it over`);
      if (file.startsWith('renderer/') && within(to, 'main') && to !== 'main/contract') found.push(`${where}: the renderer may reach the main process only through main/contract.ts`);
    }
  }
  return found;
}

/**
 * Every import cycle, once each, as its chain of files with the line of each import in it,
 * starting from the cycle's first file by name. Type-only imports count: a cycle of types still
 * means neither file can be understood, moved or tested without the other.
 */
function importCycles(files: readonly SourceFile[]): string[] {
  const byModule = new Map(files.map(({ file }) => [file.replace(/\.(ts|tsx|mts|cts)$/, ''), file]));
  const edges = new Map<string, Map<string, number>>();
  for (const { file, source } of files) {
    const out = new Map<string, number>();
    for (const { specifier, line } of importsOf(source, file)) {
      const to = byModule.get(target(file, specifier) ?? '');
      if (to !== undefined && !out.has(to)) out.set(to, line);
    }
    edges.set(file, out);
  }
  // Johnson's idea, without his bookkeeping (a few hundred edges do not need it): each cycle is
  // followed from its first file by name through files named after it only, so it is found once,
  // and a path is followed only while it can still get back to where it started.
  const names = [...edges.keys()].sort();
  const cycles: string[] = [];
  for (const [i, start] of names.entries()) {
    const later = new Set(names.slice(i));
    const chain: string[] = [start];
    const onChain = new Set(chain);
    const visit = (file: string) => {
      for (const next of edges.get(file)!.keys()) {
        if (next === start) cycles.push(`${chain.map((f, k) => `${f}:${edges.get(f)!.get(chain[k + 1] ?? start)}`).join(' -> ')} -> ${start}: import cycle`);
        else if (later.has(next) && !onChain.has(next) && reaches(next, start, later)) {
          chain.push(next);
          onChain.add(next);
          visit(next);
          chain.pop();
          onChain.delete(next);
        }
      }
    };
    visit(start);
  }
  return cycles;

  /** Whether `to` can be reached from `from` through `allowed` files; prunes paths that cannot close a cycle. */
  function reaches(from: string, to: string, allowed: ReadonlySet<string>): boolean {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      for (const next of edges.get(stack.pop()!)!.keys()) {
        if (next === to) return true;
        if (allowed.has(next) && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }
}

/** The longest a function may be, in lines, first to last: in main/, and in the renderer (whose components hold their markup). */
const MAX_FUNCTION_LINES = { main: 150, renderer: 250 } as const;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/** What a function is called where it is written: its own name, or the name of what holds it. */
function functionName(fn: AstNode, parent: AstNode | null): string {
  const keyName = (key: unknown): string | null => {
    if (!isNode(key)) return null;
    if (key.type === 'Identifier') return key.name as string;
    if (key.type === 'PrivateName') return `#${(key.id as AstNode).name as string}`;
    return stringValue(key);
  };
  const own = keyName(fn.id) ?? (fn.type === 'ObjectMethod' || fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' ? keyName(fn.key) : null);
  if (own) return own;
  if (!parent) return '(anonymous)';
  if (parent.type === 'VariableDeclarator') return keyName(parent.id) ?? '(anonymous)';
  if (parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ClassPrivateProperty') return keyName(parent.key) ?? '(anonymous)';
  if (parent.type === 'AssignmentExpression') {
    const left = parent.left as AstNode;
    return keyName(left.type === 'MemberExpression' ? left.property : left) ?? '(anonymous)';
  }
  if (parent.type === 'CallExpression') {
    const callee = parent.callee as AstNode;
    const called = keyName(callee.type === 'MemberExpression' ? callee.property : callee);
    return called ? `(callback of ${called})` : '(anonymous)';
  }
  if (parent.type === 'ExportDefaultDeclaration') return 'default';
  return '(anonymous)';
}

function longFunctions(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const { file, source } of files) {
    const where = file.startsWith('renderer/') ? 'renderer' : file.startsWith('main/') ? 'main' : null;
    if (!where) continue;
    const max = MAX_FUNCTION_LINES[where];
    for (const { node, parent } of walk(parseSource(file, source))) {
      if (!FUNCTION_TYPES.has(node.type) || !node.loc) continue;
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > max) found.push(`${file}:${node.loc.start.line} ${functionName(node, parent)} (${lines} lines): a function in ${where}/ is at most ${max} lines`);
    }
  }
  return found;
}

/** A file that does not parse fails every rule at once; say so, naming the file and the place. */
function parseFailures(files: readonly SourceFile[]): string[] {
  return files.flatMap(({ file, source }) => {
    try {
      parseSource(file, source);
      return [];
    } catch (e) {
      const at = (e as { loc?: { line: number } }).loc?.line ?? 0;
      return [`${file}:${at}: does not parse (${(e as Error).message})`];
    }
  });
}

const repoFiles = (): SourceFile[] => [...sourceFiles('main'), ...sourceFiles('renderer')].map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }));

describe('architecture', () => {
  const files = repoFiles();

  it('has source files to check, and parses every one', () => {
    expect(sourceFiles('main').length).toBeGreaterThan(10);
    expect(sourceFiles('renderer').length).toBeGreaterThan(5);
    expect(parseFailures(files)).toEqual([]);
  });

  it('keeps electron in main/electron/, the domain pure, formats and store apart, the shells thin and the renderer behind the contract', () => {
    expect(importViolations(files)).toEqual([]);
  });

  it('has no import cycles in main/ or the renderer', () => {
    expect(importCycles(files)).toEqual([]);
  });

  it(`has no function longer than ${MAX_FUNCTION_LINES.main} lines in main/, nor ${MAX_FUNCTION_LINES.renderer} in the renderer`, () => {
    expect(longFunctions(files)).toEqual([]);
  });
});

describe('the rules, on files made to break them', () => {
  it('reports electron imported outside main/electron/, type-only imports included, with file and line', () => {
    const files = [
      { file: 'main/service.ts', source: "import { z } from 'zod';\nimport type { App } from 'electron';" },
      { file: 'renderer/app.tsx', source: "import { ipcRenderer } from 'electron/renderer';" },
      { file: 'main/electron/main.ts', source: "import { app } from 'electron';" },
    ];
    expect(importViolations(files)).toEqual([
      "main/service.ts:2: imports 'electron': only main/electron/ may import electron",
      "renderer/app.tsx:1: imports 'electron/renderer': only main/electron/ may import electron",
    ]);
  });

  it('reports main/domain/ importing anything of ours outside main/domain/, the contract included', () => {
    const source = [
      "import type { Rating } from '../contract.ts';",
      "import { isNew } from './card.ts';",
      "import { acquireLock } from '../store/lock.ts';",
      "import type { DeckFile } from '../formats/deck-file.ts';",
      "import type { DeckhandService } from '../service.ts';",
      "import { dispatch } from '../ipc';",
      "import { z } from 'zod';",
      "export type { Card } from './card.ts';",
    ].join('\n');
    expect(importViolations([{ file: 'main/domain/queue.ts', source }])).toEqual([
      "main/domain/queue.ts:1: imports '../contract.ts': main/domain/ imports only main/domain/ (and packages)",
      "main/domain/queue.ts:3: imports '../store/lock.ts': main/domain/ imports only main/domain/ (and packages)",
      "main/domain/queue.ts:4: imports '../formats/deck-file.ts': main/domain/ imports only main/domain/ (and packages)",
      "main/domain/queue.ts:5: imports '../service.ts': main/domain/ imports only main/domain/ (and packages)",
      "main/domain/queue.ts:6: imports '../ipc': main/domain/ imports only main/domain/ (and packages)",
    ]);
  });

  it('reports main/sync/ importing anything of ours but main/sync/ and main/domain/', () => {
    const source = [
      "import { compareHlc } from './hlc.ts';",
      "import type { Card } from '../domain/card.ts';",
      "import { readReviewLog } from '../store/review-log.ts';",
      "import type { Collection } from '../collection/collection.ts';",
      "import type { ImportBundle } from '../formats/bundle.ts';",
    ].join('\n');
    expect(importViolations([{ file: 'main/sync/merge.ts', source }])).toEqual([
      "main/sync/merge.ts:3: imports '../store/review-log.ts': main/sync/ imports only main/sync/ and main/domain/ (and packages)",
      "main/sync/merge.ts:4: imports '../collection/collection.ts': main/sync/ imports only main/sync/ and main/domain/ (and packages)",
      "main/sync/merge.ts:5: imports '../formats/bundle.ts': main/sync/ imports only main/sync/ and main/domain/ (and packages)",
    ]);
  });

  it('reports main/formats/ and main/store/ importing each other or anything above them', () => {
    const formats = [
      "import type { Card } from '../../domain/card.ts';",
      "import type { ImportBundle } from '../bundle.ts';",
      "import type { LogKind } from '../../store/stored.ts';",
      "import type { DeckhandService } from '../../service/study.ts';",
      "import type { Collection } from '../../collection.ts';",
    ].join('\n');
    const store = [
      "import type { ImportBundle } from '../formats/bundle.ts';",
      "import { openDeckhand } from '../open-app.ts';",
      "import { dispatch } from '../ipc.ts';",
      "import { defaultDataDir } from '../cli/data-dir.ts';",
      "import { CardTable } from './card-table.ts';",
      "import type { Settings } from '../domain/settings.ts';",
      "import type { ErrorCode } from '../contract.ts';",
    ].join('\n');
    const rule = 'formats and store import only the domain and their own folder';
    expect(
      importViolations([
        { file: 'main/formats/import/text.ts', source: formats },
        { file: 'main/store/review-log.ts', source: store },
      ]),
    ).toEqual([
      `main/formats/import/text.ts:3: imports '../../store/stored.ts': main/formats/ must not depend on main/store/stored (${rule})`,
      `main/formats/import/text.ts:4: imports '../../service/study.ts': main/formats/ must not depend on main/service/study (${rule})`,
      `main/formats/import/text.ts:5: imports '../../collection.ts': main/formats/ must not depend on main/collection (${rule})`,
      `main/store/review-log.ts:1: imports '../formats/bundle.ts': main/store/ must not depend on main/formats/bundle (${rule})`,
      `main/store/review-log.ts:2: imports '../open-app.ts': main/store/ must not depend on main/open-app (${rule})`,
      `main/store/review-log.ts:3: imports '../ipc.ts': main/store/ must not depend on main/ipc (${rule})`,
      `main/store/review-log.ts:4: imports '../cli/data-dir.ts': main/store/ must not depend on main/cli/data-dir (${rule})`,
    ]);
  });

  it('reports a shell importing more of main/ than the dispatcher, the opener and the contract', () => {
    const allowed = 'its own folder and main/contract.ts, main/ipc.ts, main/open-app.ts, main/security.ts';
    const electron = [
      "import { dispatch } from '../ipc.ts';",
      "import { openDeckhand, type DeckhandService } from '../open-app.ts';",
      "import { API_METHODS } from '../contract.ts';",
      "import { CONTENT_SECURITY_POLICY } from '../security.ts';",
      "import { windowOptions } from './window-options.ts';",
      "import type { CollectionStore } from '../store/collection-store.ts';",
      "import { readMediaFile } from '../store/media-folder.ts';",
      "import { startPreview } from '../preview/server.ts';",
    ].join('\n');
    const cli = [
      "import { AppError } from '../app-error.ts';",
      "import { createClock } from '../clock.ts';",
      "import { createService } from '../service.ts';",
      "import { readImportFile } from '../formats/import/read-import.ts';",
      "import { defaultDataDir } from './data-dir.ts';",
    ].join('\n');
    expect(
      importViolations([
        { file: 'main/electron/main.ts', source: electron },
        { file: 'main/cli/deckhand.ts', source: cli },
      ]),
    ).toEqual([
      `main/electron/main.ts:6: imports '../store/collection-store.ts': main/electron/ is a shell and imports only ${allowed}`,
      `main/electron/main.ts:7: imports '../store/media-folder.ts': main/electron/ is a shell and imports only ${allowed}`,
      `main/electron/main.ts:8: imports '../preview/server.ts': main/electron/ is a shell and imports only ${allowed}`,
      `main/cli/deckhand.ts:1: imports '../app-error.ts': main/cli/ is a shell and imports only ${allowed}`,
      `main/cli/deckhand.ts:2: imports '../clock.ts': main/cli/ is a shell and imports only ${allowed}`,
      `main/cli/deckhand.ts:3: imports '../service.ts': main/cli/ is a shell and imports only ${allowed}`,
      `main/cli/deckhand.ts:4: imports '../formats/import/read-import.ts': main/cli/ is a shell and imports only ${allowed}`,
    ]);
  });

  it("reports the service's modules reaching into storage instead of going through the Collection", () => {
    const source = [
      "import type { Deck } from '../domain/deck.ts';",
      "import type { Collection } from '../collection/collection.ts';",
      "import { writeMediaFiles } from '../store/media-folder.ts';",
      "import type { CollectionStore } from '../store/collection-store.ts';",
    ].join('\n');
    expect(importViolations([{ file: 'main/service/transfer.ts', source }])).toEqual([
      "main/service/transfer.ts:3: imports '../store/media-folder.ts': only the Collection (main/collection/) reaches storage, besides main/open-app.ts that opens it and main/service.ts that hands it over",
      "main/service/transfer.ts:4: imports '../store/collection-store.ts': only the Collection (main/collection/) reaches storage, besides main/open-app.ts that opens it and main/service.ts that hands it over",
    ]);
  });

  it('reports the renderer importing main/ other than the contract', () => {
    const source = ["import type { DeckhandApi } from '../../main/contract.ts';", "import { API_METHODS } from '../../main/contract';", "import { formatInterval } from '../../main/domain/interval.ts';"].join('\n');
    expect(importViolations([{ file: 'renderer/views/review.tsx', source }])).toEqual([
      "renderer/views/review.tsx:3: imports '../../main/domain/interval.ts': the renderer may reach the main process only through main/contract.ts",
    ]);
  });

  it('reports each import cycle once, type-only imports included, as its chain of files and lines', () => {
    const files = [
      { file: 'main/a.ts', source: "import { b } from './b.ts';\nimport { c } from './c.ts';" },
      { file: 'main/b.ts', source: "// b\nimport type { C } from './c.ts';" },
      { file: 'main/c.ts', source: "export { a } from './a.ts';" },
      { file: 'main/d.ts', source: "import { a } from './a.ts';\nimport { z } from 'zod';" },
      { file: 'main/self.ts', source: "export type { Self } from './self.ts';" },
      { file: 'renderer/app.tsx', source: "import { Home } from './home.tsx';\nexport const App = () => <Home />;" },
      { file: 'renderer/home.tsx', source: "const later = () => import('./app.tsx');" },
    ];
    expect(importCycles(files)).toEqual([
      'main/a.ts:1 -> main/b.ts:2 -> main/c.ts:1 -> main/a.ts: import cycle',
      'main/a.ts:2 -> main/c.ts:1 -> main/a.ts: import cycle',
      'main/self.ts:1 -> main/self.ts: import cycle',
      'renderer/app.tsx:1 -> renderer/home.tsx:1 -> renderer/app.tsx: import cycle',
    ]);
  });

  it('reports functions over the limit, nested ones on their own, with file, line, name and length', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const main = [
      'export function long() {', // 1
      body(10),
      '  const inner = () => {', // 12
      body(150),
      '  };', // 163
      '  return inner;',
      '}', // 165
      'export function short() {',
      body(148),
      '}', // 150 lines: at the limit
      'class Store {',
      '  open(): void {',
      body(149),
      '  }', // 151 lines
      '}',
    ].join('\n');
    const renderer = ['export function Screen() {', body(247), '  return <div />;', '}', 'export const Other = () => {', body(249), '  return <p />;', '};'].join('\n');
    expect(
      longFunctions([
        { file: 'main/store/x.ts', source: main },
        { file: 'renderer/screens/x.tsx', source: renderer },
      ]),
    ).toEqual([
      'main/store/x.ts:1 long (165 lines): a function in main/ is at most 150 lines',
      'main/store/x.ts:12 inner (152 lines): a function in main/ is at most 150 lines',
      'main/store/x.ts:317 open (151 lines): a function in main/ is at most 150 lines',
      'renderer/screens/x.tsx:251 Other (252 lines): a function in renderer/ is at most 250 lines',
    ]);
  });

  it('reports a file that does not parse, with file and line', () => {
    expect(parseFailures([{ file: 'main/broken.ts', source: 'const a = 1;\nexport function (' }])).toEqual([expect.stringMatching(/^main\/broken\.ts:2: does not parse \(/)]);
  });
});

describe('the import scanner the architecture test relies on', () => {
  it('finds static, type-only, multi-line, re-exported, dynamic and required imports, with their lines', () => {
    const source = [
      "import { app } from 'electron';",
      "import type { BrowserWindow } from 'electron/main';",
      'import {',
      '  a,',
      '  type B,',
      "} from '../store/lock.ts';",
      "export { x } from './x.ts';",
      "export type { Y } from './y.ts';",
      "import './side-effect.ts';",
      "const later = await import('../service.ts');",
      "const old = require('../ipc.ts');",
      "let t: import('./types.ts').T;",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: 'electron', line: 1, typeOnly: false },
      { specifier: 'electron/main', line: 2, typeOnly: true },
      { specifier: '../store/lock.ts', line: 3, typeOnly: false },
      { specifier: './x.ts', line: 7, typeOnly: false },
      { specifier: './y.ts', line: 8, typeOnly: true },
      { specifier: './side-effect.ts', line: 9, typeOnly: false },
      { specifier: '../service.ts', line: 10, typeOnly: false },
      { specifier: '../ipc.ts', line: 11, typeOnly: false },
      { specifier: './types.ts', line: 12, typeOnly: true },
    ]);
  });

  it('ignores imports that are only mentioned in comments or strings', () => {
    const source = ["// import { app } from 'electron';", "/* import x from 'electron' */", "const s = 'http://example'; // from 'electron'", "const t = `import x from 'electron'`;"].join('\n');
    expect(importsOf(source)).toEqual([]);
  });

  it('reads TSX, where `<T>` is markup, not a type assertion', () => {
    expect(importsOf("import { h } from 'preact';\nexport const A = () => <div>{'x'}</div>;", 'renderer/a.tsx')).toEqual([{ specifier: 'preact', line: 1, typeOnly: false }]);
  });

  it('resolves relative specifiers to repo paths and leaves packages alone', () => {
    expect(target('main/domain/queue.ts', '../store/lock.ts')).toBe('main/store/lock');
    expect(target('renderer/views/home.tsx', '../../main/contract.ts')).toBe('main/contract');
    expect(target('main/domain/queue.ts', 'ts-fsrs')).toBeNull();
  });
});
