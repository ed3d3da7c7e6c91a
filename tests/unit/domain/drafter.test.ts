import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleContains, paragraphsOf } from '../../../main/domain/article.ts';
import { parseCloze } from '../../../main/domain/cloze.ts';
import { definitionQuestion } from '../../../main/domain/drafter/definition-question.ts';
import { draftCards, draftCardsStepwise, type Draft } from '../../../main/domain/drafter/index.ts';
import { listQuestion } from '../../../main/domain/drafter/list-question.ts';
import { analyseParagraph } from '../../../main/domain/drafter/nlp.ts';
import { reasonQuestion } from '../../../main/domain/drafter/reason-question.ts';
import type { Sentence } from '../../../main/domain/drafter/sentence.ts';
import { longArticle, longArticleSources, SHIPPED_ARTICLE } from '../../bench/long-article.ts';

const shipped = readFileSync(SHIPPED_ARTICLE, 'utf8');
const long = longArticle();

// A short explanatory article of the kind people bring: definitions, reasons, a list, dates and numbers.
const explainer = [
  'Photosynthesis is a process that plants use to turn light, water and carbon dioxide into sugar and oxygen. It takes place in the chloroplasts of leaf cells, which hold the green pigment chlorophyll. Without photosynthesis, almost no oxygen would be left in the air we breathe.',
  'Leaves look green because chlorophyll absorbs red and blue light and reflects green light. In 1779 the Dutch physician Jan Ingenhousz showed that plants need sunlight to restore air. His experiments in London built on the work of Joseph Priestley.',
  'The process has three main inputs: light, water, and carbon dioxide. Farmers in the Netherlands raise the carbon dioxide in their greenhouses to about 1,000 parts per million, since crops then grow faster. Tomatoes, cucumbers and peppers are grown this way.',
  'A chloroplast is an organelle with its own DNA, inherited from a free-living bacterium. Biologists think that a larger cell swallowed that bacterium about 1.5 billion years ago.',
  'Scientists argue that protecting forests matters because trees store carbon for decades. The Amazon rainforest alone holds roughly 120 billion tonnes of carbon, according to a 2019 estimate. Deforestation therefore releases carbon that took centuries to store.',
  'Crops differ in how efficiently they fix carbon. Maize and sugarcane use a pathway called C4, which concentrates carbon dioxide around the enzyme Rubisco. Wheat and rice use the older C3 pathway and lose more energy on hot days. Researchers hope to engineer rice with the C4 pathway because it could raise yields by as much as 50 percent.',
].join('\n');

/** The one sentence of `text`, as the drafter reads it. */
const sentenceOf = (text: string): Sentence => analyseParagraph(text, 0, 0).sentences[0]!;

const PRONOUNS_AND_STOP_WORDS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'her', 'us', 'them', 'his', 'its', 'our', 'their', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'some', 'any', 'which', 'who', 'what', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'is', 'are', 'was', 'be', 'not', 'there', 'here']);

const clozeAnswer = (d: Draft): string => parseCloze(d.text)[0]!.answer;
const answerOf = (d: Draft): string => (d.type === 'cloze' ? clozeAnswer(d) : d.back).toLowerCase();

