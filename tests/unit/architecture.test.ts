// The boundaries of ARCHITECTURE.md as a test, so they stay true: only main/electron/ imports
// electron (type-only imports included: they tie a file's meaning to Electron all the same),
// main/domain/ never reaches up into storage, formats or the shells, and the renderer knows the
// main process only through main/contract.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Import {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

/** Every module a source file names: static imports and re-exports, import(), require(). */
function importsOf(source: string): Import[] {
  const code = blankComments(source);
  const lineAt = (offset: number) => code.slice(0, offset).split('\n').length;
  const found: Import[] = [];
  const statement = /\b(import|export)\s+(type\s+)?(?:[\w$*{},\s]*?\s*from\s*)?(['"])([^'"\n]+)\3/g;
  for (const m of code.matchAll(statement)) found.push({ specifier: m[4]!, line: lineAt(m.index), typeOnly: m[2] !== undefined });
  const call = /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1/g;
  for (const m of code.matchAll(call)) found.push({ specifier: m[2]!, line: lineAt(m.index), typeOnly: false });
  return found.sort((a, b) => a.line - b.line);
}

// Comments become spaces (newlines kept, so line numbers hold); strings are left alone so a
// comment marker inside one is not mistaken for a comment.
function blankComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (token) =>
    token.startsWith('/') ? token.replace(/[^\n]/g, ' ') : token,
  );
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

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');
const DOMAIN_MUST_NOT_REACH = ['main/store/', 'main/formats/', 'main/electron/', 'main/preview/', 'main/service', 'main/ipc', 'main/cli', 'main/open-app'];

function violations(files: ReadonlyArray<{ file: string; source: string }>): string[] {
  const found: string[] = [];
  for (const { file, source } of files) {
    for (const { specifier, line } of importsOf(source)) {
      const where = `${file}:${line}: imports '${specifier}'`;
      const to = target(file, specifier);
      if (isElectron(specifier) && !file.startsWith('main/electron/')) found.push(`${where}: only main/electron/ may import electron`);
      if (file.startsWith('main/domain/') && to !== null && DOMAIN_MUST_NOT_REACH.some((p) => to === p || to.startsWith(p.endsWith('/') ? p : `${p}/`)))
        found.push(`${where}: main/domain/ is pure and must not depend on ${to}`);
      if (file.startsWith('renderer/') && to !== null && (to === 'main' || to.startsWith('main/')) && to !== 'main/contract')
        found.push(`${where}: the renderer may reach the main process only through main/contract.ts`);
    }
  }
  return found;
}

const repoFiles = () => [...sourceFiles('main'), ...sourceFiles('renderer')].map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }));

describe('architecture', () => {
  it('has source files to check', () => {
    expect(sourceFiles('main').length).toBeGreaterThan(10);
  });

  it('keeps electron in main/electron/, domain pure, and the renderer behind the contract', () => {
    expect(violations(repoFiles())).toEqual([]);
  });
});

describe('the rules, on files made to break them', () => {
  it('reports electron imported outside main/electron/, type-only imports included, with file and line', () => {
    const files = [
      { file: 'main/service.ts', source: "import { z } from 'zod';\nimport type { App } from 'electron';" },
      { file: 'renderer/app.tsx', source: "import { ipcRenderer } from 'electron/renderer';" },
      { file: 'main/electron/main.ts', source: "import { app } from 'electron';" },
    ];
    expect(violations(files)).toEqual([
      "main/service.ts:2: imports 'electron': only main/electron/ may import electron",
      "renderer/app.tsx:1: imports 'electron/renderer': only main/electron/ may import electron",
    ]);
  });

  it('reports main/domain/ reaching into storage, formats, the service or the dispatcher', () => {
    const source = [
      "import type { Rating } from '../contract.ts';",
      "import { isNew } from './card.ts';",
      "import { acquireLock } from '../store/lock.ts';",
      "import type { DeckFile } from '../formats/deck-file.ts';",
      "import type { DeckhandService } from '../service.ts';",
      "import { dispatch } from '../ipc';",
    ].join('\n');
    expect(violations([{ file: 'main/domain/queue.ts', source }])).toEqual([
      "main/domain/queue.ts:3: imports '../store/lock.ts': main/domain/ is pure and must not depend on main/store/lock",
      "main/domain/queue.ts:4: imports '../formats/deck-file.ts': main/domain/ is pure and must not depend on main/formats/deck-file",
      "main/domain/queue.ts:5: imports '../service.ts': main/domain/ is pure and must not depend on main/service",
      "main/domain/queue.ts:6: imports '../ipc': main/domain/ is pure and must not depend on main/ipc",
    ]);
  });

  it('reports the renderer importing main/ other than the contract', () => {
    const source = ["import type { DeckhandApi } from '../../main/contract.ts';", "import { API_METHODS } from '../../main/contract';", "import { formatInterval } from '../../main/domain/interval.ts';"].join('\n');
    expect(violations([{ file: 'renderer/views/review.tsx', source }])).toEqual([
      "renderer/views/review.tsx:3: imports '../../main/domain/interval.ts': the renderer may reach the main process only through main/contract.ts",
    ]);
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
    ]);
  });

  it('ignores imports that are only mentioned in comments', () => {
    const source = ["// import { app } from 'electron';", "/* import x from 'electron' */", "const s = 'http://example'; // from 'electron'"].join('\n');
    expect(importsOf(source)).toEqual([]);
  });

  it('resolves relative specifiers to repo paths and leaves packages alone', () => {
    expect(target('main/domain/queue.ts', '../store/lock.ts')).toBe('main/store/lock');
    expect(target('renderer/views/home.tsx', '../../main/contract.ts')).toBe('main/contract');
    expect(target('main/domain/queue.ts', 'ts-fsrs')).toBeNull();
  });
});
