// Page objects: what a person sees and uses on each screen, found by role and accessible name.
import type { Locator, Page } from '@playwright/test';

export class HomePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Decks', level: 1 });
  }

  deck(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** New, learning and due counts, in that order. */
  counts(title: string): Locator {
    return this.deck(title).getByRole('definition');
  }

  async focusStudy(title: string): Promise<void> {
    await this.heading.waitFor();
    // Tab from the top of the page, as a keyboard user would, until the Study button has focus.
    const target = this.page.getByRole('button', { name: `Study ${title}` });
    for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) await this.page.keyboard.press('Tab');
  }

  async study(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Study ${title}`, exact: true }).click();
  }
}

export class ReviewPage {
  constructor(readonly page: Page) {}

  get showAnswer(): Locator {
    return this.page.getByRole('button', { name: /^Show answer/ });
  }

  get question(): Locator {
    return this.page.getByRole('region', { name: 'Question' });
  }

  get answerSection(): Locator {
    return this.page.getByRole('region', { name: 'Answer' });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  rating(label: 'Again' | 'Hard' | 'Good' | 'Easy'): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${label}\\b`) });
  }
}

export class StatsPage {
  constructor(readonly page: Page) {}

  get calendar(): Locator {
    return this.page.getByRole('grid', { name: 'Reviews per day in the past year' });
  }

  /** A day of the calendar, by what a screen reader says for it: "6 reviews on 2 March 2026". */
  day(name: string | RegExp): Locator {
    return this.calendar.getByRole('gridcell', { name });
  }

  /** A figure above the forecast chart: "Tomorrow", "Next 7 days"… as a number of cards. */
  async forecast(label: string): Promise<number> {
    const value = this.page.getByRole('region', { name: 'Due in the days ahead' }).getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
    return Number((await value.textContent())!.replace(/[^\d]/g, ''));
  }
}
