// The size check every text reader makes before parsing, so a huge file is refused at once.
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import { ImportError } from '../bundle.ts';

const MB = 1024 * 1024;

/**
 * Throws when the text is over `IMPORT_LIMITS.maxTextBytes`. A string's length in UTF-16 units is
 * never more than its UTF-8 size, so it decides most texts without encoding them; only a text
 * close to the limit is measured exactly.
 */
export function refuseOversizedText(file: string, text: string): void {
  const limit = IMPORT_LIMITS.maxTextBytes;
  let bytes = text.length;
  if (bytes <= limit && bytes * 3 > limit) bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limit) throw new ImportError(file, `is ${Math.round(bytes / MB)} MB; text files over ${limit / MB} MB are not read`);
}
