import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { buildDocx, buildPdf, prose } from './article-files.ts';
import { refusal, utf8 } from './refusal.ts';

const paragraphs = prose(4);

describe('a Word document', () => {
  it('reads its paragraphs and the title, author and date of its core properties', async () => {
    const docx = buildDocx({ paragraphs, title: 'The Harbour in Winter', creator: 'Ann Smith', created: '2018-10-30T09:00:00Z' });
    const read = await readArticleFile('harbour.docx', docx);
    expect(read).toMatchObject({ title: 'The Harbour in Winter', author: 'Ann Smith', date: '2018-10-30', format: 'docx' });
    expect(read.text.split('\n\n')).toEqual(paragraphs);
  });

  it('falls back to the file name without core properties, and skips empty paragraphs', async () => {
    const read = await readArticleFile('Draft 3.docx', buildDocx({ paragraphs: [paragraphs[0]!, '', '  ', ...paragraphs.slice(1)] }));
    expect(read).toMatchObject({ title: 'Draft 3', author: null, date: null });
    expect(read.text.split('\n\n')).toEqual(paragraphs);
  });

  it('refuses an old .doc or another file named .docx', async () => {
    const message = 'this is not a Word .docx file; if it is an older .doc, open it in Word or LibreOffice, save it as .docx and open that';
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]);
    expect(await refusal(() => readArticleFile('old.docx', ole))).toBe(`old.docx: ${message}`);
    expect(await refusal(() => readArticleFile('other.docx', zipSync({ 'a.txt': strToU8('hello') })))).toBe(`other.docx: ${message}`);
    expect(await refusal(() => readArticleFile('paper.docx', buildPdf([{ lines: [] }])))).toBe(`paper.docx: ${message}`);
  });

  it('refuses a damaged archive and a zip bomb before mammoth sees it', async () => {
    const docx = buildDocx({ paragraphs });
    expect(await refusal(() => readArticleFile('cut.docx', docx.subarray(0, docx.length - 30)))).toMatch(/^cut\.docx: the zip archive is damaged/);
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(201 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(() => readArticleFile('bomb.docx', bomb))).toBe('bomb.docx: would unpack to more than 200 MiB: refusing a possible zip bomb');
  });

  it('refuses a document whose text is too short', async () => {
    expect(await refusal(() => readArticleFile('memo.docx', buildDocx({ paragraphs: ['Back at five.'] })))).toBe('memo.docx: it has 3 words, too short to be an article (at least 50 words are needed)');
  });

  it('refuses text that is not a zip at all', async () => {
    expect(await refusal(() => readArticleFile('notes.docx', utf8(paragraphs.join('\n'))))).toMatch(/^notes\.docx: this is not a Word \.docx file/);
  });
});
