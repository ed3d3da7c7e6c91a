// "X is a Y" → "What is X?", answered by the rest of the sentence. Also "X refers to / means /
// describes / denotes Y". Only when X is a noun phrase that stands on its own (not "it", not
// "many experts") and Y opens like a description (a noun phrase), not an adjective or a clause.
import { asAnswer, skipOpener, startsWithQuantifier, subjectBefore, subjectText, textOf, trimClause, type Question } from './question.ts';
import type { Sentence, Word } from './sentence.ts';

const DEFINING_VERBS = new Set(['mean', 'describe', 'denote', 'refer', 'define']);
const ARTICLES = new Set(['a', 'an', 'the']);
// A name described as one of these is a person: "Who is Taisuke Mibae?", not "What is …".
const PERSON_ROLES = new Set(['fellow', 'minister', 'president', 'professor', 'author', 'writer', 'journalist', 'scientist', 'researcher', 'leader', 'founder', 'director', 'chairman', 'member', 'economist', 'analyst', 'historian', 'politician', 'officer', 'ambassador', 'diplomat', 'editor', 'senator', 'king', 'queen', 'artist', 'engineer', 'player', 'doctor', 'lawyer', 'student', 'teacher', 'philosopher', 'physicist', 'chemist', 'mathematician', 'biologist', 'poet', 'novelist', 'actor', 'singer', 'composer', 'man', 'woman', 'person']);

/** Where the description starts after the linking verb, or -1 if the verb does not define. */
function descriptionStart(words: readonly Word[], verb: number, to: number): number {
  const v = words[verb]!;
  let k = verb + 1;
  if (v.lemma === 'be') {
    // "is defined as", "is known as", "is called" name the thing; the description follows.
    if (words[k]?.lemma === 'define' || words[k]?.lemma === 'know') k += words[k + 1]?.text === 'as' ? 2 : 1;
  } else if (DEFINING_VERBS.has(v.lemma) && v.pos === 'VERB') {
    if (v.lemma === 'refer') k += words[k]?.text === 'to' ? 1 : 0;
  } else return -1;
  if (k >= to || words[k]!.lemma === 'not') return -1;
  const first = words[k]!;
  if (ARTICLES.has(first.text.toLowerCase())) return k;
  if (first.pos === 'NOUN') return k;
  // "is geographical proximity", not "is cynical about …".
  let m = k;
  while (m < to && words[m]!.pos === 'ADJ') m++;
  if (m > k && words[m]?.pos === 'NOUN') return k;
  return -1;
}

export function definitionQuestion(s: Sentence): Question | null {
  const { words } = s;
  const [from, to] = trimClause(words, skipOpener(words, 0, words.length), words.length);
  if (to - from < 4 || startsWithQuantifier(words, from)) return null;
  const found = subjectBefore(s, from, to);
  if (!found) return null;
  const subject = words.slice(found.subject[0], found.subject[1]);
  if (subject.some((w) => w.pos === 'PRON' || w.pos === 'ADV' || w.pos === 'CCONJ') || subject.length > 8) return null;
  if (subject[0]!.pos === 'DET' && !ARTICLES.has(subject[0]!.text.toLowerCase())) return null;
  const start = descriptionStart(words, found.verb, to);
  if (start < 0 || to - start < 2) return null;
  const verb = words[found.verb]!;
  const plural = verb.lemma === 'be' ? verb.text.toLowerCase() === 'are' || verb.text.toLowerCase() === 'were' : !verb.text.toLowerCase().endsWith('s');
  const past = ['was', 'were'].includes(verb.text.toLowerCase());
  const copula = past ? (plural ? 'were' : 'was') : plural ? 'are' : 'is';
  const x = subjectText(s, found.subject[0], found.subject[1]);
  const indefinite = ['a', 'an'].includes(words[start]!.text.toLowerCase());
  const who = subject.every((w) => w.pos === 'PROPN') && words.slice(start, start + 5).some((w) => w.pos === 'NOUN' && PERSON_ROLES.has(w.lemma));
  return { front: `${who ? 'Who' : 'What'} ${copula} ${x}?`, back: asAnswer(textOf(s, start, to)), kind: 'fact', quality: indefinite ? 0.9 : 0.75 };
}
