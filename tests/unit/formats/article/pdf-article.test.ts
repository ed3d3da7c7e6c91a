import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { buildPdf, pdfLines, prose, wrap } from './article-files.ts';
import { refusal, utf8 } from './refusal.ts';

const paragraphs = prose(4);

describe('a PDF with a text layer', () => {
  it('reads the text the smallest hand-made PDF draws', async () => {
    // pdf.js leaves out text drawn past the page's edge, so the article is wrapped to the page.
    const words = paragraphs.join(' ');
    const read = await readArticleFile('hello.pdf', buildPdf([{ lines: pdfLines([['Hello'], wrap(words)]) }]));
    expect(read.text).toBe(`Hello\n\n${words}`);
    expect(read).toMatchObject({ title: 'hello', author: null, date: null, format: 'pdf' });
  });

  it('joins wrapped lines into paragraphs, split where the gap between lines grows', async () => {
    const pdf = buildPdf([{ lines: pdfLines(paragraphs.map((p) => wrap(p))) }]);
    expect((await readArticleFile('a.pdf', pdf)).text.split('\n\n')).toEqual(paragraphs);
  });

  it('mends words hyphenated at a line break, and starts a paragraph at an indented line after a sentence', async () => {
    const lines = [
      { y: 700, text: 'The harbour master kept a careful log of every ship that en-' },
      { y: 686, text: 'tered the bay. A well-known record of the winter.' },
      { y: 672, text: 'Trade fell by half, yet the ships still came.', x: 90 },
      ...wrap(paragraphs[0]!).map((text, i) => ({ y: 658 - i * 14, text })),
    ];
    const read = await readArticleFile('b.pdf', buildPdf([{ lines }]));
    expect(read.text.split('\n\n')).toEqual(['The harbour master kept a careful log of every ship that entered the bay. A well-known record of the winter.', `Trade fell by half, yet the ships still came. ${paragraphs[0]}`]);
  });

  it('keeps a paragraph that runs onto the next page whole, without the page numbers', async () => {
    const [first, second] = [wrap(paragraphs[0]!), wrap(paragraphs[1]!)];
    const pages = [
      { lines: [...pdfLines([first.slice(0, 2)]), { y: 40, text: '1' }] },
      { lines: [...pdfLines([first.slice(2), second]), { y: 40, text: '2' }] },
    ];
    expect((await readArticleFile('c.pdf', buildPdf(pages))).text.split('\n\n')).toEqual([paragraphs[0], paragraphs[1]]);
  });

  it('takes title, author and date from the document information', async () => {
    const info = { Title: 'The Harbour in Winter', Author: 'Ann Smith', CreationDate: "D:20181030093000+09'00'" };
    const read = await readArticleFile('report.pdf', buildPdf([{ lines: pdfLines([wrap(paragraphs.join(' '))]) }], info));
    expect(read).toMatchObject({ title: 'The Harbour in Winter', author: 'Ann Smith', date: '2018-10-30' });
  });

  it('ignores a title that only names the file it was made from', async () => {
    const read = await readArticleFile('report.pdf', buildPdf([{ lines: pdfLines([wrap(paragraphs.join(' '))]) }], { Title: 'Microsoft Word - draft3.docx' }));
    expect(read.title).toBe('report');
  });

  it('refuses a PDF without a text layer, as a scan is', async () => {
    expect(await refusal(() => readArticleFile('scan.pdf', buildPdf([{ lines: [] }, { lines: [] }])))).toBe('scan.pdf: this PDF has no text to read: it may be scanned images');
  });

  it('refuses a file named .pdf that is not one, and a damaged one', async () => {
    expect(await refusal(() => readArticleFile('fake.pdf', utf8(paragraphs.join('\n'))))).toBe(
      'fake.pdf: this is not a PDF file, whatever its name says; open the article in the program that made it and save it as PDF again',
    );
    expect(await refusal(() => readArticleFile('cut.pdf', utf8('%PDF-1.4\n1 0 obj\n<< /Type /Catalog')))).toMatch(/^cut\.pdf: this PDF is damaged/);
  });

  it('refuses a PDF whose text is too short to be an article', async () => {
    expect(await refusal(() => readArticleFile('hello.pdf', buildPdf([{ lines: [{ y: 720, text: 'Hello' }] }])))).toBe(
      'hello.pdf: it has 1 word, too short to be an article (at least 50 words are needed)',
    );
  });

  it('leaves the bytes it was given as they were', async () => {
    const bytes = buildPdf([{ lines: pdfLines([wrap(paragraphs.join(' '))]) }]);
    const copy = bytes.slice();
    await readArticleFile('a.pdf', bytes);
    expect(bytes).toEqual(copy);
  });
});