describe('draftCards', () => {
  const articles = { shipped, explainer };

  for (const [name, text] of Object.entries(articles)) {
    describe(`on the ${name} article`, () => {
      const result = draftCards(text);

      it('proposes drafts, within 5 per 100 words', () => {
        expect(result.drafts.length).toBeGreaterThan(0);
        expect(result.drafts.length).toBeLessThanOrEqual(Math.floor((result.words * 5) / 100));
        expect(result.sentences).toBeGreaterThan(3);
      });

      it('quotes each draft’s sentence verbatim, as it stands in one paragraph of the article', () => {
        const paragraphs = paragraphsOf(text);
        for (const d of result.drafts) {
          expect(text.includes(d.quote), d.quote).toBe(true);
          expect(articleContains(text, d.quote)).toBe(true);
          expect(paragraphs.some((p) => p.includes(d.quote))).toBe(true);
        }
      });

      it('makes each cloze one {{c1::…}} deletion of its quote, and each basic draft a front and a back', () => {
        for (const d of result.drafts) {
          if (d.type === 'cloze') {
            expect(parseCloze(d.text)).toHaveLength(1);
            expect(parseCloze(d.text)[0]!.ordinal).toBe(1);
            expect(d.text.replace(/\{\{c1::([\s\S]*?)\}\}/, '$1')).toBe(d.quote);
            expect([d.front, d.back]).toEqual(['', '']);
          } else {
            expect(d.text).toBe('');
            expect(d.front.length).toBeGreaterThan(0);
            expect(d.back.length).toBeGreaterThan(0);
          }
        }
      });

      it('never blanks out a pronoun, a determiner or a stop word, and blanks one to six words', () => {
        for (const d of result.drafts.filter((x) => x.type === 'cloze')) {
          const answer = clozeAnswer(d);
          const words = answer.toLowerCase().split(/\s+/);
          expect(words.length).toBeGreaterThanOrEqual(1);
          expect(words.length).toBeLessThanOrEqual(6);
          expect(words.every((w) => PRONOUNS_AND_STOP_WORDS.has(w)), answer).toBe(false);
          expect(PRONOUNS_AND_STOP_WORDS.has(words[0]!) && words.length === 1).toBe(false);
        }
      });

      it('asks nothing twice: no repeated answer, question or cloze', () => {
        const answers = result.drafts.map(answerOf);
        const questions = result.drafts.map((d) => (d.type === 'cloze' ? d.text : d.front));
        expect(new Set(answers).size).toBe(answers.length);
        expect(new Set(questions).size).toBe(questions.length);
      });

      it('scores each draft in [0, 1], best first, and labels it fact or argument', () => {
        const scores = result.drafts.map((d) => d.score);
        expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        expect(result.drafts.every((d) => d.kind === 'fact' || d.kind === 'argument')).toBe(true);
      });

      it('gives the same drafts for the same text', () => {
        expect(draftCards(text)).toEqual(result);
      });
    });
  }

  it('turns a definition into "What is X?", answered by the description', () => {
    const definition = draftCards(explainer).drafts.find((d) => d.front === 'What is photosynthesis?');
    expect(definition).toMatchObject({ type: 'basic', kind: 'fact', back: 'A process that plants use to turn light, water and carbon dioxide into sugar and oxygen' });
    expect(definition!.quote).toBe('Photosynthesis is a process that plants use to turn light, water and carbon dioxide into sugar and oxygen.');
    expect(definitionQuestion(sentenceOf('A chloroplast is an organelle with its own DNA, inherited from a free-living bacterium.'))).toMatchObject({
      front: 'What is a chloroplast?',
      back: 'An organelle with its own DNA, inherited from a free-living bacterium',
    });
  });

  it('asks no definition of a pronoun, a quantified subject or an adjective', () => {
    for (const text of ['It is a good idea to wait.', 'Many experts are cynical about the plan.', 'The plan is cynical about experts.', 'Some rivers are the longest in Europe.']) expect(definitionQuestion(sentenceOf(text)), text).toBeNull();
  });

  it('turns a "because" sentence into a "Why …?" question, answered by the reason', () => {
    expect(draftCards(explainer).drafts).toContainEqual(
      expect.objectContaining({ front: 'Why do researchers hope to engineer rice with the C4 pathway?', back: 'Because it could raise yields by as much as 50 percent', kind: 'argument', type: 'basic' }),
    );
    expect(reasonQuestion(sentenceOf('The treaty failed because neither side trusted the other.'), null)).toMatchObject({ front: 'Why did the treaty fail?', back: 'Because neither side trusted the other' });
    expect(reasonQuestion(sentenceOf('Because the river flooded every spring, the town moved to the hill in 1820.'), null)).toMatchObject({
      front: 'Why did the town move to the hill in 1820?',
      back: 'Because the river flooded every spring',
    });
  });

  it('answers "This is why …" with the sentence before it', () => {
    const [reason, conclusion] = analyseParagraph('Most of these concerns are linked to US actions. This is why Beijing looks to Washington when tensions rise.', 0, 0).sentences;
    expect(reasonQuestion(conclusion!, reason!)).toMatchObject({ front: 'Why does Beijing look to Washington when tensions rise?', back: 'Most of these concerns are linked to US actions' });
  });

  it('asks for a list the article enumerates, the whole list as the one answer', () => {
    const list = draftCards(explainer).drafts.find((d) => d.back === 'Light; Water; Carbon dioxide');
    expect(list?.front).toBe('Name the 3 in: “The process has three main inputs: […].”');
    expect(listQuestion(sentenceOf('The main concerns are: (1) refugees; (2) sanctions; and (3) nuclear tests.'), 0)).toMatchObject({
      front: 'What are the main concerns? (3)',
      back: '(1) refugees; (2) sanctions; (3) nuclear tests',
    });
  });

  it('blanks out dates and numbers a learner should recall', () => {
    const answers = draftCards(explainer).drafts.filter((d) => d.type === 'cloze').map(clozeAnswer);
    expect(answers).toEqual(expect.arrayContaining(['1779', '1,000', '2019']));
  });

  it('offers at most `max` drafts, the best of the full list', () => {
    const all = draftCards(shipped).drafts;
    expect(draftCards(shipped, { max: 7 }).drafts).toEqual(all.slice(0, 7));
    expect(draftCards(shipped, { max: 0 }).drafts).toEqual([]);
    expect(draftCards(shipped, { max: 10_000 }).drafts).toEqual(all);
  });

  it('gives no drafts, without throwing, for empty or very short text', () => {
    for (const text of ['', '   \n\n  ', 'Hello.', 'Photosynthesis is a process.', '### Heading only']) {
      const result = draftCards(text);
      expect(result.drafts).toEqual([]);
      expect(result.words).toBeLessThan(20);
    }
  });

  it('can run in slices, yielding while it reads and while it drafts, to the same drafts', () => {
    const long = Array.from({ length: 8 }, () => shipped).join('\n');
    const steps = draftCardsStepwise(long);
    const slices = { reading: 0, drafting: 0 };
    let step = steps.next();
    while (!step.done) {
      slices[step.value.stage]++;
      expect(step.value.done).toBeLessThanOrEqual(step.value.total);
      if (step.value.stage === 'drafting') expect(step.value.done).toBe(step.value.total);
      step = steps.next();
    }
    // Ranking, proposing and selecting pause too, not only the NLP pass.
    expect(slices.reading).toBeGreaterThan(1);
    expect(slices.drafting).toBeGreaterThan(1);
    expect(step.value).toEqual(draftCards(long));
  });

  // How the drafter reads, ranks and selects may be reorganised (for speed, for slicing), but not
  // what it offers: the snapshots hold every draft, its order and its score as drafted before.
  // `npx vitest run -u` renews them when a change to the drafts is meant.
  describe('gives exactly the drafts of its snapshot, in order, to the last score', () => {
    const snapshot = (text: string): string => {
      const { sentences, words, drafts } = draftCards(text);
      return [JSON.stringify({ sentences, words, drafts: drafts.length }), ...drafts.map((d) => JSON.stringify(d))].join('\n') + '\n';
    };

    it('on the shipped article', async () => {
      await expect(snapshot(shipped)).toMatchFileSnapshot('__snapshots__/drafter-shipped-article.jsonl');
    });

    it.skipIf(long === null)(`on a 10,000-word article of real text${long === null ? ` (skipped: it needs ${longArticleSources})` : ''}`, async () => {
      await expect(snapshot(long!)).toMatchFileSnapshot('__snapshots__/drafter-long-article.jsonl');
    });
  });
});
