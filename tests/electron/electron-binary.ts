// Finds an Electron executable the way node_modules/electron/index.js does, without requiring
// that package: requiring it starts a download when the binary is missing, which must never
// happen from a test run (and cannot, offline).
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };

export interface FindOptions {
  env?: Record<string, string | undefined>;
  /** The folder holding node_modules/electron. */
  repoRoot?: string;
  platform?: NodeJS.Platform;
}

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The executable's path inside an Electron dist folder, as the electron package's install.js names it. */
export function executableInDist(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function findElectronBinary(options: FindOptions = {}): ElectronBinary {
  const env = options.env ?? process.env;
  const root = options.repoRoot ?? DEFAULT_ROOT;
  const platform = options.platform ?? process.platform;
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = readText(path.join(packageDir, 'path.txt'));

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, pathTxt ?? executableInDist(platform));
    return isExecutable(candidate, platform)
      ? { path: candidate, reason: null }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} is not an executable file` };
  }
  if (pathTxt === null) {
    const version = electronVersion(packageDir);
    return {
      path: null,
      reason: `no Electron binary: ${path.join(packageDir, 'path.txt')} is missing (the electron package's download never ran); set ELECTRON_OVERRIDE_DIST_PATH to a folder holding ${version ? `Electron ${version}` : 'an Electron build'}`,
    };
  }
  const candidate = path.join(packageDir, 'dist', pathTxt);
  return isExecutable(candidate, platform) ? { path: candidate, reason: null } : { path: null, reason: `no Electron binary: ${candidate} does not exist or is not executable` };
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function electronVersion(packageDir: string): string | null {
  const text = readText(path.join(packageDir, 'package.json'));
  if (text === null) return null;
  try {
    return String((JSON.parse(text) as { version?: unknown }).version ?? '') || null;
  } catch {
    return null;
  }
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no execute bit; a file named electron.exe is as close as it gets.
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
