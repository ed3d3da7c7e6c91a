// `npx tsx tests/e2e/screenshots.ts [OUT_DIR]`: screenshots of each screen, light and dark, for the
// README and for looking at what changed. Not part of `npm test`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InboxPage, ReaderPage } from './article-pages.ts';
import { cleanUp, launchPreview, tempDataDir } from './harness.ts';
import { generateDataset } from '../bench/generate.ts';
import { createDeckhandStore } from '../bench/stores/deckhand.ts';
import { BASIC, buildCollection, buildPackage, JAPANESE } from '../unit/formats/fixtures/anki-fixtures.ts';

const out = path.resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });

try {
  // A year of study to show on the Statistics screen: the benchmark's generator at 2,000 cards,
  // whose histories end on the morning of 2 March 2026, the time the screenshots are taken at.
  const studied = tempDataDir();
  const dataset = tempDataDir();
  generateDataset(2000, dataset, () => undefined);
  await createDeckhandStore().setup(dataset, studied);
  for (const scheme of ['light', 'dark'] as const) {
    const app = await launchPreview({ dataDir: tempDataDir(), colorScheme: scheme, now: '2026-03-02T09:00:00' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Decks' }).waitFor();
    await page.screenshot({ path: path.join(out, `home-${scheme}.png`) });
    await page.goto(`${app.url}#/stats`);
    await page.getByText('No card has been answered yet').waitFor();
    await page.screenshot({ path: path.join(out, `stats-empty-${scheme}.png`), fullPage: true });
    await page.goto(`${app.url}#/`);
    await page.getByRole('button', { name: /^Study / }).first().click();
    await page.getByRole('button', { name: /Show answer/ }).waitFor();
    await page.screenshot({ path: path.join(out, `review-front-${scheme}.png`) });
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    await page.screenshot({ path: path.join(out, `review-answer-${scheme}.png`) });
    await page.goto(`${app.url}#/`);
    await page.getByRole('link', { name: /^Read / }).first().click();
    await page.locator('.highlight').nth(3).click();
    await page.getByRole('heading', { name: /from this passage/ }).waitFor();
    await page.screenshot({ path: path.join(out, `article-${scheme}.png`) });
    await page.goto(`${app.url}#/backups`);
    await page.getByRole('heading', { name: 'Backups' }).waitFor();
    await page.screenshot({ path: path.join(out, `backups-${scheme}.png`) });
    await page.goto(`${app.url}#/decks`);
    await page.getByRole('button', { name: 'New deck…' }).click();
    await page.keyboard.type('Languages::Spanish');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Spanish' }).waitFor();
    await page.screenshot({ path: path.join(out, `decks-${scheme}.png`) });
    await page.goto(`${app.url}#/browse`);
    await page.getByRole('listbox', { name: 'Cards' }).getByRole('option').first().waitFor();
    await page.getByRole('listbox', { name: 'Cards' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.screenshot({ path: path.join(out, `browse-${scheme}.png`) });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Edit note' }).waitFor();
    await page.getByRole('button', { name: /^Save/ }).waitFor();
    await page.screenshot({ path: path.join(out, `edit-${scheme}.png`) });
    await page.getByRole('main').getByRole('textbox').first().fill('');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByText(/ is empty/).first().waitFor();
    await page.screenshot({ path: path.join(out, `edit-error-${scheme}.png`) });
    await page.goto(`${app.url}#/settings`);
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await page.screenshot({ path: path.join(out, `settings-${scheme}.png`), fullPage: true });
    await page.goto(`${app.url}#/help`);
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: path.join(out, `help-${scheme}.png`) });

    // Import: a small Anki package with a picture, a note type Deckhand maps loosely and a third
    // template it leaves out, so the report has something to say; then a damaged file.
    const files = tempDataDir();
    const picture = readFileSync(path.join(out, `home-${scheme}.png`));
    const collection = await buildCollection({
      schema: 11,
      notetypes: [BASIC, JAPANESE],
      decks: [{ id: 1, name: 'Default' }, { id: 2, name: 'Languages::Japanese' }],
      notes: [
        { id: 1_700_000_001_000, guid: 'app', mid: BASIC.id, tags: 'ui', fields: ['Which app is this? <img src="deckhand.png">', 'Deckhand'] },
        { id: 1_700_000_002_000, guid: 'taberu', mid: JAPANESE.id, tags: 'verbs', fields: ['食べる', 'to eat', 'たべる'] },
      ],
      cards: [
        { id: 1_700_000_001_100, nid: 1_700_000_001_000, did: 2, ord: 0 },
        { id: 1_700_000_002_100, nid: 1_700_000_002_000, did: 2, ord: 0 },
        { id: 1_700_000_002_200, nid: 1_700_000_002_000, did: 2, ord: 1 },
        { id: 1_700_000_002_300, nid: 1_700_000_002_000, did: 2, ord: 2 },
      ],
    });
    writeFileSync(path.join(files, 'japanese.apkg'), await buildPackage({ layout: 'collection.anki21', collection, media: [{ name: 'deckhand.png', bytes: picture }] }));
    writeFileSync(path.join(files, 'damaged.apkg'), readFileSync(path.join(files, 'japanese.apkg')).subarray(0, 600));
    await page.goto(`${app.url}#/import`);
    for (const [file, shot] of [['damaged.apkg', 'import-error'], ['japanese.apkg', 'import-report']] as const) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file to import…' }).click();
      await (await chooser).setFiles(path.join(files, file));
      await (shot === 'import-error' ? page.getByRole('alert') : page.getByRole('region', { name: 'Import report' })).waitFor();
      if (shot === 'import-report') await page.getByText(/^Skipped:/).click();
      await page.screenshot({ path: path.join(out, `${shot}-${scheme}.png`), fullPage: true });
    }
    await page.goto(`${app.url}#/`);
    await page.getByRole('button', { name: 'Study Languages::Japanese', exact: true }).click();
    await page.getByRole('img', { name: 'deckhand.png' }).waitFor();
    await page.screenshot({ path: path.join(out, `review-imported-${scheme}.png`) });

    // Reading: the shipped article with its highlights and words selected for a card, the editor
    // that opens on them, an article added from pasted text, its drafts in the inbox, the library.
    const reader = new ReaderPage(page);
    await page.goto(`${app.url}#/article/china-north-korea`);
    await reader.selectWords('shared communist ties and geographical proximity');
    await page.screenshot({ path: path.join(out, `reader-${scheme}.png`) });
    // The same by keyboard: the text focused, a sentence marked, words selected; then the details form with a bad date.
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await reader.tabToText();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await reader.selectionBar.getByText('“to focus”', { exact: true }).waitFor();
    // Away from the text, so no passage shows the underline of a pointer over it.
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(out, `reader-keyboard-${scheme}.png`) });
    const details = await reader.openDetails();
    await details.getByRole('textbox', { name: 'Date' }).fill('2018-02-30');
    await page.keyboard.press('Enter');
    await details.getByRole('alert').waitFor();
    await page.screenshot({ path: path.join(out, `article-details-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await reader.selectWords('shared communist ties and geographical proximity');
    await page.keyboard.press('q');
    await page.getByRole('figure', { name: 'From the article' }).waitFor();
    await page.keyboard.type('Which two ties do experts say bind China and North Korea?');
    await page.screenshot({ path: path.join(out, `edit-from-article-${scheme}.png`) });
    await page.goto(`${app.url}#/inbox/china-north-korea`);
    await page.getByText('No drafts waiting.').waitFor();
    await page.screenshot({ path: path.join(out, `inbox-empty-${scheme}.png`) });
    await page.goto(`${app.url}#/articles`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Why China works with its neighbours');
    await page.getByRole('textbox', { name: 'Text' }).fill(readFileSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea/article.txt'), 'utf8').split('\n').slice(2, 7).join('\n\n'));
    await page.getByRole('button', { name: 'Add the text' }).click();
    await page.getByRole('button', { name: 'Draft cards' }).click();
    await page.getByText(/^Drafted \d+ cards?/).waitFor();
    await page.screenshot({ path: path.join(out, `reader-drafted-${scheme}.png`) });
    await page.getByRole('link', { name: /^Inbox \(/ }).click();
    const inbox = new InboxPage(page);
    await inbox.focusFirst();
    await page.keyboard.press('a');
    await inbox.status.waitFor();
    await page.screenshot({ path: path.join(out, `inbox-${scheme}.png`) });
    await page.goto(`${app.url}#/articles`);
    await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').nth(1).waitFor();
    await page.screenshot({ path: path.join(out, `library-${scheme}.png`), fullPage: true });
    await app.close();

    const withHistory = await launchPreview({ dataDir: studied, colorScheme: scheme, now: '2026-03-02T09:00:00' });
    await withHistory.page.goto(`${withHistory.url}#/stats`);
    await withHistory.page.getByRole('heading', { name: 'Memory (FSRS)' }).waitFor();
    // Focus on a day shows its count under the calendar, as pointing at it does.
    await withHistory.page.getByRole('gridcell', { name: /on 26 February 2026$/ }).focus();
    await withHistory.page.screenshot({ path: path.join(out, `stats-${scheme}.png`), fullPage: true });
    // Deck options after optimising the preset on that year: the health check and the parameters.
    await withHistory.page.goto(`${withHistory.url}#/settings`);
    const preset = withHistory.page.getByRole('group', { name: 'Preset: Default' });
    await preset.getByRole('button', { name: 'Optimise this preset' }).click();
    await preset.getByRole('region', { name: 'Health check' }).waitFor({ timeout: 60_000 });
    await preset.getByRole('region', { name: 'FSRS parameters' }).screenshot({ path: path.join(out, `optimise-${scheme}.png`) });
    await preset.getByRole('button', { name: 'Simulate the workload' }).click();
    const workload = preset.getByRole('region', { name: 'Help me decide' });
    await workload.getByRole('status').waitFor({ timeout: 60_000 });
    await workload.screenshot({ path: path.join(out, `workload-${scheme}.png`) });
    await withHistory.close();
  }
} finally {
  // The previews and browsers left open by a failure, and every temp folder made above.
  await cleanUp();
}
console.log(`Screenshots in ${out}`);
