// Every draft a ranked sentence could give: its question patterns (definition, reason, list) and
// clozes of its best answers. Selection later keeps the best and drops repeats.
import { answerText, clozeAnswers, type AnswerKind } from './cloze-answers.ts';
import { normaliseAnswer, type Candidate } from './candidate.ts';
import { definitionQuestion } from './definition-question.ts';
import type { DraftKind } from './draft.ts';
import { listQuestion } from './list-question.ts';
import type { Question } from './question.ts';
import { reasonQuestion } from './reason-question.ts';
import type { RankedSentence } from './sentence-rank.ts';
import type { Sentence } from './sentence.ts';
import { StepBudget, type Steps } from './steps.ts';
import type { Vocabulary } from './vocabulary.ts';

/** More clozes than this from one sentence only crowd out other sentences' drafts. */
const CLOZES_PER_SENTENCE = 3;
/** A cue this strong makes the sentence's terms part of an argument. */
const ARGUMENT_CUE = 0.5;
/** Words of sentences drafted from between two pauses: a few milliseconds here (tests/bench/drafter.ts). */
const WORDS_PER_STEP = 1_000;

const round = (n: number): number => Math.round(n * 1000) / 1000;

function kindOfCloze(answer: AnswerKind, cue: number): DraftKind {
  if (answer === 'term' && cue >= ARGUMENT_CUE) return 'argument';
  return 'fact';
}

function questionCandidate(q: Question, ranked: RankedSentence): Candidate {
  const { sentence } = ranked;
  return {
    draft: { kind: q.kind, type: 'basic', front: q.front, back: q.back, text: '', quote: sentence.text, score: round(ranked.score * q.quality) },
    sentence: sentence.index,
    answerKey: normaliseAnswer(q.back),
    questionKey: normaliseAnswer(q.front),
  };
}

export function proposeDrafts(ranked: RankedSentence, previous: Sentence | null, vocabulary: Vocabulary): Candidate[] {
  const { sentence, cue, score } = ranked;
  if (score <= 0) return [];
  const questions = [definitionQuestion(sentence), reasonQuestion(sentence, previous), listQuestion(sentence, cue)].filter((q): q is Question => q !== null);
  const candidates = questions.map((q) => questionCandidate(q, ranked));
  for (const answer of clozeAnswers(sentence, vocabulary).slice(0, CLOZES_PER_SENTENCE)) {
    const text = answerText(sentence, answer);
    const start = sentence.words[answer.from]!.start;
    const cloze = `${sentence.text.slice(0, start)}{{c1::${text}}}${sentence.text.slice(start + text.length)}`;
    candidates.push({
      draft: { kind: kindOfCloze(answer.kind, cue), type: 'cloze', front: '', back: '', text: cloze, quote: sentence.text, score: round(score * answer.quality) },
      sentence: sentence.index,
      answerKey: normaliseAnswer(text),
      questionKey: normaliseAnswer(cloze),
    });
  }
  return candidates;
}

/** Every sentence's drafts, in the article's order. */
export function* proposeAllDrafts(ranked: readonly RankedSentence[], vocabulary: Vocabulary): Steps<Candidate[]> {
  const budget = new StepBudget(WORDS_PER_STEP);
  const candidates: Candidate[] = [];
  for (const [i, r] of ranked.entries()) {
    candidates.push(...proposeDrafts(r, i > 0 ? ranked[i - 1]!.sentence : null, vocabulary));
    if (budget.add(r.sentence.words.length)) yield;
  }
  return candidates;
}
