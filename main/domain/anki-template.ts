// Anki's card template language, rendered here so that an imported note type looks as it did in
// Anki: `{{Field}}`, sections `{{#Field}}…{{/Field}}` and `{{^Field}}…{{/Field}}`, `{{FrontSide}}`,
// the special fields (Tags, Deck, Subdeck, Card, Type) and the filters text:, hint:, type:, cloze:,
// tts (read as its text) and furigana:/kana:/kanji:. Pure: template and fields in, HTML out (still to
// be sanitised where it is shown), with a readable problem in place of anything it cannot render,
// never a raw `{{`.

/** An Anki note type as a deck keeps it, for the imported notes that use it. */
export interface AnkiNotetype {
  name: string;
  cloze: boolean;
  fields: string[];
  templates: { name: string; question: string; answer: string }[];
  css: string;
}

/** What an imported Anki note keeps besides its flattened sides: its note type and every field. */
export interface AnkiFields {
  /** The key of the note type in its deck's `notetypes`. */
  notetype: string;
  fields: string[];
}

export interface TemplateCard {
  /** The note's fields by name, HTML as Anki keeps them. */
  fields: Readonly<Record<string, string>>;
  /** The card's 1-based cloze number (`c1` is 1), for `{{cloze:…}}`; 0 for a card of another kind. */
  cloze: number;
  tags: readonly string[];
  deck: string;
  /** The template's name (`Card 1`), for `{{Card}}`. */
  card: string;
  notetype: string;
}

export interface RenderOptions {
  side: 'question' | 'answer';
  /** The question side as rendered, for `{{FrontSide}}` on the answer. */
  frontSide?: string;
  /** What the learner typed into the `{{type:…}}` box, compared on the answer. */
  typed?: string;
}

export interface Rendered {
  html: string;
  /** The field a `{{type:…}}` box asks for, when the template has one. */
  typeField: string | null;
  problems: string[];
}

type Node = { text: string } | { tag: string } | { section: string; inverted: boolean; body: Node[] };

/** The template as a tree; an unclosed or mismatched section is a problem, its text kept as text. */
function parse(template: string, problems: string[]): Node[] {
  const root: Node[] = [];
  const stack: { name: string; inverted: boolean; body: Node[] }[] = [];
  const current = () => stack.at(-1)?.body ?? root;
  const re = /\{\{([\s\S]*?)\}\}/g;
  let at = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > at) current().push({ text: template.slice(at, m.index) });
    at = m.index + m[0].length;
    const inner = m[1]!.trim();
    if (inner.startsWith('#') || inner.startsWith('^')) {
      stack.push({ name: inner.slice(1).trim(), inverted: inner.startsWith('^'), body: [] });
    } else if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) {
        problems.push(open ? `the section {{#${open.name}}} is closed by {{/${name}}}` : `{{/${name}}} closes no section`);
        if (open) stack.push(open);
        continue;
      }
      current().push({ section: open.name, inverted: open.inverted, body: open.body });
    } else current().push({ tag: inner });
  }
  if (at < template.length) current().push({ text: template.slice(at) });
  while (stack.length) {
    const open = stack.pop()!;
    problems.push(`the section {{${open.inverted ? '^' : '#'}${open.name}}} is never closed`);
    current().push(...open.body);
  }
  return root;
}

