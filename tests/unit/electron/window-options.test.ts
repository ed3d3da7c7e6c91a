import { describe, expect, it } from 'vitest';
import { BACKGROUND_DARK, BACKGROUND_LIGHT, DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH, windowOptions } from '../../../main/electron/window-options.ts';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/dist/preload.cjs', spellcheck: true, dark: false });

  it('locks the renderer down: isolated, sandboxed, no Node, no webviews, web security on', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
    });
  });

  it('keeps the window hidden until its first frame is ready', () => {
    expect(options.show).toBe(false);
  });

  it('opens at the default size with a minimum, titled Deckhand', () => {
    expect(options).toMatchObject({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT, title: 'Deckhand' });
    expect([DEFAULT_WIDTH, DEFAULT_HEIGHT]).toEqual([1100, 760]);
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('uses remembered bounds, position included', () => {
    expect(windowOptions({ preloadPath: 'p', spellcheck: true, dark: false, bounds: { x: 40, y: 60, width: 900, height: 700 } })).toMatchObject({ x: 40, y: 60, width: 900, height: 700 });
  });

  it('leaves placement to the system when only a size is remembered', () => {
    const sized = windowOptions({ preloadPath: 'p', spellcheck: true, dark: false, bounds: { width: 900, height: 700 } });
    expect(sized).toMatchObject({ width: 900, height: 700 });
    expect('x' in sized || 'y' in sized).toBe(false);
  });

  it('paints the background of the system theme before the page loads', () => {
    expect(options.backgroundColor).toBe(BACKGROUND_LIGHT);
    expect(windowOptions({ preloadPath: 'p', spellcheck: true, dark: true }).backgroundColor).toBe(BACKGROUND_DARK);
    expect(BACKGROUND_DARK).not.toBe(BACKGROUND_LIGHT);
  });

  it('checks spelling only when told to (spellcheck.ts decides per platform)', () => {
    expect(windowOptions({ preloadPath: 'p', spellcheck: false, dark: false }).webPreferences?.spellcheck).toBe(false);
    expect(windowOptions({ preloadPath: 'p', spellcheck: true, dark: false }).webPreferences?.spellcheck).toBe(true);
  });
});
