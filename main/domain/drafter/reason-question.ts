// Reasons: "M because R" → "Why M?" answered by R; "Because R, M" the same. "This is why M" and
// "Therefore, M" give "Why M?" answered by the sentence before, in the same paragraph, which is
// where such a sentence points.
import { asAnswer, textOf, whyIsItThat, whyQuestion, type Question } from './question.ts';
import type { Sentence } from './sentence.ts';

const CONCLUDING = new Set(['therefore', 'consequently', 'thus', 'hence', 'accordingly']);

function becauseQuestion(s: Sentence): Question | null {
  const { words } = s;
  const at = words.findIndex((w) => w.lemma === 'because');
  if (at < 0) return null;
  if (at === 0) {
    const comma = words.findIndex((w) => w.text === ',');
    if (comma < 2) return null;
    const front = whyQuestion(s, comma + 1, words.length) ?? whyIsItThat(s, comma + 1, words.length);
    return front ? { front, back: asAnswer(textOf(s, 0, comma)), kind: 'argument', quality: 1 } : null;
  }
  const front = whyQuestion(s, 0, at) ?? whyIsItThat(s, 0, at);
  // The reason runs to the end of the sentence or its next clause.
  let end = at + 1;
  while (end < words.length && words[end]!.text !== ';') end++;
  if (!front || end - at < 3) return null;
  return { front, back: asAnswer(textOf(s, at, end)), kind: 'argument', quality: 1 };
}

function pointingQuestion(s: Sentence, previous: Sentence | null): Question | null {
  if (!previous || previous.paragraph !== s.paragraph) return null;
  const { words } = s;
  const lead = words.slice(0, 3).map((w) => w.lemma);
  let clause = -1;
  if ((lead[0] === 'this' || lead[0] === 'that') && lead[1] === 'be' && lead[2] === 'why') clause = 3;
  else if (CONCLUDING.has(lead[0] ?? '') && words[1]?.text === ',') clause = 2;
  else if (lead[0] === 'as' && lead[1] === 'a' && lead[2] === 'result' && words[3]?.text === ',') clause = 4;
  if (clause < 0) return null;
  const front = whyQuestion(s, clause, words.length);
  return front ? { front, back: asAnswer(previous.text), kind: 'argument', quality: 0.85 } : null;
}

export function reasonQuestion(s: Sentence, previous: Sentence | null): Question | null {
  return becauseQuestion(s) ?? pointingQuestion(s, previous);
}
