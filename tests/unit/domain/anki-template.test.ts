// Anki's template language as a learner sees its result: the question and answer of custom note
// types, with sections, FrontSide, hints, type-in answers and clozes, and no raw `{{` left.
import { describe, expect, it } from 'vitest';
import { compareTyped, renderTemplate, type TemplateCard } from '../../../main/domain/anki-template.ts';

const vocab: TemplateCard = {
  fields: { Word: '<b>perro</b>', Meaning: 'dog', Example: '', Audio: '[sound:perro.mp3]', Notes: '<div><br></div>' },
  cloze: 0,
  tags: ['animals', 'a1'],
  deck: 'Spanish::Animals',
  card: 'Recognition',
  notetype: 'Vocab (with audio)',
};
const q = (t: string, card = vocab) => renderTemplate(t, card, { side: 'question' });
const a = (t: string, front: string, card = vocab, typed?: string) => renderTemplate(t, card, { side: 'answer', frontSide: front, ...(typed === undefined ? {} : { typed }) });

describe('fields and sections', () => {
  it('puts each field in its place, HTML kept, and shows a section only when its field has content', () => {
    const t = '<div class="word">{{Word}}</div>{{#Example}}<i>{{Example}}</i>{{/Example}}{{^Example}}<small>no example</small>{{/Example}}{{#Notes}}NOTES{{/Notes}}';
    expect(q(t)).toEqual({ html: '<div class="word"><b>perro</b></div><small>no example</small>', typeField: null, problems: [] });
  });

  it('shows the question again on the answer through {{FrontSide}}, and the special fields', () => {
    const front = q('{{Word}}').html;
    expect(a('{{FrontSide}}<hr id=answer>{{Meaning}} · {{Deck}} / {{Subdeck}} · {{Tags}} · {{Card}} · {{Type}}', front).html).toBe(
      '<b>perro</b><hr id=answer>dog · Spanish::Animals / Animals · animals a1 · Recognition · Vocab (with audio)',
    );
  });

  it('names an unknown field or a broken section instead of leaving {{ in the card', () => {
    const r = q('{{Wort}} {{#Meaning}}x');
    expect(r.html).not.toContain('{{');
    expect(r.html).toContain('(no field “Wort”)');
    expect(r.problems).toEqual(['the section {{#Meaning}} is never closed', '{{Wort}}: the note has no field “Wort”']);
  });
});

describe('filters', () => {
  it('text: strips markup; hint: folds the field behind its name; furigana shows readings', () => {
    const card = { ...vocab, fields: { ...vocab.fields, Reading: '日本[にほん]語[ご]' } };
    expect(q('{{text:Word}}|{{hint:Meaning}}|{{hint:Example}}|{{furigana:Reading}}|{{kana:Reading}}', card).html).toBe(
      'perro|<details class="hint"><summary>Meaning</summary><div>dog</div></details>||<ruby><rb>日本</rb><rt>にほん</rt></ruby><ruby><rb>語</rb><rt>ご</rt></ruby>|にほんご',
    );
  });

  it('tts reads as the text where no voice speaks it; an unknown filter is named and the field still shown', () => {
    const r = q('{{tts en_US voices=Apple_Samantha:Meaning}} {{shout:Meaning}}');
    expect(r.html).toBe('dog dog');
    expect(r.problems).toEqual(['{{shout:Meaning}}: the filter “shout” is not one Deckhand knows; the field is shown without it']);
  });
});

describe('type-in answers', () => {
  it('asks with a box on the question, and compares what was typed on the answer', () => {
    const question = q('{{Word}}{{type:Meaning}}');
    expect(question.typeField).toBe('Meaning');
    expect(question.html).toBe('<b>perro</b><span class="typeans-box"></span>');
    expect(a('{{type:Meaning}}', '').html).toBe('<code class="typeans typeans-expected">dog</code>');
    expect(a('{{FrontSide}}<hr>{{type:Meaning}}', '<b>perro</b>', vocab, 'dog').html).toBe('<b>perro</b><hr><code class="typeans"><span class="typeGood">dog</span></code>');
  });

  it('marks the wrong and the missed characters', () => {
    // "dgo" for "dog": d and g line up, the o typed is wrong, the o between them was missed.
    expect(compareTyped('dgo', 'dog')).toBe('<span class="typeGood">dg</span><span class="typeBad">o</span><br><span class="typearrow">↓</span><br><span class="typeGood">d</span><span class="typeMissed">o</span><span class="typeGood">g</span>');
    expect(compareTyped('', 'dog')).toBe('<span class="typeMissed">dog</span>');
    expect(compareTyped('  café ', 'cafe\u0301')).toBe('<span class="typeGood">café</span>');
  });
});

