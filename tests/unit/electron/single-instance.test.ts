import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFailureDecision, parseLockTarget, processIsAlive, readLockOwner, type LockFailure } from '../../../main/electron/single-instance.ts';
import { tempDir } from '../temp-dir.ts';

const failure = (over: Partial<LockFailure>): LockFailure => ({
  platform: 'linux',
  profileDir: '/home/ada/.config/Deckhand',
  owner: null,
  thisHost: 'laptop',
  isAlive: () => false,
  ...over,
});

describe('parseLockTarget', () => {
  it('reads Chromium’s <host>-<pid>, a host with dashes included', () => {
    expect(parseLockTarget('laptop-4242')).toEqual({ host: 'laptop', pid: 4242 });
    expect(parseLockTarget('ada-work-pc.local-17')).toEqual({ host: 'ada-work-pc.local', pid: 17 });
  });

  it('is null for anything else', () => {
    for (const target of ['', 'laptop', 'laptop-', '-12', 'laptop-0', 'laptop-12x']) expect(parseLockTarget(target), target).toBeNull();
  });
});

describe('readLockOwner', () => {
  it('reads the SingletonLock link in the profile folder, and is null without one', () => {
    const dir = tempDir();
    expect(readLockOwner(dir)).toBeNull();
    symlinkSync('laptop-99', path.join(dir, 'SingletonLock'));
    expect(readLockOwner(dir)).toEqual({ host: 'laptop', pid: 99 });
  });
});

describe('lockFailureDecision', () => {
  it('quits quietly when a copy of Deckhand runs here: it was handed the command line and comes to the front', () => {
    expect(lockFailureDecision(failure({ owner: { host: 'laptop', pid: 4242 }, isAlive: (pid) => pid === 4242 }))).toEqual({ action: 'quit' });
  });

  it('explains a folder in use by Deckhand on another computer (PROFILE_IN_USE), naming it and the folder', () => {
    const decision = lockFailureDecision(failure({ owner: { host: 'desktop', pid: 4242 }, isAlive: () => true }));
    expect(decision).toMatchObject({ action: 'explain', title: 'Deckhand cannot start' });
    expect(decision.action === 'explain' && decision.message).toMatch(/\/home\/ada\/\.config\/Deckhand is in use by Deckhand on another computer \("desktop"\)/);
  });

  it('explains a lock that failed with no copy running (LOCK_ERROR: a stale lock of a dead process, a folder it cannot write)', () => {
    for (const owner of [null, { host: 'laptop', pid: 4242 }]) {
      const decision = lockFailureDecision(failure({ owner }));
      expect(decision.action).toBe('explain');
      expect(decision.action === 'explain' && decision.message).toMatch(/could not lock its folder \/home\/ada\/\.config\/Deckhand, and no other copy of Deckhand is running/);
    }
  });

  it('quits quietly on Windows, whose lock fails only for a running copy and leaves nothing to read', () => {
    expect(lockFailureDecision(failure({ platform: 'win32' }))).toEqual({ action: 'quit' });
  });
});

describe('processIsAlive', () => {
  it('is true for a running process and false for an id no process has', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    // Above Linux's pid_max (2^22) and macOS's 99,999: no process has it.
    expect(processIsAlive(2 ** 30)).toBe(false);
  });
});
