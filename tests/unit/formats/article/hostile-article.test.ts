// The hostile corpus inside an article: whatever a page or a Markdown file carries, what comes out
// is plain text. Payloads made of markup leave only their visible words; payloads that are text
// (Markdown link tricks, entities, templates) come out as those characters, which are inert in a
// text field. Nothing runs and nothing is fetched while reading.
import http from 'node:http';
import https from 'node:https';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { HOSTILE_PAYLOADS } from '../../../fixtures/hostile-payloads.ts';
import { prose } from './article-files.ts';
import { utf8 } from './refusal.ts';

const [before, after] = prose(2) as [string, string];

/**
 * Payloads whose characters are text, not markup, so they come out as written. `script-split`
 * leaves `ipt>window.__pwned="split"ipt>` as text in a browser too (its tags never form); in
 * Markdown, `<img/src=…>` is text as well, since CommonMark's inline HTML needs a space before an
 * attribute, and the split script's pieces read `<script>`.
 */
const TEXT_PAYLOADS = new Set(['template-injection', 'html-entities', 'unicode-bidi', 'zero-width', 'anki-sound-traversal', 'nested-within-limits', 'huge-1mb', 'script-split']);
const TEXT_IN_MARKDOWN = new Set(['img-onerror-no-quotes']);
const isText = (name: string, ext: string) => name.startsWith('md-') || TEXT_PAYLOADS.has(name) || (ext === 'md' && TEXT_IN_MARKDOWN.has(name));

/** What only markup carries: a tag, an event handler, a script's or a URL's words. */
const MARKUP_TRACES = [/<\/?[a-z][^>]*>/i, /__pwned/, /evil\.example/, /javascript:/i, /\bon(error|load|focus|toggle|start|mouseover)\b/i, /alert\(/, /@import/, /passwd|win\.ini/];

let fetches: unknown[] = [];
beforeEach(() => {
  fetches = [];
  const refuse = (...args: unknown[]) => {
    fetches.push(args);
    throw new Error('reading an article must not reach the network');
  };
  vi.spyOn(globalThis, 'fetch').mockImplementation(refuse as never);
  for (const mod of [http, https]) {
    vi.spyOn(mod, 'request').mockImplementation(refuse as never);
    vi.spyOn(mod, 'get').mockImplementation(refuse as never);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(fetches).toEqual([]);
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
});

const page = (payload: string) => `<!DOCTYPE html><html><head><title>Hostile</title></head><body><article><p>${before}</p>\n${payload}\n<p>${after}</p></article></body></html>`;

describe.each(['html', 'md'])('the hostile corpus in a .%s article', (ext) => {
  const fileOf = (payload: string) => (ext === 'html' ? page(payload) : `# Hostile\n\n${before}\n\n${payload}\n\n${after}\n`);

  it.each(HOSTILE_PAYLOADS.map((p) => [p.name, p.text] as const))('%s comes out as inert plain text around the article', async (name, text) => {
    const read = await readArticleFile(`hostile.${ext}`, utf8(fileOf(text)));
    expect(read.text.startsWith(`${before}\n\n`)).toBe(true);
    expect(read.text.endsWith(`\n\n${after}`)).toBe(true);
    const middle = read.text.slice(before.length, read.text.length - after.length);
    expect(middle.split('\n\n').filter((p) => p.includes('\n') || p.trim() !== p)).toEqual([]);
    if (!isText(name, ext)) for (const trace of MARKUP_TRACES) expect(middle).not.toMatch(trace);
  });
});

describe('the whole corpus in one page', () => {
  it('leaves the article whole and every markup payload without a trace', async () => {
    const markup = HOSTILE_PAYLOADS.filter((p) => !isText(p.name, 'html') && p.name !== 'deeply-nested-10000');
    const read = await readArticleFile('all.html', utf8(page(markup.map((p) => `<div>${p.text}</div>`).join('\n'))));
    expect(read.text).toContain(before);
    expect(read.text).toContain(after);
    for (const trace of MARKUP_TRACES) expect(read.text).not.toMatch(trace);
  });
});