describe('cloze', () => {
  const cloze: TemplateCard = { ...vocab, fields: { Text: '{{c1::Canberra}} is the capital of {{c2::Australia::country}}', Extra: 'since 1913' }, cloze: 2, notetype: 'Cloze' };

  it('hides the card’s own deletion (with its hint) on the question and marks it on the answer', () => {
    expect(q('{{cloze:Text}}', cloze).html).toBe('<span class="cloze-inactive" data-ordinal="1">Canberra</span> is the capital of <span class="cloze" data-ordinal="2">[country]</span>');
    expect(a('{{cloze:Text}}<br>{{Extra}}', '', cloze).html).toBe('<span class="cloze-inactive" data-ordinal="1">Canberra</span> is the capital of <span class="cloze" data-ordinal="2">Australia</span><br>since 1913');
  });

  it('types a cloze answer against the card’s own deletion', () => {
    expect(a('{{type:cloze:Text}}', '', cloze, 'Austria').html).toBe('<code class="typeans"><span class="typeGood">Austria</span><br><span class="typearrow">↓</span><br><span class="typeGood">Austr</span><span class="typeMissed">al</span><span class="typeGood">ia</span></code>');
  });
});

describe('a note type’s CSS, confined to the card', () => {
  it('puts every rule under .anki-card, keeps @media, and drops what could load anything', async () => {
    const { scopeCss } = await import('../../../main/domain/anki-card.ts');
    const css = `@import url("https://fonts.example/x.css");
/* comment */ .card { font-family: arial; color: navy; background: url(https://tracker.example/p.png); }
.nightMode .card, html { color: white }
.word, b { font-size: 2em }
@font-face { font-family: X; src: url(x.woff) }
@media (max-width: 600px) { .card { font-size: 14px } }`;
    expect(scopeCss(css)).toBe(
      ['.anki-card { font-family: arial; color: navy; }', '.anki-card.nightMode, .anki-card { color: white; }', '.anki-card .word, .anki-card b { font-size: 2em; }', '@media (max-width: 600px) {\n.anki-card { font-size: 14px; }\n}'].join('\n'),
    );
  });
});

describe('hand-broken CSS', () => {
  it('cannot carry a rule out of the card with a stray brace', async () => {
    const { scopeCss } = await import('../../../main/domain/anki-card.ts');
    expect(scopeCss('.a { color: red } } body { display: none }')).toBe('.anki-card .a { color: red; }\n.anki-card { display: none; }');
  });
});


describe('image occlusion without Anki’s script', () => {
  it('"hide one, guess one" masks only the card’s own shape; "hide all" masks the others too', async () => {
    const { occlusionFaces } = await import('../../../main/domain/anki-card.ts');
    const fields = { Occlusion: '{{c1::image-occlusion:rect:left=.1:top=.1:width=.2:height=.2}} {{c2::image-occlusion:rect:left=.5:top=.5:width=.2:height=.2}}', Image: '<img src="map.png">' };
    expect(occlusionFaces(fields, 2)!.question).toBe('<div class="io"><img src="map.png"><div class="io-mask io-s1 io-active"></div></div>');
    const hideAll = { ...fields, Occlusion: fields.Occlusion.replace(/height=\.2/g, 'height=.2:oi=1') };
    expect(occlusionFaces(hideAll, 2)!.answer).toBe('<div class="io"><img src="map.png"><div class="io-mask io-s0"></div><div class="io-mask io-s1 io-shown"></div></div>');
    expect(occlusionFaces({ Text: '{{c1::Paris}}' }, 1)).toBeNull();
  });
});
