// Links in card content. A deck is untrusted, so a link can never navigate the window away or open
// a window of the app: navigation stays on app://deckhand/, every window.open is denied, and an
// http(s) link is offered to the system browser only after the learner has seen its full address in
// a native dialog and said yes. Every other scheme (file:, javascript:, smb:, custom URL handlers
// that launch programs) is refused outright: shell.openExternal hands a URL to the OS, which is how
// note apps have turned one crafted link into code execution.
import type { MessageBoxOptions } from 'electron';
import { isAppUrl } from './protocol-path.ts';

/** Long enough for any real article link, short enough for the dialog to show it whole. */
export const MAX_LINK_LENGTH = 2048;

/** The address to offer the system browser, or null when `url` must not leave the app. */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_LINK_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // https://bank.example@evil.example/ reads as the bank's address; refuse credentials outright.
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

export interface NavigationDecision {
  /** Let the frame navigate: only to our own page. */
  allow: boolean;
  /** An address to offer the system browser (after confirmation), or null. */
  external: string | null;
}

/** For 'will-frame-navigate' and 'will-redirect': a card link without a target lands here. */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true, external: null };
  return { allow: false, external: externalLinkTarget(url) };
}

/** For setWindowOpenHandler: no window ever opens; an http(s) link may go to the browser. */
export function windowOpenDecision(url: string): { action: 'deny'; external: string | null } {
  return { action: 'deny', external: isAppUrl(url) ? null : externalLinkTarget(url) };
}

export const OPEN_BUTTON = 0;

/** The question asked before a link leaves the app; Cancel is the default and Escape. */
export function confirmLinkDialog(target: string): MessageBoxOptions {
  return {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open link',
    message: 'Open this link in your web browser?',
    // The whole address, so a misleading link text cannot hide where it goes.
    detail: target,
  };
}

export interface LinkOpener {
  /** Shows the dialog; resolves to the index of the button pressed. */
  confirm(options: MessageBoxOptions): Promise<number>;
  open(url: string): Promise<void>;
}

/** Opens `url` in the system browser when it is http(s) and the learner confirms; true when opened. */
export async function openLinkAfterConfirm(url: string, opener: LinkOpener): Promise<boolean> {
  const target = externalLinkTarget(url);
  if (target === null) return false;
  if ((await opener.confirm(confirmLinkDialog(target))) !== OPEN_BUTTON) return false;
  await opener.open(target);
  return true;
}
