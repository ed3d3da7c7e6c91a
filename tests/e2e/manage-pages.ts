// Page objects for managing cards: the browser and the note editor, found by role and name.
import type { Locator, Page } from '@playwright/test';

export class BrowserPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Browse cards', level: 1 });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search cards' });
  }

  get list(): Locator {
    return this.page.getByRole('listbox', { name: 'Cards' });
  }

  get rows(): Locator {
    return this.list.getByRole('option');
  }

  get count(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\d+ cards?\b/ });
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole('toolbar', { name: 'Change the selected cards' }).getByRole('button', { name });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/browse`);
    await this.heading.waitFor();
  }

  /** Types a search and moves into the results with the keyboard, as a person would. */
  async find(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }
}

export class EditorPage {
  constructor(readonly page: Page) {}

  field(name: 'Front' | 'Back' | 'Text' | 'Extra' | 'Tags'): Locator {
    return this.page.getByRole('main').getByRole('textbox', { name: new RegExp(`^${name}\\b`) });
  }

  choice(name: 'Deck' | 'Type'): Locator {
    return this.page.getByRole('main').getByRole('combobox', { name });
  }
}