/** Empty as Anki counts it: nothing but whitespace and empty markup. */
export function isEmptyField(html: string): boolean {
  return html.replace(/<br\s*\/?>|<\/?div>|&nbsp;|\s/gi, '') === '';
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The field's text without markup, as `{{text:…}}` and the type-in comparison see it. */
export function fieldText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/div>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export function renderTemplate(template: string, card: TemplateCard, options: RenderOptions): Rendered {
  const problems: string[] = [];
  const state = { typeField: null as string | null };
  const tree = parse(template, problems);
  const html = renderNodes(tree, card, options, problems, state);
  return { html, typeField: state.typeField, problems };
}

function special(name: string, card: TemplateCard, options: RenderOptions): string | undefined {
  switch (name) {
    case 'FrontSide':
      return options.side === 'answer' ? (options.frontSide ?? '') : '';
    case 'Tags':
      return card.tags.join(' ');
    case 'Deck':
      return card.deck;
    case 'Subdeck':
      return card.deck.split('::').at(-1) ?? '';
    case 'Card':
      return card.card;
    case 'Type':
      return card.notetype;
    default:
      return undefined;
  }
}

function renderNodes(nodes: Node[], card: TemplateCard, options: RenderOptions, problems: string[], state: { typeField: string | null }): string {
  let out = '';
  for (const node of nodes) {
    if ('text' in node) out += node.text;
    else if ('section' in node) {
      const value = card.fields[node.section] ?? special(node.section, card, options);
      if (value === undefined) {
        problems.push(`{{#${node.section}}}: the note has no field “${node.section}”`);
        continue;
      }
      const shown = !isEmptyField(value);
      if (shown !== node.inverted) out += renderNodes(node.body, card, options, problems, state);
    } else out += renderTag(node.tag, card, options, problems, state);
  }
  return out;
}

function renderTag(tag: string, card: TemplateCard, options: RenderOptions, problems: string[], state: { typeField: string | null }): string {
  const parts = tag.split(':');
  const name = parts.pop()!.trim();
  const filters = parts.map((f) => f.trim());
  const value = card.fields[name] ?? special(name, card, options);
  if (value === undefined) {
    problems.push(`{{${tag}}}: the note has no field “${name}”`);
    return `<span class="template-problem">${escapeHtml(`(no field “${name}”)`)}</span>`;
  }
  // Filters apply from the field outwards: {{text:cloze:F}} is cloze, then text.
  let out = value;
  for (const filter of filters.reverse()) {
    const kind = filter.split(/\s+/)[0]!;
    switch (kind) {
      case 'text':
        out = escapeHtml(fieldText(out));
        break;
      case 'hint':
        out = isEmptyField(out) ? '' : `<details class="hint"><summary>${escapeHtml(name)}</summary><div>${out}</div></details>`;
        break;
      case 'cloze':
        out = renderCloze(out, card.cloze, options.side);
        break;
      case 'type':
        state.typeField ??= name;
        out = typeAnswer(card.cloze > 0 && filters.includes('cloze') ? clozeAnswerText(value, card.cloze) : fieldText(value), options);
        return out;
      case 'tts':
        // Read aloud where the system has a voice; shown as its text otherwise, as Anki does without one.
        break;
      case 'furigana':
        out = out.replace(/ ?([^ >]+?)\[(.+?)\]/g, '<ruby><rb>$1</rb><rt>$2</rt></ruby>');
        break;
      case 'kana':
        out = out.replace(/ ?([^ >]+?)\[(.+?)\]/g, '$2');
        break;
      case 'kanji':
        out = out.replace(/ ?([^ >]+?)\[(.+?)\]/g, '$1');
        break;
      default:
        problems.push(`{{${tag}}}: the filter “${kind}” is not one Deckhand knows; the field is shown without it`);
    }
  }
  return out;
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** Cloze deletions for card `n`: its own hidden on the question and marked on the answer; the others shown. */
export function renderCloze(text: string, n: number, side: 'question' | 'answer'): string {
  return text.replace(CLOZE, (_all, num: string, answer: string, hint: string | undefined) => {
    if (Number(num) !== n) return `<span class="cloze-inactive" data-ordinal="${num}">${answer}</span>`;
    if (side === 'answer') return `<span class="cloze" data-ordinal="${num}">${answer}</span>`;
    return `<span class="cloze" data-ordinal="${num}">[${hint ? escapeHtml(fieldText(hint)) : '...'}]</span>`;
  });
}

function clozeAnswerText(text: string, n: number): string {
  const answers: string[] = [];
  for (const m of text.matchAll(CLOZE)) if (Number(m[1]) === n) answers.push(fieldText(m[2]!));
  return answers.join(', ');
}

/**
 * Where the box goes on the question (the renderer puts a text box in the `typeans-box` element);
 * on the answer, what was typed against what was expected, or, when what was typed is not known
 * here, the expected text in a `typeans-expected` element for the renderer to compare against.
 */
function typeAnswer(expected: string, options: RenderOptions): string {
  if (options.side === 'question') return '<span class="typeans-box"></span>';
  if (options.typed === undefined) return `<code class="typeans typeans-expected">${escapeHtml(expected)}</code>`;
  return `<code class="typeans">${compareTyped(options.typed ?? '', expected)}</code>`;
}

/**
 * Anki's comparison, in its own words: when the typed text matches, it is shown as right; otherwise
 * the typed text with each character marked right or wrong, an arrow, and the expected text with
 * the characters that were missed marked. Characters line up by their longest common subsequence.
 */
export function compareTyped(typed: string, expected: string): string {
  const a = [...typed.normalize('NFC').trim()];
  const b = [...expected.normalize('NFC').trim()];
  if (a.join('') === b.join('')) return `<span class="typeGood">${escapeHtml(b.join(''))}</span>`;
  // LCS table, small: typed answers are short.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const typedMarks: [string, boolean][] = [];
  const expectedMarks: [string, boolean][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      typedMarks.push([a[i]!, true]);
      expectedMarks.push([b[j]!, true]);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) expectedMarks.push([b[j++]!, false]);
    else typedMarks.push([a[i++]!, false]);
  }
  const spans = (marks: [string, boolean][], good: string, bad: string) => {
    let html = '';
    for (let k = 0; k < marks.length; ) {
      const ok = marks[k]![1];
      let run = '';
      while (k < marks.length && marks[k]![1] === ok) run += marks[k++]![0];
      html += `<span class="${ok ? good : bad}">${escapeHtml(run)}</span>`;
    }
    return html;
  };
  const typedHtml = a.length ? spans(typedMarks, 'typeGood', 'typeBad') : '';
  return `${typedHtml}${typedHtml ? '<br><span class="typearrow">↓</span><br>' : ''}${spans(expectedMarks, 'typeGood', 'typeMissed')}`;
}
