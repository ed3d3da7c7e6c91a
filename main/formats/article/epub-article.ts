// An EPUB book or long-form article (EPUB 2 and 3). The container names the package document; its
// spine gives the reading order of the XHTML documents, each read with the same walk as a web page;
// its Dublin Core metadata gives the title, author and date. A book locked with DRM (its documents
// encrypted, META-INF/encryption.xml) is refused: its bytes are not text.
import path from 'node:path';
import { ArticleError } from './article-error.ts';
import { isoDate } from './article-date.ts';
import type { ArticleParts } from './article.ts';
import { decodeText } from './decode-text.ts';
import { paragraphsOfDom, type DomNode } from './dom-text.ts';
import { parseHtmlDocument } from './html-document.ts';
import { firstText, xmlElements, type XmlElement } from './xml-elements.ts';
import { openZip, type ZipArchive } from './zip-members.ts';

const NOT_EPUB = 'this is not an EPUB book; open it in the program that made it and export it as EPUB again';
const CONTAINER = 'META-INF/container.xml';
const ENCRYPTION = 'META-INF/encryption.xml';

const utf8 = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : '');

/** A path the package names relative to itself, as the archive names it: `Text/ch%201.xhtml#s2` → `OEBPS/Text/ch 1.xhtml`. */
function memberPath(packagePath: string, href: string): string {
  let decoded = href.replace(/#.*$/, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A stray % in a name: the href is used as written.
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(packagePath), decoded));
}

/** The package document's path, as the container names it. */
function packagePathOf(file: string, zip: ZipArchive): string {
  if (!zip.has(CONTAINER)) throw new ArticleError(file, NOT_EPUB);
  const container = xmlElements(utf8(zip.unpack((n) => n === CONTAINER).get(CONTAINER)));
  const packagePath = container.find((el) => el.name === 'rootfile')?.attribute('full-path');
  if (!packagePath || !zip.has(packagePath)) throw new ArticleError(file, 'this EPUB is damaged: its container names no package document the book holds');
  return packagePath;
}

/** The documents to read, in reading order: the spine's linear items, the navigation document left out. */
function spineOf(packagePath: string, opf: readonly XmlElement[]): string[] {
  const manifest = new Map<string, XmlElement>();
  for (const el of opf) if (el.name === 'item' && el.attribute('id')) manifest.set(el.attribute('id')!, el);
  return opf
    .filter((el) => el.name === 'itemref' && el.attribute('linear') !== 'no')
    .map((ref) => manifest.get(ref.attribute('idref') ?? ''))
    .filter((item) => item !== undefined && !/\bnav\b/.test(item.attribute('properties') ?? '') && item.attribute('href'))
    .map((item) => memberPath(packagePath, item!.attribute('href')!));
}

/** Whether the documents themselves are encrypted (fonts alone are obfuscated in many honest books). */
function isLocked(zip: ZipArchive): boolean {
  if (!zip.has(ENCRYPTION)) return false;
  const encryption = xmlElements(utf8(zip.unpack((n) => n === ENCRYPTION).get(ENCRYPTION)));
  return encryption.some((el) => el.name === 'CipherReference' && /\.x?html?$/i.test(el.attribute('URI') ?? ''));
}

export function readEpubArticle(file: string, bytes: Uint8Array): ArticleParts {
  const zip = openZip(file, bytes, NOT_EPUB);
  const packagePath = packagePathOf(file, zip);
  if (isLocked(zip)) throw new ArticleError(file, 'this book is locked with DRM, so its text cannot be read; open an unlocked copy');
  const opf = xmlElements(utf8(zip.unpack((n) => n === packagePath).get(packagePath)));
  const spine = spineOf(packagePath, opf);
  const wanted = new Set(spine);
  const documents = zip.unpack((n) => wanted.has(n));
  const paragraphs = spine.flatMap((name) => {
    const bytes = documents.get(name);
    if (!bytes) return [];
    const document = parseHtmlDocument(decodeText(file, bytes));
    return paragraphsOfDom((document.body ?? document) as DomNode);
  });
  return {
    title: firstText(opf, 'title'),
    author: firstText(opf, 'creator'),
    date: isoDate(firstText(opf, 'date')),
    paragraphs,
  };
}
