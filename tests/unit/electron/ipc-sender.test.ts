import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/electron/ipc-sender.ts';

const ours = { frameUrl: 'app://deckhand/index.html#/study/x', isMainFrame: true, fromMainWindow: true };

describe('the IPC sender check', () => {
  it("accepts the main window's top frame showing our page", () => {
    expect(isTrustedSender(ours)).toBe(true);
  });

  it('refuses a frame that navigated elsewhere, or whose page is not ours', () => {
    for (const frameUrl of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', 'app://deckhand.evil/', 'about:blank', 'data:text/html,x', ''])
      expect(isTrustedSender({ ...ours, frameUrl }), frameUrl).toBe(false);
  });

  it('refuses a frame that is gone, a subframe, and any other webContents', () => {
    expect(isTrustedSender({ ...ours, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, fromMainWindow: false })).toBe(false);
  });
});
