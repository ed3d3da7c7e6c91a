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
  // Anki draws image occlusion with a script of its own; here the masks are drawn from the shapes.
  const occlusion = notetype.cloze ? occlusionFaces(card.fields, clozeNumber) : null;
  if (occlusion) return { ...occlusion, css: `${scopeCss(notetype.css)}\n${occlusion.css}`, problems: [] };
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

/** One shape of Anki's image occlusion (23.10+): `{{c2::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1:oi=1}}`. */
interface Occlusion {
  ordinal: number;
  kind: string;
  /** Fractions of the picture's width and height. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** "Hide all, guess one": the other shapes stay masked. */
  occludeInactive: boolean;
}

const OCCLUSION = /\{\{c(\d+)::image-occlusion:([a-z]+):([^}]*?)\}\}/g;

export function occlusionsIn(text: string): Occlusion[] {
  const shapes: Occlusion[] = [];
  for (const m of text.matchAll(OCCLUSION)) {
    const props = new Map(m[3]!.split(':').map((kv) => kv.split('=') as [string, string]));
    const num = (k: string) => Math.min(1, Math.max(0, Number(props.get(k) ?? 0) || 0));
    let box = { left: num('left'), top: num('top'), width: num('width'), height: num('height') };
    if (m[2] === 'polygon') {
      // Its points, "x,y x,y …", give the box it is masked with.
      const points = (props.get('points') ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
      if (points.length) {
        const xs = points.map(([x]) => x);
        const ys = points.map(([, y]) => y);
        box = { left: Math.min(...xs), top: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      }
    }
    if (m[2] === 'ellipse' && !props.has('width')) box = { left: num('left'), top: num('top'), width: 2 * num('rx'), height: 2 * num('ry') };
    shapes.push({ ordinal: Number(m[1]), kind: m[2]!, ...box, occludeInactive: props.get('oi') === '1' });
  }
  return shapes;
}

/**
 * An image occlusion card drawn without Anki's script: the picture with a mask over each shape, the
 * card's own shapes highlighted on the question and uncovered (outlined) on the answer; the other
 * shapes stay masked where the note hides them all. Each mask is placed by a rule of the card's CSS.
 */
export function occlusionFaces(fields: Readonly<Record<string, string>>, cloze: number): { question: string; answer: string; css: string } | null {
  const occlusionField = Object.keys(fields).find((name) => /\{\{c\d+::image-occlusion:/.test(fields[name]!));
  if (!occlusionField) return null;
  const shapes = occlusionsIn(fields[occlusionField]!);
  const image = fields.Image ?? Object.values(fields).find((v) => /<img\b/i.test(v)) ?? '';
  const pct = (n: number) => `${Math.round(n * 100_000) / 1000}%`;
  const css = [
    `.${ANKI_CARD_CLASS} .io { position: relative; display: inline-block; }`,
    `.${ANKI_CARD_CLASS} .io img { display: block; margin: 0; max-width: 100%; }`,
    `.${ANKI_CARD_CLASS} .io-mask { position: absolute; box-sizing: border-box; background: #ffeba2; border: 1px solid #212121; }`,
    `.${ANKI_CARD_CLASS} .io-mask.io-ellipse { border-radius: 50%; }`,
    `.${ANKI_CARD_CLASS} .io-mask.io-active { background: #ff8e8e; }`,
    `.${ANKI_CARD_CLASS} .io-mask.io-shown { background: transparent; border: 2px solid #ff8e8e; }`,
    ...shapes.map((s, i) => `.${ANKI_CARD_CLASS} .io-s${i} { left: ${pct(s.left)}; top: ${pct(s.top)}; width: ${pct(s.width)}; height: ${pct(s.height)}; }`),
  ].join('\n');
  const face = (side: 'question' | 'answer') => {
    const masks = shapes
      .map((s, i) => {
        const own = s.ordinal === cloze;
        if (!own && !s.occludeInactive) return '';
        const state = own ? (side === 'question' ? ' io-active' : ' io-shown') : '';
        return `<div class="io-mask io-s${i}${s.kind === 'ellipse' ? ' io-ellipse' : ''}${state}"></div>`;
      })
      .join('');
    const header = fields.Header && fields.Header.trim() ? `<div class="io-header">${fields.Header}</div>` : '';
    const extra = side === 'answer' && fields['Back Extra']?.trim() ? `<div class="io-extra">${fields['Back Extra']}</div>` : '';
    return `${header}<div class="io">${image}${masks}</div>${extra}`;
  };
  return { question: face('question'), answer: face('answer'), css };
}
