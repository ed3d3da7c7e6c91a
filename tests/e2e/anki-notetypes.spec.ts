// An Anki deck with a note type of its own, imported and studied: the card looks as its template
// and CSS made it look in Anki, hint and all, and the answer repeats the question as Anki's does.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { occlusionPackage, physicsPackage, typeInPackage, vocabPackage } from '../unit/formats/fixtures/anki-notetypes.ts';
import { launchPreview, tempDataDir, tempDir, test } from './harness.ts';
import { HomePage, ReviewPage } from './pages.ts';

test('studies an imported custom note type through its own template and CSS', async () => {
  const file = path.join(tempDir('deckhand-import-'), 'spanish.apkg');
  writeFileSync(file, await vocabPackage());
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.heading.waitFor();
  await page.getByRole('link', { name: 'Import/Export' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('Imported spanish.apkg: 2 cards added');

  await page.getByRole('link', { name: /Decks/ }).click();
  await home.study('Spanish');
  const review = new ReviewPage(page);
  // The first card asks the word, styled by the note type's CSS, with the example behind a hint.
  const word = review.question.locator('.word');
  await expect(word).toHaveText('perro');
  await expect(word).toHaveCSS('color', 'rgb(0, 0, 128)');
  await expect(word).toHaveCSS('font-size', '40px');
  const hint = review.question.getByText('Example', { exact: true });
  await expect(review.question.getByText('El perro ladra.')).toBeHidden();
  await hint.click();
  await expect(review.question.getByText('El perro ladra.')).toBeVisible();
  await expect(review.question).not.toContainText('{{');

  await page.keyboard.press('Space');
  await expect(review.answerSection.locator('.meaning')).toHaveText('dog');
  await expect(review.answerSection.locator('.word')).toHaveText('perro');
  // Its sibling, which asks the other way round through the second template, waits for another day
  // (tests/unit/import-anki-notetypes.test.ts shows it); the note type's CSS goes with the card.
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  await page.keyboard.press('3');
  await expect(review.progress).toHaveAttribute('aria-label', '1 studied, 0 left');
  await page.getByRole('link', { name: /Decks/ }).click();
  await home.heading.waitFor();
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  await app.close();
});

test('typesets MathJax formulas offline with the bundled KaTeX, inline and displayed', async () => {
  const file = path.join(tempDir('deckhand-import-'), 'physics.apkg');
  writeFileSync(file, await physicsPackage());
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.heading.waitFor();
  await page.getByRole('link', { name: 'Import/Export' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('Imported physics.apkg: 1 card added');
  await page.getByRole('link', { name: /Decks/ }).click();
  await home.study('Physics');
  const review = new ReviewPage(page);
  await expect(review.question.locator('.katex')).toHaveCount(2);
  await expect(review.question).not.toContainText('\\(');
  // The formula's glyphs are in KaTeX's own fonts, served by the app (nothing can be fetched from elsewhere).
  await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded'))).toBe(true);
  await page.keyboard.press('Space');
  const displayed = review.answerSection.locator('.katex-display');
  await expect(displayed).toHaveCount(1);
  await expect(displayed.locator('.mfrac')).toHaveCount(1);
  await expect(review.answerSection).not.toContainText('\\[');
  await app.close();
});

test('asks a type-in card with a box, and compares what was typed on the answer as Anki does', async () => {
  const file = path.join(tempDir('deckhand-import-'), 'spelling.apkg');
  writeFileSync(file, await typeInPackage());
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.heading.waitFor();
  await page.getByRole('link', { name: 'Import/Export' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('Imported spelling.apkg: 1 card added');
  await page.getByRole('link', { name: /Decks/ }).click();
  await home.study('Spelling');
  const review = new ReviewPage(page);
  const box = review.question.getByRole('textbox', { name: 'Type the answer' });
  await expect(box).toBeFocused();
  // Letters typed into the box are the answer, not shortcuts (e edits, - buries).
  await page.keyboard.type('d-e');
  await expect(box).toHaveValue('d-e');
  await page.keyboard.press('Enter');
  const compared = review.answerSection.locator('code.typeans');
  await expect(compared.locator('.typeBad')).toHaveText(['-e']);
  await expect(compared.locator('.typeMissed')).toHaveText(['og']);
  await expect(review.rating('Good')).toBeFocused();
  await app.close();
});

test("studies Anki's image occlusion as masks over the picture, not as the shapes' text", async () => {
  // A 200×100 PNG the browser decodes, so the masks have a picture to lie over.
  const { PNG } = await import('../unit/formats/fixtures/png.ts');
  const file = path.join(tempDir('deckhand-import-'), 'anatomy.apkg');
  writeFileSync(file, await occlusionPackage(PNG(200, 100)));
  const app = await launchPreview({ dataDir: tempDataDir(), now: '2026-03-02T09:00:00', fuzz: false });
  const { page } = app;
  const home = new HomePage(page);
  await home.heading.waitFor();
  await page.getByRole('link', { name: 'Import/Export' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('Imported anatomy.apkg: 3 cards added');
  await page.getByRole('link', { name: /Decks/ }).click();
  await home.study('Anatomy');
  const review = new ReviewPage(page);
  const picture = review.question.getByRole('img', { name: 'heart.png' });
  await expect(picture).toBeVisible();
  await expect(review.question).not.toContainText('image-occlusion');
  await expect(review.question.locator('.io-mask')).toHaveCount(3);
  const active = review.question.locator('.io-mask.io-active');
  await expect(active).toHaveCSS('background-color', 'rgb(255, 142, 142)');
  // Each mask lies over the picture.
  const image = (await picture.boundingBox())!;
  for (const mask of await review.question.locator('.io-mask').all()) {
    const box = (await mask.boundingBox())!;
    expect(box.width).toBeGreaterThan(10);
    expect(box.x).toBeGreaterThanOrEqual(image.x - 1);
    expect(box.y).toBeGreaterThanOrEqual(image.y - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(image.x + image.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(image.y + image.height + 1);
  }
  await page.keyboard.press('Space');
  await expect(review.answerSection.locator('.io-mask.io-shown')).toHaveCount(1);
  await expect(review.answerSection).toContainText('Left side pumps to the body');
  await app.close();
});
