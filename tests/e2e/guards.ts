// Watches a page for anything untrusted content could make it do: a dialog, a request or a
// navigation off the preview's own address (origin and token path), a popup, a websocket, a service
// worker, a change to globals, cookies or storage; and scans the DOM for live markup.
import { expect, type Page } from '@playwright/test';
import { HomePage, ReviewPage } from './pages.ts';

export interface PageGuard {
  dialogs: string[];
  requests: string[];
  navigations: string[];
  popups: string[];
  websockets: string[];
  /** Asserts that nothing above happened outside `appUrl` and that the sentinels are intact. */
  assertUntouched(): Promise<void>;
}

/** The names DOM-clobbering payloads aim at; none may appear as an id or name in the page. */
export const CLOBBER_TARGETS = ['deckhand', 'cookie', 'listDecks', '__sentinel', 'value', '__pwned'];

declare global {
  interface Window {
    __pwned?: unknown;
    __sentinel?: string;
    __baselineGlobals?: string[];
  }
}

/** Call before the app loads (it reloads the page): sentinels are set before any page script. */
export async function guardPage(page: Page, appUrl: string): Promise<PageGuard> {
  const guard = { dialogs: [] as string[], requests: [] as string[], navigations: [] as string[], popups: [] as string[], websockets: [] as string[] };
  page.on('dialog', (d) => {
    guard.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => guard.requests.push(r.url()));
  page.on('framenavigated', (f) => guard.navigations.push(f.url()));
  page.on('popup', (p) => guard.popups.push(p.url()));
  page.on('websocket', (w) => guard.websockets.push(w.url()));
  page.context().on('serviceworker', (w) => guard.websockets.push(`service worker ${w.url()}`));
  await page.addInitScript(() => {
    window.__sentinel = 'intact';
    document.cookie = 'sentinel=1; SameSite=Strict';
    localStorage.setItem('sentinel', '1');
    sessionStorage.setItem('sentinel', '1');
    // Taken once the app's own script has run, so only globals added later count.
    addEventListener('load', () => {
      window.__baselineGlobals = Object.getOwnPropertyNames(window);
    });
  });
  await page.reload();
  return {
    ...guard,
    async assertUntouched() {
      const outside = (urls: string[]) => urls.filter((u) => !u.startsWith(appUrl));
      expect(guard.dialogs, 'dialogs opened').toEqual([]);
      expect(outside(guard.requests), 'requests outside the app').toEqual([]);
      expect(outside(guard.navigations), 'navigations away').toEqual([]);
      expect(guard.popups, 'popups').toEqual([]);
      expect(guard.websockets, 'websockets and service workers').toEqual([]);
      expect(page.url().startsWith(appUrl)).toBe(true);
      const state = await page.evaluate(() => ({
        pwned: window.__pwned,
        sentinel: window.__sentinel,
        cookie: document.cookie,
        local: JSON.stringify(Object.entries(localStorage)),
        session: JSON.stringify(Object.entries(sessionStorage)),
        newGlobals: Object.getOwnPropertyNames(window).filter((name) => !(window.__baselineGlobals ?? []).includes(name) && name !== '__baselineGlobals'),
        api: typeof (window as unknown as { deckhand?: { listDecks?: unknown } }).deckhand?.listDecks,
        title: document.title,
      }));
      expect(state).toEqual({ pwned: undefined, sentinel: 'intact', cookie: 'sentinel=1', local: '[["sentinel","1"]]', session: '[["sentinel","1"]]', newGlobals: [], api: 'function', title: 'Deckhand' });
    },
  };
}

/** Live markup anywhere in the page: event-handler attributes, script URLs, remote sources, dangerous elements, clobbered names. */
export async function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate((targets) => {
    const found: string[] = [];
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 120)}`;
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`event handler ${attr.name} on ${describe(el)}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'background'].includes(attr.name.toLowerCase())) {
          const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(javascript|vbscript|data|file):/.test(value)) found.push(`${attr.name}=${attr.value.slice(0, 60)} on ${describe(el)}`);
          if (/^(https?:)?\/\//.test(value) && !(el.tagName === 'A' && attr.name === 'href' && el.getAttribute('target') === '_blank' && el.getAttribute('rel') === 'noopener noreferrer'))
            found.push(`remote ${attr.name} on ${describe(el)}`);
        }
        if (attr.name === 'style' && /url\(/i.test(attr.value)) found.push(`style with url() on ${describe(el)}`);
        if ((attr.name === 'id' || attr.name === 'name') && targets.includes(attr.value)) found.push(`clobbering ${attr.name}=${attr.value} on ${describe(el)}`);
      }
    }
    const dangerous = 'body iframe, body object, body embed, body script, base, meta[http-equiv="refresh"], style, svg, math, audio:not([src^="media/"]), audio[autoplay], video, link:not([href="./app.css"]):not([rel="modulepreload"][href^="./chunks/"]), form[action], frame, frameset, marquee';
    for (const el of document.querySelectorAll(dangerous)) found.push(describe(el));
    for (const script of document.querySelectorAll('script')) if (!script.src || !script.src.startsWith(location.href.replace(/[#?].*$/, '').replace(/[^/]*$/, ''))) found.push(`script ${describe(script)}`);
    return found;
  }, CLOBBER_TARGETS);
}

export async function expectNoLiveMarkup(page: Page, where: string): Promise<void> {
  expect(await liveMarkup(page), where).toEqual([]);
}

/** Studies a deck to the end, rating each card Easy; returns what each card showed, front and back. */
export async function studyAll(page: Page, deckTitle: string): Promise<string[]> {
  const home = new HomePage(page);
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await home.heading.waitFor();
  await home.study(deckTitle);
  const review = new ReviewPage(page);
  const card = page.getByRole('article', { name: 'Card' });
  const summary = page.getByRole('region', { name: 'Session summary' });
  const seen: string[] = [];
  for (;;) {
    await expect(review.showAnswer.or(summary)).toBeVisible();
    if (await summary.isVisible()) return seen;
    await expectNoLiveMarkup(page, `${deckTitle}: question ${seen.length + 1}`);
    await review.showAnswer.click();
    await expect(review.answerSection).toBeVisible();
    await expectNoLiveMarkup(page, `${deckTitle}: answer ${seen.length + 1}`);
    seen.push((await card.textContent()) ?? '');
    await review.rating('Easy').click();
  }
}

