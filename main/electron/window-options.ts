// The main window's options as a pure function, so every security setting is asserted by a unit
// test in plain Node rather than trusted to a reading of main.ts.
import type { BrowserWindowConstructorOptions } from 'electron';

export const DEFAULT_WIDTH = 1100;
export const DEFAULT_HEIGHT = 760;
// 720 wide lets the window tile side by side with a reader on a 1440-pixel screen.
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 520;

// renderer/styles.css's --bg, painted before the first frame so the window opens without a flash.
export const BACKGROUND_LIGHT = '#f7f6f3';
export const BACKGROUND_DARK = '#17181b';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptionsInput {
  preloadPath: string;
  bounds?: WindowBounds;
  dark: boolean;
  /** Whether the editor checks spelling: spellcheck.ts decides it per platform. */
  spellcheck: boolean;
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const bounds = input.bounds ?? { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT };
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Deckhand',
    backgroundColor: input.dark ? BACKGROUND_DARK : BACKGROUND_LIGHT,
    // Shown on 'ready-to-show', so the window never appears blank.
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: input.spellcheck,
    },
  };
}
