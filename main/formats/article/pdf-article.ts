// A PDF with a text layer, read with pdf.js (Firefox's PDF reader) in this process: its "fake
// worker" runs the parser on the main thread, so nothing is spawned. Nothing is fetched either:
// the bytes are handed over, and no URL for fonts, CMaps or wasm is given. Font programs are not
// compiled to JavaScript (isEvalSupported: false; CVE-2024-4367 ran code through that path), and a
// PDF's own scripts are never run by pdf.js outside its viewer's scripting sandbox.
import { ArticleError } from './article-error.ts';
import { isoDate } from './article-date.ts';
import type { ArticleParts } from './article.ts';
import { cleanParagraph } from './article-text.ts';
import { paragraphsOfPdf, type PdfTextItem } from './pdf-paragraphs.ts';

/** The header may follow up to a kilobyte of other bytes, which readers accept (PDF 32000 Annex H.3). */
function isPdf(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** Titles that name the file or the program that made it, not the text: "Microsoft Word - draft.docx", "untitled". */
function realTitle(title: unknown): string | null {
  const t = typeof title === 'string' ? cleanParagraph(title) : '';
  if (!t || /^(untitled|document\d*|microsoft \w+ - )/i.test(t) || /\.(docx?|pdf|indd|tex|odt|rtf|pages)$/i.test(t)) return null;
  return t;
}

const text = (value: unknown) => (typeof value === 'string' ? cleanParagraph(value) || null : null);

async function openPdf(file: string, bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's bytes whole.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy();
    if ((e as Error).name === 'PasswordException') {
      throw new ArticleError(file, 'this PDF is locked with a password; open it in a PDF reader, save a copy without the password and open that');
    }
    throw new ArticleError(file, 'this PDF is damaged and cannot be read; if it opens in a PDF reader, print it to a new PDF and open that');
  }
}

export async function readPdfArticle(file: string, bytes: Uint8Array): Promise<ArticleParts> {
  if (!isPdf(bytes)) throw new ArticleError(file, 'this is not a PDF file, whatever its name says; open the article in the program that made it and save it as PDF again');
  const doc = await openPdf(file, bytes);
  try {
    const pages: PdfTextItem[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item ? [item] : [])));
      page.cleanup();
    }
    if (!pages.some((items) => items.some((item) => item.str.trim()))) {
      throw new ArticleError(file, 'this PDF has no text to read: it may be scanned images');
    }
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const fields = info as Record<string, unknown>;
    return {
      title: realTitle(fields.Title) ?? realTitle(metadata?.get('dc:title')),
      author: text(fields.Author) ?? text(metadata?.get('dc:creator')),
      date: isoDate(text(fields.CreationDate)) ?? isoDate(text(metadata?.get('xmp:createdate'))),
      paragraphs: paragraphsOfPdf(pages),
    };
  } catch (e) {
    if (e instanceof ArticleError) throw e;
    throw new ArticleError(file, 'this PDF is damaged and its text cannot be read; if it opens in a PDF reader, print it to a new PDF and open that');
  } finally {
    await doc.destroy();
  }
}
