import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH } from '../../../main/electron/window-options.ts';
import { DEFAULT_WINDOW_STATE, WINDOW_STATE_FILE, loadWindowState, parseWindowState, placeWindow, saveWindowState, frontSteps, revealSteps } from '../../../main/electron/window-state.ts';
import { tempDir } from '../temp-dir.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('placeWindow', () => {
  it('keeps a window that fits where it was', () => {
    expect(placeWindow({ x: 100, y: 80, width: 1100, height: 760, maximized: false }, [laptop])).toEqual({ x: 100, y: 80, width: 1100, height: 760 });
  });

  it('finds the window on the display it mostly overlapped, and keeps it there', () => {
    expect(placeWindow({ x: 2000, y: 200, width: 1200, height: 800, maximized: false }, [laptop, rightMonitor])).toEqual({ x: 2000, y: 200, width: 1200, height: 800 });
  });

  it('pulls a window hanging off the edge back inside the work area', () => {
    expect(placeWindow({ x: 1000, y: 500, width: 1100, height: 760, maximized: false }, [laptop])).toEqual({ x: 340, y: 115, width: 1100, height: 760 });
    expect(placeWindow({ x: -300, y: -40, width: 1100, height: 760, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 1100, height: 760 });
  });

  it('shrinks a window larger than the display it is on', () => {
    expect(placeWindow({ x: 1400, y: 0, width: 3000, height: 1500, maximized: false }, [laptop, rightMonitor])).toEqual({ x: 1440, y: 0, width: 2560, height: 1415 });
    expect(placeWindow({ x: 0, y: 0, width: 2400, height: 1300, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('drops the position of a window whose display is gone, and fits it to the primary one', () => {
    // Saved on the right monitor, which is now unplugged.
    expect(placeWindow({ x: 2000, y: 200, width: 2000, height: 1000, maximized: false }, [laptop])).toEqual({ width: 1440, height: 875 });
  });

  it('never goes below the minimum size the layout needs, unless the screen itself is smaller', () => {
    expect(placeWindow({ width: 300, height: 200, maximized: false }, [laptop])).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT });
    const tiny = { x: 0, y: 0, width: 640, height: 480 };
    expect(placeWindow({ width: 300, height: 200, maximized: false }, [tiny])).toEqual({ width: 640, height: 480 });
  });

  it('respects a work area that does not start at 0,0 (a top panel or a left dock)', () => {
    const withPanel = { x: 64, y: 32, width: 1376, height: 843 };
    expect(placeWindow({ x: 0, y: 0, width: 1100, height: 760, maximized: false }, [withPanel])).toEqual({ x: 64, y: 32, width: 1100, height: 760 });
  });

  it('uses the saved size when no display is reported', () => {
    expect(placeWindow({ x: 5, y: 5, width: 1000, height: 700, maximized: false }, [])).toEqual({ width: 1000, height: 700 });
  });
});

describe('parseWindowState', () => {
  it('accepts what saveWindowState writes', () => {
    expect(parseWindowState({ x: -1200, y: 40, width: 1000, height: 700, maximized: true })).toEqual({ x: -1200, y: 40, width: 1000, height: 700, maximized: true });
  });

  it('keeps the size of a state without a position, or with only half of one', () => {
    expect(parseWindowState({ width: 1000, height: 700 })).toEqual({ width: 1000, height: 700, maximized: false });
    expect(parseWindowState({ x: 10, width: 1000, height: 700 })).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('rejects anything else', () => {
    for (const value of [null, [], 'big', 7, {}, { width: 1000 }, { width: '1000', height: 700 }, { width: 0, height: 700 }, { width: 1000.5, height: 700 }, { width: Number.NaN, height: 700 }, { width: 1e9, height: 700 }, { width: 1000, height: 700, maximized: 'yes' }])
      expect(parseWindowState(value), JSON.stringify(value)).toBeNull();
  });
});

describe('loadWindowState and saveWindowState', () => {
  const stateDir = () => tempDir('deckhand-window-state-');

  it('reads back what it saved, leaving no temporary file behind', () => {
    const d = stateDir();
    const state = { x: 12, y: 34, width: 1200, height: 800, maximized: false };
    saveWindowState(d, state);
    expect(loadWindowState(d)).toEqual(state);
    expect(readdirSync(d)).toEqual([WINDOW_STATE_FILE]);
    expect(JSON.parse(readFileSync(path.join(d, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
  });

  it('starts at the default size when there is no file yet', () => {
    expect(loadWindowState(stateDir())).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('starts at the default size from a torn, empty or foreign file', () => {
    const d = stateDir();
    for (const text of ['{"x": 12, "y": 3', '', '[1,2,3]', '{"width":"wide"}', '\u0000\u0000']) {
      writeFileSync(path.join(d, WINDOW_STATE_FILE), text);
      expect(loadWindowState(d), JSON.stringify(text)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('hands out a copy of the default, so a caller cannot change it for everyone', () => {
    const state = loadWindowState(stateDir());
    state.width = 1;
    expect(DEFAULT_WINDOW_STATE.width).not.toBe(1);
  });
});

describe('revealSteps', () => {
  it('shows the window once, on its first frame; a window saved maximized is maximized then, not before', () => {
    expect(revealSteps({ maximized: false })).toEqual(['show']);
    expect(revealSteps({ maximized: true })).toEqual(['maximize', 'show']);
  });
});

describe('frontSteps', () => {
  it('brings nothing forward before the window is revealed, so a file opened early cannot show it blank', () => {
    expect(frontSteps({ revealed: false, minimized: false })).toEqual([]);
    expect(frontSteps({ revealed: false, minimized: true })).toEqual([]);
  });

  it('restores a minimized window, then shows and focuses it', () => {
    expect(frontSteps({ revealed: true, minimized: true })).toEqual(['restore', 'show', 'focus']);
    expect(frontSteps({ revealed: true, minimized: false })).toEqual(['show', 'focus']);
  });
});
