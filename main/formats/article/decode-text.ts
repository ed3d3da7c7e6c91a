// Bytes of a text file (.txt, .md, .html) into a string. UTF-8 with or without a BOM is what
// editors and browsers save today; UTF-16 with a BOM is what Windows Notepad saved as "Unicode";
// anything else that is still text is most likely Windows-1252, which older Windows tools wrote and
// which decodes every byte, so it comes last.
import { ArticleError } from './article-error.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * A text file has no NUL bytes and almost no control characters outside tab, line feed, form feed
 * and carriage return; images, archives and executables have many in their first kilobytes.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return control > sample.length / 100;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG Encoding index); the rest of its bytes
 * are Latin-1. Node 20's TextDecoder decodes "windows-1252" as Latin-1 throughout, turning curly
 * quotes and dashes into invisible control characters, so these are mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function knownEncoding(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * The file's text with line endings made `\n`; refuses what is not text. `declared` is the
 * encoding the file names for itself (an HTML page's `<meta charset>`), tried when the bytes are
 * not UTF-8.
 */
export function decodeText(file: string, bytes: Uint8Array, declared?: string): string {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes);
  else if (looksBinary(bytes)) {
    throw new ArticleError(file, 'this is not a text file (it holds binary data); save the article as text, HTML, PDF, Word or EPUB and open that');
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const encoding = knownEncoding(declared);
      text = encoding && encoding !== 'windows-1252' ? new TextDecoder(encoding).decode(bytes) : decodeWindows1252(bytes);
    }
  }
  return text.replace(/\r\n?/g, '\n');
}
