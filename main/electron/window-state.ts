// Where the window was and how big, kept in <dataDir>/window-state.json. Reading never fails:
// a missing, torn or hand-edited file means the default size, and a position on a display that is
// no longer attached is pulled back onto one that is.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window-options.ts';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, maximized: false };

// Generous bounds on what a saved number may be: beyond them the file is not ours or is damaged.
const MAX_COORDINATE = 100_000;

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The state in `value`, or null when it is not a window state this code wrote. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isInt(v.width, 1, MAX_COORDINATE) || !isInt(v.height, 1, MAX_COORDINATE)) return null;
  if (v.maximized !== undefined && typeof v.maximized !== 'boolean') return null;
  const state: WindowState = { width: v.width, height: v.height, maximized: v.maximized === true };
  // A position is kept only as a pair; half a position cannot place a window.
  if (isInt(v.x, -MAX_COORDINATE, MAX_COORDINATE) && isInt(v.y, -MAX_COORDINATE, MAX_COORDINATE)) {
    state.x = v.x;
    state.y = v.y;
  }
  return state;
}

/** The saved state, or the default when there is none or it cannot be read. */
export function loadWindowState(dataDir: string): WindowState {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  try {
    return parseWindowState(JSON.parse(text)) ?? { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/**
 * Writes the state through a temporary file and a rename, so a crash mid-write leaves the old file.
 * No fsync: losing the last move of a window is harmless, unlike losing a review.
 */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`);
  renameSync(temp, file);
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * Bounds for the new window: the saved size, no larger than the display's work area, placed wholly
 * inside the work area it overlapped most. A window that overlaps none of `workAreas` (the display
 * was unplugged) loses its position, and the window manager centres it on the first, primary one.
 */
export function placeWindow(state: WindowState, workAreas: readonly Rectangle[]): WindowBounds {
  const primary = workAreas[0];
  if (!primary) return { width: Math.max(state.width, MIN_WIDTH), height: Math.max(state.height, MIN_HEIGHT) };

  let target: Rectangle | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const saved = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(saved, area);
      if (o > best) {
        best = o;
        target = area;
      }
    }
  }
  const area = target ?? primary;
  // A work area smaller than the minimum size wins over the minimum: a window larger than the
  // screen cannot be moved or resized back.
  const width = Math.min(Math.max(state.width, MIN_WIDTH), area.width);
  const height = Math.min(Math.max(state.height, MIN_HEIGHT), area.height);
  if (!target) return { width, height };
  return {
    x: clamp(state.x!, area.x, area.x + area.width - width),
    y: clamp(state.y!, area.y, area.y + area.height - height),
    width,
    height,
  };
}

export type RevealStep = 'maximize' | 'show';

/**
 * What the window does on 'ready-to-show', its first frame painted: a window saved maximized is
 * maximized then, not before (maximizing a hidden window shows it at once, blank), and then shown.
 * Nothing shows it earlier, so it appears once, at its size, with its content.
 */
export function revealSteps(state: Pick<WindowState, 'maximized'>): RevealStep[] {
  return state.maximized ? ['maximize', 'show'] : ['show'];
}

export type FrontStep = 'restore' | 'show' | 'focus';

/**
 * Bringing the window forward (a second start, a file opened from the system): nothing until it has
 * been revealed, which brings it forward anyway; a minimized window is restored first.
 */
export function frontSteps(window: { revealed: boolean; minimized: boolean }): FrontStep[] {
  if (!window.revealed) return [];
  return window.minimized ? ['restore', 'show', 'focus'] : ['show', 'focus'];
}
