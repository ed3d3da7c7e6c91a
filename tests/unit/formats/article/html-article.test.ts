import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { prose } from './article-files.ts';
import { utf8 } from './refusal.ts';

const paragraphs = prose(6);

/** A news page as a browser saves it: navigation, the article, a sidebar of ads, comments, a footer. */
function savedPage(head: string, articleHead = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${head}
<link rel="stylesheet" href="https://cdn.example.com/site.css"><script src="https://cdn.example.com/ads.js"></script></head>
<body>
<header class="site-header"><a href="/">The Coastal Times</a><nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article class="story">${articleHead}
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="sidebar ad"><div class="advert">Buy a boat today! Special offer on all boats this week only.</div></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment">First! Great article.</div></section></main>
<footer class="site-footer"><p>Copyright 2018 The Coastal Times. All rights reserved.</p></footer>
</body></html>`;
}

describe('a saved web page', () => {
  it('keeps the article and drops navigation, ads, comments and the footer, as Reader View does', async () => {
    const read = await readArticleFile('story.html', utf8(savedPage('<title>The harbour in winter | The Coastal Times</title>')));
    expect(read.text.split('\n\n')).toEqual(paragraphs);
    expect(read.format).toBe('html');
  });

  it('takes the title, author and date from the meta tags', async () => {
    const head = [
      '<title>Harbour | The Coastal Times</title>',
      '<meta property="og:title" content="The Harbour in Winter">',
      '<meta name="author" content="Ann Smith">',
      '<meta property="article:published_time" content="2018-10-30T23:30:00-05:00">',
    ].join('');
    const read = await readArticleFile('story.html', utf8(savedPage(head, '<h1>The Harbour in Winter</h1>')));
    expect(read).toMatchObject({ title: 'The Harbour in Winter', author: 'Ann Smith', date: '2018-10-30' });
    expect(read.text.split('\n\n')).toEqual(paragraphs);
  });

  it('takes the byline from the page when no meta tag names the author', async () => {
    const read = await readArticleFile('story.htm', utf8(savedPage('<title>The Harbour in Winter</title>', '<p class="byline">By Ann Smith</p>')));
    expect(read.author).toBe('Ann Smith');
    expect(read.title).toBe('The Harbour in Winter');
  });

  it('reads a bare fragment without html or body tags, and falls back to the file name', async () => {
    const read = await readArticleFile('clip.html', utf8(paragraphs.map((p) => `<p>${p}`).join('\n')));
    expect(read.text.split('\n\n')).toEqual(paragraphs);
    expect(read.title).toBe('clip');
  });

  it('reads a page in the encoding its meta tag declares', async () => {
    const text = 'Caf\u00e9 \u2014 the harbour';
    const page = `<html><head><meta charset="windows-1252"><title>${text}</title></head><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    const bytes = Uint8Array.from(page, (c) => (c === '\u2014' ? 0x97 : c.charCodeAt(0)));
    expect((await readArticleFile('old.html', bytes)).title).toBe(text);
  });

  it('turns entities into characters and line breaks into paragraphs, and leaves no markup', async () => {
    const page = `<html><body><article><p>Fish &amp; chips &lt;b&gt; cost &pound;2&nbsp;then.<br>${paragraphs[0]}</p><p>${paragraphs[1]}</p><table><tr><td>Year</td><td>Ships</td></tr></table><p>${paragraphs[2]}</p></article></body></html>`;
    const read = await readArticleFile('x.html', utf8(page));
    expect(read.text.split('\n\n').slice(0, 2)).toEqual(['Fish & chips <b> cost £2 then.', paragraphs[0]]);
  });
});
