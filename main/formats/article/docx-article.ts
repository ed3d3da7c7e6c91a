// A Word document (.docx). mammoth reads the text of its paragraphs, lists, tables, footnotes and
// endnotes in order, and the core properties (docProps/core.xml) give the title, author and date.
// mammoth's zip reader (JSZip) inflates members without any limit, so the archive is unpacked here
// first, under the article's budget, and mammoth gets the text parts again, stored uncompressed:
// a zip bomb is stopped before it reaches mammoth. Images are left out; only text is wanted.
import { zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { ArticleError } from './article-error.ts';
import { isoDate } from './article-date.ts';
import type { ArticleParts } from './article.ts';
import { openZip } from './zip-members.ts';
import { firstText, xmlElements } from './xml-elements.ts';

const NOT_DOCX = 'this is not a Word .docx file; if it is an older .doc, open it in Word or LibreOffice, save it as .docx and open that';

const CORE = 'docProps/core.xml';

/** XML and relationship parts: the text and what mammoth needs to place it. */
const isTextPart = (name: string) => /\.(xml|rels)$/i.test(name);

export async function readDocxArticle(file: string, bytes: Uint8Array): Promise<ArticleParts> {
  const zip = openZip(file, bytes, NOT_DOCX);
  if (!zip.has('word/document.xml')) throw new ArticleError(file, NOT_DOCX);
  const parts = zip.unpack(isTextPart);
  const stored: Zippable = {};
  for (const [name, data] of parts) stored[name] = [data, { level: 0 }];
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(zipSync(stored)) })).value;
  } catch {
    throw new ArticleError(file, 'this Word document is damaged and its text cannot be read; if it opens in Word or LibreOffice, save it again and open the copy');
  }
  const coreXml = parts.get(CORE);
  const core = coreXml ? xmlElements(new TextDecoder().decode(coreXml)) : [];
  return {
    title: firstText(core, 'title'),
    author: firstText(core, 'creator'),
    date: isoDate(firstText(core, 'created')),
    paragraphs: raw.split(/\n\s*\n/),
  };
}
