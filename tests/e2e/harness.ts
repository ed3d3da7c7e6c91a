// Launches the preview (the real renderer and dispatcher over loopback) on a data folder and opens
// it in Debian's Chromium. Every scenario starts here: `const app = await launchPreview({ dataDir })`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
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

export const tempDataDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-'));

export async function startPreviewServer(options: Omit<LaunchOptions, 'colorScheme'>): Promise<{ url: string; stop(): Promise<void> }> {
  const args = [path.join(ROOT, 'dist/preview.mjs'), '--data-dir', options.dataDir, '--port', '0'];
  if (options.now) args.push('--now', options.now);
  if (options.fuzz === false) args.push('--no-fuzz');
  if (options.decksDir) args.push('--decks-dir', options.decksDir);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
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
  return { url, stop: () => stopChild(child) };
}

export async function launchPreview(options: LaunchOptions): Promise<PreviewApp> {
  const server = await startPreviewServer(options);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1100, height: 800 } });
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
