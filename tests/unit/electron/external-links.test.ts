import { describe, expect, it } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { OPEN_BUTTON, confirmLinkDialog, externalLinkTarget, navigationDecision, openLinkAfterConfirm, windowOpenDecision } from '../../../main/electron/external-links.ts';

const REFUSED = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'mailto:a@example.com',
  'ftp://example.com/x',
  'chrome://settings',
  'app://deckhand/index.html',
  'about:blank',
  'https://bank.example@evil.example/',
  'https://user:pass@example.com/',
  'http://',
  'not a url',
  '',
  `https://example.com/${'a'.repeat(3000)}`,
];

describe('which links may leave the app', () => {
  it('offers http and https links, normalised as the browser will open them', () => {
    expect(externalLinkTarget('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(externalLinkTarget('HTTP://Example.COM')).toBe('http://example.com/');
  });

  it('refuses every other scheme, credentials in the address and absurd lengths', () => {
    for (const url of REFUSED) expect(externalLinkTarget(url), url).toBeNull();
  });
});

describe('navigation and new windows', () => {
  it('lets the window navigate only within our own page', () => {
    expect(navigationDecision('app://deckhand/index.html#/browse')).toEqual({ allow: true, external: null });
    expect(navigationDecision('https://example.com/')).toEqual({ allow: false, external: 'https://example.com/' });
    for (const url of REFUSED) expect(navigationDecision(url).external, url).toBeNull();
    for (const url of REFUSED.filter((u) => !u.startsWith('app://deckhand/'))) expect(navigationDecision(url).allow, url).toBe(false);
  });

  it('denies every new window, offering only an http(s) link to the browser', () => {
    expect(windowOpenDecision('https://example.com/x')).toEqual({ action: 'deny', external: 'https://example.com/x' });
    expect(windowOpenDecision('app://deckhand/index.html')).toEqual({ action: 'deny', external: null });
    for (const url of REFUSED) expect(windowOpenDecision(url)).toEqual({ action: 'deny', external: null });
  });
});

describe('opening a link after the learner confirms', () => {
  function opener(answer: number) {
    const asked: MessageBoxOptions[] = [];
    const opened: string[] = [];
    return {
      asked,
      opened,
      confirm: async (options: MessageBoxOptions) => {
        asked.push(options);
        return answer;
      },
      open: async (url: string) => {
        opened.push(url);
      },
    };
  }

  it('shows the full address and opens it only when the learner agrees', async () => {
    const yes = opener(OPEN_BUTTON);
    const url = 'https://example.com/a/long/path?query=1';
    expect(await openLinkAfterConfirm(url, yes)).toBe(true);
    expect(yes.asked).toHaveLength(1);
    expect(yes.asked[0]!.detail).toBe(url);
    expect(yes.opened).toEqual([url]);
  });

  it('opens nothing when the learner cancels (the default button, and Escape)', async () => {
    const dialog = confirmLinkDialog('https://example.com/');
    expect(dialog.defaultId).toBe(dialog.cancelId);
    expect(dialog.buttons![dialog.cancelId!]).toBe('Cancel');
    const no = opener(dialog.cancelId!);
    expect(await openLinkAfterConfirm('https://example.com/', no)).toBe(false);
    expect(no.opened).toEqual([]);
  });

  it('never asks about, or opens, a link of another scheme', async () => {
    const yes = opener(OPEN_BUTTON);
    for (const url of REFUSED) expect(await openLinkAfterConfirm(url, yes)).toBe(false);
    expect(yes.asked).toEqual([]);
    expect(yes.opened).toEqual([]);
  });
});
