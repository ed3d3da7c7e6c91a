// A hybrid logical clock (Kulkarni et al., 2014): a stamp is the wall time in ms, a counter for
// stamps within one ms (or while the computer's clock reads behind the last stamp), and the device
// that made it. Stamps from one device always increase, even with the clock set back, and a device
// that has seen a stamp stamps after it, so "the later edit wins" is decided by stamps, never by
// comparing two computers' wall clocks directly. Pure: the time is passed in.

export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

/**
 * How far ahead of this computer's clock a stamp read from another device may pull the local
 * clock. A device whose clock is set years ahead would otherwise drag every later stamp with it;
 * its own stamps still compare as they are.
 */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/** The largest counter: past it the wall time moves on by one ms instead. */
const MAX_COUNTER = 0xffff;

export const ZERO_HLC: Hlc = { wall: 0, counter: 0, device: '' };

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

export const maxHlc = (a: Hlc, b: Hlc): Hlc => (compareHlc(a, b) >= 0 ? a : b);

function advance(wall: number, counter: number, device: string): Hlc {
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, device } : { wall, counter, device };
}

/** The stamp for a change made on `device` at `now`, after `last` (the device's clock). */
export function tickHlc(last: Hlc, now: number, device: string): Hlc {
  const wall = Number.isFinite(now) ? Math.floor(now) : last.wall;
  if (wall > last.wall) return { wall, counter: 0, device };
  return advance(last.wall, last.counter + 1, device);
}

/**
 * The clock after reading `remote` at `now`: past both it and the stamp read, so the next local
 * change is stamped after everything this device has seen. A remote stamp further ahead of `now`
 * than MAX_DRIFT_MS is not adopted.
 */
export function receiveHlc(last: Hlc, remote: Hlc, now: number, device: string): Hlc {
  if (!Number.isFinite(remote.wall) || remote.wall > now + MAX_DRIFT_MS) return last;
  const seen = compareHlc(remote, last) > 0 ? remote : last;
  return { wall: seen.wall, counter: seen.counter, device };
}

/** `wall.counter.device`, with the numbers fixed-width so that stamps sort as strings too. */
export function formatHlc(h: Hlc): string {
  return `${h.wall.toString(36).padStart(10, '0')}.${h.counter.toString(36).padStart(4, '0')}.${h.device}`;
}

const HLC_TEXT = /^([0-9a-z]{10})\.([0-9a-z]{4})\.([A-Za-z0-9_-]{1,64})$/;

/** The stamp a text holds, or null when it is not one. */
export function parseHlc(text: string): Hlc | null {
  const m = HLC_TEXT.exec(text);
  if (!m) return null;
  const wall = parseInt(m[1]!, 36);
  const counter = parseInt(m[2]!, 36);
  if (!Number.isSafeInteger(wall) || counter > MAX_COUNTER) return null;
  return { wall, counter, device: m[3]! };
}
