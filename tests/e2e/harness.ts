// Launches the preview (the real renderer and dispatcher over loopback) on a data folder and opens
// it in Debian's Chromium. Every scenario starts here: `const app = await launchPreview({ dataDir })`,
// in a test declared with this file's `test`: when it ends, passed or failed, the previews and
// browsers it left open are stopped and the temp folders it made are removed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../../playwright.config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface LaunchOptions {
  dataDir: string;
  /** Start the app's clock here (ISO time); it then runs forward. */
  now?: string;
  colorScheme?: 'light' | 'dark';
  /** Deterministic due dates. */
  fuzz?: boolean;
  /** Shipped decks to load instead of the project's decks/. */
  decksDir?: string;
  /** Browser zoom, as a person sets it: 2 shows the 1100 × 800 window at 200%. */
  zoom?: number;
  /** The system's high-contrast mode (forced colours). */
  forcedColors?: boolean;
}

export interface PreviewApp {
  page: Page;
  url: string;
  /** Stops the preview (it saves its snapshot as the app does on quit) and the browser. */
  close(): Promise<void>;
}

/** Previews still running; a test that fails before close() must not leave its server behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Folders, previews and browsers made since the last cleanUp(), so that a failing test leaves none behind. */
const madeDirs: string[] = [];
const openBrowsers = new Set<Browser>();
const openServers = new Set<() => Promise<void>>();

/** A new empty folder in the system's temp folder, removed by the next cleanUp(). */
export function tempDir(prefix = 'deckhand-e2e-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export const tempDataDir = (): string => tempDir('deckhand-e2e-');

/** Closes the browsers and stops the previews still open (the preview saves as on quit), then removes the folders. */
export async function cleanUp(): Promise<void> {
  for (const browser of [...openBrowsers]) await browser.close();
  for (const stop of [...openServers]) await stop();
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Playwright's `test`, cleaning up after each test whatever its outcome. */
export const test = base.extend<{ cleanUpAfterTest: void }>({
  // `{}`: it needs no other fixture (Playwright reads a fixture's needs from this pattern).
  cleanUpAfterTest: [
    async ({}, use) => {
      await use();
      await cleanUp();
    },
    { auto: true },
  ],
});

export async function startPreviewServer(options: Omit<LaunchOptions, 'colorScheme'>): Promise<{ url: string; stop(): Promise<void> }> {
  const args = [path.join(ROOT, 'dist/preview.mjs'), '--data-dir', options.dataDir, '--port', '0'];
  if (options.now) args.push('--now', options.now);
  if (options.fuzz === false) args.push('--no-fuzz');
  if (options.decksDir) args.push('--decks-dir', options.decksDir);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stop = async () => {
    await stopChild(child);
    openServers.delete(stop);
  };
  openServers.add(stop);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Preview: (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`The preview exited (code ${code}) before it printed its address:\n${err}`)));
  });
  return { url, stop };
}

export async function launchPreview(options: LaunchOptions): Promise<PreviewApp> {
  const server = await startPreviewServer(options);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const zoom = options.zoom ?? 1;
    const context = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: Math.round(1100 / zoom), height: Math.round(800 / zoom) },
      deviceScaleFactor: zoom,
      forcedColors: options.forcedColors ? 'active' : 'none',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    return {
      page,
      url: server.url,
      close: async () => {
        await browser?.close();
        await server.stop();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.stop();
    throw e;
  }
}

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  openBrowsers.add(browser);
  browser.once('disconnected', () => openBrowsers.delete(browser));
  return browser;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
