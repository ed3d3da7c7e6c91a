// A card's text as it is written: Markdown for Deckhand's own notes, HTML for notes imported from
// Anki. Imported HTML is untrusted: it goes through DOMPurify, then every image and sound is pointed
// at the collection's own media (served from the app's origin) and anything else is dropped, so a
// card can neither run script nor reach the network.
import DOMPurify from 'dompurify';
import katex from 'katex';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { compareTyped } from '../main/contract.ts';
import { Markdown } from './markdown.tsx';

const PURIFY_HTML = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'video', 'source', 'track', 'link', 'meta', 'base', 'svg', 'math', 'marquee', 'blink', 'dialog', 'template', 'noscript', 'portal'],
  FORBID_ATTR: ['style', 'srcset', 'id', 'name', 'class', 'background', 'poster', 'formaction', 'autoplay', 'xlink:href'],
  ALLOW_DATA_ATTR: false,
};

/** The URL the app serves an imported media file at: relative, so both shells resolve it on their own origin. */
export const mediaUrl = (name: string): string => `media/${encodeURIComponent(name)}`;

/** A bare media file name as Anki notes write it; anything with a scheme or a path is not ours. */
function localMediaName(src: string): string | null {
  let name = src.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    return null;
  }
  return /^[^/\\:?#]+$/.test(name) && !name.startsWith('.') ? name : null;
}

// A bare file name in a card's `src` is a file of the collection's media folder (Anki's notes write
// `<img src="cat.jpg">`): it becomes that file's URL before the sanitiser's own check, which lets
// nothing but `media/<name>` through.
DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName !== 'src') return;
  const name = localMediaName(data.attrValue);
  if (name) data.attrValue = mediaUrl(name);
});

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Anki note types style their cards by class: classes are kept, and the note type's CSS is confined to the card. */
const PURIFY_ANKI = { ...PURIFY_HTML, FORBID_ATTR: PURIFY_HTML.FORBID_ATTR.filter((a) => a !== 'class') };

export function renderCardHtml(source: string, config: typeof PURIFY_HTML = PURIFY_HTML): DocumentFragment {
  // Anki writes sounds as [sound:name.mp3]; they become players for the file in the media folder.
  const withSounds = source.replace(/\[sound:([^\]]{1,255})\]/g, (_all, name: string) => `<audio controls preload="none" src="${escapeAttr(name)}"></audio>`);
  const fragment = DOMPurify.sanitize(withSounds, config);
  for (const el of fragment.querySelectorAll('img, audio')) {
    const src = el.getAttribute('src');
    if (!src) {
      el.replaceWith(document.createTextNode(el.tagName === 'IMG' ? `[image: ${el.getAttribute('alt') || 'not in this collection'}]` : '[sound not in this collection]'));
      continue;
    }
    const name = decodeURIComponent(src.slice('media/'.length));
    if (el.tagName === 'AUDIO') {
      el.setAttribute('controls', '');
      el.setAttribute('aria-label', `Sound: ${name}`);
    } else if (!el.hasAttribute('alt')) el.setAttribute('alt', name);
  }
  // Links in imported cards lead nowhere inside the app; their text stays.
  for (const a of fragment.querySelectorAll('a')) a.replaceWith(...a.childNodes);
  renderMath(fragment);
  return fragment;
}

/** MathJax's delimiters as Anki writes them: `\(…\)` inline, `\[…\]` displayed. */
const MATH = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;

/**
 * Formulas in the card's text, typeset by KaTeX (bundled, offline) after the HTML is sanitised:
 * KaTeX builds the elements itself, from the formula's text, with nothing it can load or run
 * (`trust` off, macro expansion capped), and a formula it cannot read stays as its source, in red.
 */
function renderMath(root: DocumentFragment): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/\\[([]/.test(node.nodeValue ?? '')) texts.push(node as Text);
  for (const text of texts) {
    const source = text.nodeValue ?? '';
    const parts: Node[] = [];
    let at = 0;
    for (const m of source.matchAll(MATH)) {
      if (m.index > at) parts.push(document.createTextNode(source.slice(at, m.index)));
      const span = document.createElement('span');
      katex.render(m[1] ?? m[2] ?? '', span, { displayMode: m[2] !== undefined, throwOnError: false, trust: false, maxExpand: 1000, maxSize: 50 });
      parts.push(span);
      at = m.index + m[0].length;
    }
    if (!parts.length) continue;
    if (at < source.length) parts.push(document.createTextNode(source.slice(at)));
    text.replaceWith(...parts);
  }
}

function Html({ source, class: className }: { source: string; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(renderCardHtml(source));
  }, [source]);
  return <div ref={ref} class={className ? `card-html ${className}` : 'card-html'} />;
}

/**
 * A card of an imported Anki note type, as Anki renders it. Its CSS (already confined to
 * `.anki-card` and stripped of anything that loads) is adopted as a constructed style sheet, which
 * the content security policy allows where a <style> element would not be.
 */
export function AnkiFace({ html, css }: { html: string; css: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const face = renderCardHtml(html, PURIFY_ANKI);
    typeIn(face);
    ref.current?.replaceChildren(face);
  }, [html]);
  // After the screen's own focus (on "Show answer"): a card that asks for a typed answer takes the keys.
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input.typeans')?.focus();
  }, [html]);
  useLayoutEffect(() => {
    if (!css) return undefined;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return <div ref={ref} class="card-html anki-card" />;
}

/** What was typed into the last card's box, compared when its answer is shown. */
let typed = '';

/** The question's box to type into (`{{type:…}}`), and on the answer the typed text compared with the expected one. */
function typeIn(face: DocumentFragment): void {
  const box = face.querySelector('.typeans-box');
  if (box) {
    typed = '';
    const input = document.createElement('input');
    Object.assign(input, { type: 'text', className: 'typeans', autocomplete: 'off', spellcheck: false });
    input.setAttribute('aria-label', 'Type the answer');
    input.addEventListener('input', () => (typed = input.value));
    box.replaceWith(input);
  }
  for (const expected of face.querySelectorAll('.typeans-expected')) {
    expected.replaceChildren(DOMPurify.sanitize(compareTyped(typed, expected.textContent ?? ''), { ...PURIFY_ANKI, RETURN_DOM_FRAGMENT: true }));
  }
}

export function CardContent({ source, format, class: className }: { source: string; format: 'markdown' | 'html'; class?: string }) {
  return format === 'html' ? <Html source={source} {...(className ? { class: className } : {})} /> : <Markdown source={source} {...(className ? { class: className } : {})} />;
}
