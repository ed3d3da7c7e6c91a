// A Deckhand note as Anki stores one: its notetype, its fields as HTML, its GUID and tags, and the
// sort field and checksum Anki derives from the first field. Shared by the .apkg and text exporters
// so both say the same thing about a note.
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import type { Note, NoteType } from '../../domain/card.ts';

/** The stock notetype each of our note types becomes, by the name Anki gives it. */
export const NOTETYPE_NAMES: Record<NoteType, string> = {
  basic: 'Basic',
  reversed: 'Basic (and reversed card)',
  cloze: 'Cloze',
};

// The renderer's settings: raw HTML in Markdown stays text, so it is escaped here as it is shown there.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * Markdown as the HTML Anki fields hold. A single paragraph loses its `<p>`, as text typed into
 * Anki's editor has none, so a one-line answer reads the same in the browser column and the card.
 */
export function markdownToHtml(source: string): string {
  if (source === '') return '';
  const html = markdown.render(source).replace(/\n$/, '');
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** The note's fields in notetype order: Front, Back; or Text, Back Extra. */
export function ankiFields(note: Note): string[] {
  const asHtml = (text: string) => (note.format === 'html' ? text : markdownToHtml(text));
  if (note.type === 'cloze') return [asHtml(note.text), asHtml(note.extra ?? '')];
  return [asHtml(note.front), asHtml(note.back)];
}

/**
 * A note imported from Anki keeps its GUID, so importing the export into Anki updates that note
 * instead of adding a copy. Any other note gets one derived from its id: the same on every export.
 */
export function ankiGuid(note: Note): string {
  if (note.origin?.startsWith('anki:') && note.origin.length > 'anki:'.length) return note.origin.slice('anki:'.length);
  const digest = createHash('sha1').update(`deckhand:${note.id}`).digest();
  return base91(digest.readBigUInt64BE(0));
}

// Anki's own GUIDs are a random 64-bit number in this base-91 alphabet (anki/utils.py `guid64`);
// derived ones use it too so they look like any other. No library encodes in it.
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

function base91(value: bigint): string {
  let out = '';
  let rest = value;
  do {
    out = BASE91[Number(rest % 91n)]! + out;
    rest /= 91n;
  } while (rest > 0n);
  return out;
}

/** Anki separates tags with spaces, so a space inside one would split it. */
export function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

// Anki's `strip_html` (rslib/src/text.rs): comments, style and script elements, then every tag.
// These regular expressions mirror Anki's so the sort field and checksum match what Anki computes;
// an HTML parser would differ from it on malformed markup.
const HTML_TAGS = /<!--[\s\S]*?-->|<style[\s\S]*?>[\s\S]*?<\/style>|<script[\s\S]*?>[\s\S]*?<\/script>|<[\s\S]*?>/gi;
const IMG_TAG = /<img[^>]+src=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))/gi;
const ENTITY = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g;

/** Anki's `strip_html_preserving_media_filenames`: the text Anki sorts and checks duplicates by. */
export function stripHtmlPreservingMedia(html: string): string {
  const text = html.replace(IMG_TAG, (_all, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ''} `).replace(HTML_TAGS, '');
  // markdown-it's entity decoder (its backslash unescaping never applies: a match holds no backslash).
  return text.replace(ENTITY, (entity) => markdown.utils.unescapeAll(entity)).replace(/\u00a0/g, ' ');
}

/** Anki's `field_checksum`: the first 8 hex digits of the SHA-1 of the stripped first field, as a number. */
export function fieldChecksum(strippedFirstField: string): number {
  return createHash('sha1').update(strippedFirstField, 'utf8').digest().readUInt32BE(0);
}
