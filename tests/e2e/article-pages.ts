// Page objects for studying what you read: the library of articles, the reader, and the inbox of drafts.
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Articles', level: 1 });
  }

  article(title: string): Locator {
    return this.page.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** Chooses a file in the dialog the "Choose a file…" button opens, pressing it by keyboard. */
  async choose(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose a file…' }).focus();
    await this.page.keyboard.press('Enter');
    await (await chooser).setFiles(file);
  }
}

export class ReaderPage {
  constructor(readonly page: Page) {}

  get coverage(): Locator {
    return this.page.getByRole('meter', { name: /sentences? (has|have) cards/ });
  }

  /** How many sentences have cards, as the meter says it. */
  async quoted(): Promise<number> {
    return Number(await this.coverage.getAttribute('aria-valuenow'));
  }

  get selectionBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Make a card from the selected words' });
  }

  /** The article's text as one stop in the Tab order, where the arrow keys choose words. */
  get text(): Locator {
    return this.page.getByRole('application', { name: 'Article text' });
  }

  /** What the keys in the text last did, as a screen reader hears it from the selection bar. */
  get announced(): Locator {
    return this.selectionBar.getByRole('status');
  }

  /** Tabs from the heading, as a keyboard user does, to the article's text. */
  async tabToText(): Promise<void> {
    await this.page.getByRole('heading', { level: 1 }).focus();
    for (let i = 0; i < 10 && !(await this.text.evaluate((el) => el === document.activeElement)); i++) await this.page.keyboard.press('Tab');
    await expect(this.text).toBeFocused();
  }

  get byline(): Locator {
    return this.page.locator('main .byline');
  }

  /** The "Edit details" form, opened by keyboard. */
  async openDetails(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^Edit details/ }).focus();
    await this.page.keyboard.press('Enter');
    const form = this.page.getByRole('form', { name: 'Edit details' });
    await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused();
    return form;
  }

  /** The sentence as a highlight: a passage some card quotes. */
  highlight(sentence: string): Locator {
    return this.page.getByRole('button', { name: sentence });
  }

  /** Selects words of the article with the mouse, pressing before the first letter and letting go after the last. */
  async selectWords(words: string): Promise<void> {
    await this.page.getByText(words).first().scrollIntoViewIfNeeded();
    const ends = await this.page.evaluate((words) => {
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(words);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + 1);
        const first = r.getBoundingClientRect();
        r.setStart(n, at + words.length - 1);
        r.setEnd(n, at + words.length);
        const last = r.getBoundingClientRect();
        return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      return null;
    }, words);
    if (!ends) throw new Error(`"${words}" is not in the article`);
    await this.page.mouse.move(ends.from.x, ends.from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
    await this.page.mouse.up();
    await expect(this.selectionBar).toContainText(`“${words}”`);
  }
}

export class InboxPage {
  constructor(readonly page: Page) {}

  get drafts(): Locator {
    return this.page.getByRole('feed', { name: 'Drafts, best first' });
  }

  get status(): Locator {
    return this.page.getByRole('main').getByRole('status');
  }

  /** The draft that has focus. */
  get focused(): Locator {
    return this.drafts.locator('article:focus');
  }

  /** Tabs from the heading, as a keyboard user does, to the first draft. */
  async focusFirst(): Promise<void> {
    const first = this.drafts.getByRole('article').first();
    await first.waitFor();
    for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) await this.page.keyboard.press('Tab');
    await expect(first).toBeFocused();
  }

  /** The sentence the focused draft quotes, marked in its paragraph. */
  async focusedQuote(): Promise<string> {
    return (await this.focused.locator('mark').textContent())!;
  }
}
