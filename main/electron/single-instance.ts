// What to do when app.requestSingleInstanceLock() says no. Electron returns false for three
// different reasons (Chromium's ProcessSingleton: PROCESS_NOTIFIED, PROFILE_IN_USE, LOCK_ERROR) and
// only the first means "another copy has your command line, quit". On Linux and macOS Chromium's
// lock is a symlink `SingletonLock` in the profile folder pointing at `<host>-<pid>`, which tells the
// other two apart; Windows keeps no such file, and its lock fails in practice only for a running copy.
import { readlinkSync } from 'node:fs';
import path from 'node:path';

export const SINGLETON_LOCK = 'SingletonLock';

export interface LockOwner {
  host: string;
  pid: number;
}

/** The owner a SingletonLock link names (`<host>-<pid>`; the host may hold dashes), or null. */
export function parseLockTarget(target: string): LockOwner | null {
  const m = /^(.+)-(\d+)$/.exec(target);
  if (!m) return null;
  const pid = Number(m[2]);
  return Number.isSafeInteger(pid) && pid > 0 ? { host: m[1]!, pid } : null;
}

/** Reads the lock's owner from the profile folder; null when there is no such link or it names nothing. */
export function readLockOwner(profileDir: string): LockOwner | null {
  try {
    return parseLockTarget(readlinkSync(path.join(profileDir, SINGLETON_LOCK)));
  } catch {
    return null;
  }
}

/** Whether a process with this id runs on this computer (one we may not signal still runs). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockFailure {
  platform: NodeJS.Platform;
  profileDir: string;
  owner: LockOwner | null;
  thisHost: string;
  /** Whether a process with this id runs here (process.kill(pid, 0)). */
  isAlive(pid: number): boolean;
}

export type LockFailureDecision = { action: 'quit' } | { action: 'explain'; title: string; message: string };

export function lockFailureDecision(failure: LockFailure): LockFailureDecision {
  const { owner } = failure;
  // The copy already running was handed our command line and comes to the front.
  if (failure.platform === 'win32') return { action: 'quit' };
  if (owner && owner.host === failure.thisHost && failure.isAlive(owner.pid)) return { action: 'quit' };
  const title = 'Deckhand cannot start';
  if (owner && owner.host !== failure.thisHost) {
    return {
      action: 'explain',
      title,
      message: `Deckhand's folder ${failure.profileDir} is in use by Deckhand on another computer ("${owner.host}"), as on a shared or synced drive. Quit Deckhand there and start it again here. If it is not running there, remove the file ${SINGLETON_LOCK} in that folder.`,
    };
  }
  return {
    action: 'explain',
    title,
    message: `Deckhand could not lock its folder ${failure.profileDir}, and no other copy of Deckhand is running to hand over to. Check that the folder exists and that you may write to it, then start Deckhand again.`,
  };
}
