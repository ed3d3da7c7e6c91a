// Article files the tests build themselves: prose long enough to be an article, and minimal but
// valid PDF, .docx and .epub files written from their specifications' smallest parts.
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Sentences of plain English prose, enough of them for an article (each ~20 words). */
export const SENTENCES = [
  'The harbour master kept a careful log of every ship that entered the bay during the long winter months.',
  'Most of the vessels carried timber from the northern forests, and a few brought salt fish for the markets.',
  'When the ice finally broke in April, the town celebrated with a festival that lasted for three whole days.',
  'Children ran along the quay while their parents traded news with sailors who had been away since autumn.',
  'Historians now read that log as the best record of how the small port survived its hardest decade.',
  'It shows that trade fell by half, yet the number of ships that called at the harbour hardly changed at all.',
];

/** `n` paragraphs of prose, each three sentences. */
export const prose = (n: number): string[] => Array.from({ length: n }, (_, i) => [0, 1, 2].map((j) => SENTENCES[(i + j) % SENTENCES.length]).join(' '));

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

export interface PdfPage {
  /** Each line at its baseline's height (points from the bottom of a 792-point page). */
  lines: { y: number; text: string; size?: number; x?: number }[];
}

/**
 * A PDF 1.4 file: a catalog, a page tree, one content stream a page drawing its lines in
 * Helvetica (a standard font, so nothing is embedded), and an Info dictionary; the xref table
 * gives each object's byte offset, as PDF 32000 §7.5.4 requires.
 */
export function buildPdf(pages: PdfPage[], info: Record<string, string> = {}): Uint8Array {
  const pageIds = pages.map((_, i) => 4 + i * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (const [i, page] of pages.entries()) {
    const content = page.lines.map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x ?? 72} ${l.y} Td (${escapePdf(l.text)}) Tj ET`).join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageIds[i]! + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  const infoEntries = Object.entries(info).map(([k, v]) => `/${k} (${escapePdf(v)})`);
  objects.push(`<< ${infoEntries.join(' ')} >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1, one byte a character, so the offsets counted in characters are byte offsets.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** Lines of text down a page from the top, `leading` points apart, a blank line's space between paragraphs. */
export function pdfLines(paragraphs: string[][], leading = 14, top = 740): PdfPage['lines'] {
  const lines: PdfPage['lines'] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    for (const text of paragraph) {
      lines.push({ y, text });
      y -= leading;
    }
    y -= leading;
  }
  return lines;
}

/** Wraps a text into lines of at most `width` characters, as a PDF's layout would. */
export function wrap(text: string, width = 70): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocxContent {
  paragraphs: string[];
  title?: string;
  creator?: string;
  created?: string;
}

/** A .docx: the content types, the package relationships, the main document and the core properties (ECMA-376 Part 2). */
export function buildDocx({ paragraphs, title, creator, created }: DocxContent): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  const core = [
    title === undefined ? '' : `<dc:title>${xmlEscape(title)}</dc:title>`,
    creator === undefined ? '' : `<dc:creator>${xmlEscape(creator)}</dc:creator>`,
    created === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>`,
  ].join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    'docProps/core.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `${core}</cp:coreProperties>`,
    ),
  };
  return zipSync(files);
}

export interface EpubContent {
  /** Each chapter's XHTML body. */
  chapters: string[];
  title?: string;
  creator?: string;
  date?: string;
  /** The spine's order as chapter indexes, when not the manifest's. */
  spine?: number[];
  extra?: Zippable;
}

/** An EPUB 3: the mimetype first and stored, the container, the package document and the chapters under OEBPS/. */
export function buildEpub({ chapters, title, creator, date, spine, extra = {} }: EpubContent): Uint8Array {
  const meta = [
    title === undefined ? '' : `<dc:title>${xmlEscape(title)}</dc:title>`,
    creator === undefined ? '' : `<dc:creator>${xmlEscape(creator)}</dc:creator>`,
    date === undefined ? '' : `<dc:date>${date}</dc:date>`,
  ].join('');
  const items = chapters.map((_, i) => `<item id="c${i}" href="Text/chapter%20${i}.xhtml" media-type="application/xhtml+xml"/>`).join('');
  const refs = (spine ?? chapters.map((_, i) => i)).map((i) => `<itemref idref="c${i}"/>`).join('');
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>' +
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">' +
        `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:1</dc:identifier>${meta}</metadata>` +
        `<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items}</manifest><spine><itemref idref="nav"/>${refs}</spine></package>`,
    ),
    'OEBPS/nav.xhtml': strToU8('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol><li>Table of contents entry</li></ol></nav></body></html>'),
    ...Object.fromEntries(
      chapters.map((body, i) => [
        `OEBPS/Text/chapter ${i}.xhtml`,
        strToU8(`<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter ${i}</title></head><body>${body}</body></html>`),
      ]),
    ),
    ...extra,
  };
  return zipSync(files);
}
