// An imported Anki note's card as Anki shows it: its note type's template rendered with the note's
// fields, and the note type's CSS made safe and confined to the card. Pure: the HTML still goes
// through the renderer's sanitiser, which is what keeps script and the network out of a card.
import type { Note } from './card.ts';
import type { Deck } from './deck.ts';
import { renderTemplate } from './anki-template.ts';

/** The class of the element a card is shown in; Anki's `.card` selector is rewritten to it. */
export const ANKI_CARD_CLASS = 'anki-card';

export interface AnkiFaces {
  question: string;
  answer: string;
  /** The note type's CSS, every rule confined to `.anki-card`, nothing in it that loads anything. */
  css: string;
  problems: string[];
}

/** The card of `note` made by `template` ('front', 'reverse', 'c3'), or null when its note type is not known. */
export function ankiFaces(note: Note, template: string, deck: Deck | undefined): AnkiFaces | null {
  const notetype = note.anki && deck?.notetypes?.[note.anki.notetype];
  if (!note.anki || !notetype) return null;
  const clozeNumber = Number(/^c(\d+)$/.exec(template)?.[1] ?? 0);
  const shape = notetype.templates[notetype.cloze ? 0 : template === 'reverse' ? 1 : 0];
  if (!shape) return null;
  const values = note.anki.fields;
  const card = {
    fields: Object.fromEntries(notetype.fields.map((name, i) => [name, values[i] ?? ''])),
    cloze: notetype.cloze ? clozeNumber : 0,
    tags: note.tags,
    deck: deck.title,
    card: shape.name,
    notetype: notetype.name,
  };
  const question = renderTemplate(shape.question, card, { side: 'question' });
  // A blank question (a template that shows nothing for this note): the note's own sides instead.
  if (question.html.replace(/<[^>]*>|\s|&nbsp;/g, '') === '' && !/<img|\[sound:/i.test(question.html)) return null;
  const answer = renderTemplate(shape.answer, card, { side: 'answer', frontSide: question.html });
  return { question: question.html, answer: answer.html, css: scopeCss(notetype.css), problems: [...question.problems, ...answer.problems] };
}

/** A declaration that could load something or run something: dropped. */
const UNSAFE = /url\s*\(|expression\s*\(|javascript:|behavior\s*:|-moz-binding|@import/i;

/**
 * The note type's CSS confined to the card: every selector is put under `.anki-card` (Anki's `.card`
 * and `html`/`body` become it; `.nightMode .card` becomes `.anki-card.nightMode`), `@media` and
 * `@supports` blocks are kept with their rules confined the same way, and every other at-rule
 * (`@import`, `@font-face`, …) and any declaration with `url(` is left out.
 */
export function scopeCss(css: string, scope = `.${ANKI_CARD_CLASS}`): string {
  // Comments, and the at-rules that end in `;` rather than a block (`@import`, `@charset`, …).
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@[a-z-]+[^;{}]*;/gi, '');
  return scopeBlock(text, scope).trim();
}

function scopeBlock(text: string, scope: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    // A stray `}` or `;` before a selector (hand-broken CSS) must not carry it out of the scope.
    const head = text.slice(at, open).split(/[;}]/).pop()!.trim();
    const close = matchingBrace(text, open);
    const body = text.slice(open + 1, close);
    at = close + 1;
    if (head.startsWith('@')) {
      if (/^@(media|supports)\b/i.test(head) && !UNSAFE.test(head)) out += `${head} {\n${scopeBlock(body, scope)}}\n`;
      continue;
    }
    const declarations = body
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d && !UNSAFE.test(d));
    if (!head || !declarations.length) continue;
    out += `${head.split(',').map((s) => scopeSelector(s.trim(), scope)).join(', ')} { ${declarations.join('; ')}; }\n`;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

function scopeSelector(selector: string, scope: string): string {
  const s = selector
    .replace(/\.(nightMode|night_mode)\s+\.card\b/g, '.card.$1')
    .replace(/^(html|body|:root)\b\s*/, '.card ')
    .replace(/\.card\b/g, scope)
    .trim();
  return s.startsWith(scope) ? s : `${scope} ${s}`;
}
