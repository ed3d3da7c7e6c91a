// Words and phrases that mark a claim, a reason, an intention or a recommendation: what makes a
// sentence an argument to remember rather than a fact. Matched on lemmas, so "argues", "argued"
// and "arguing" are one cue. Weights: reasons and conclusions are the strongest signal that a
// sentence carries the article's reasoning; hedged contrast the weakest.
import type { Word } from './sentence.ts';

const CUES: readonly (readonly [phrase: string, weight: number])[] = [
  // reasons and conclusions
  ['because', 1],
  ['therefore', 1],
  ['consequently', 1],
  ['thus', 0.9],
  ['hence', 0.9],
  ['the reason', 1],
  ['this be why', 1],
  ['that be why', 1],
  ['as a result', 0.9],
  ['due to', 0.8],
  ['so that', 0.7],
  ['in order to', 0.7],
  ['lead to', 0.6],
  // claims and opinions
  ['argue', 0.9],
  ['claim', 0.8],
  ['believe', 0.8],
  ['according to', 0.8],
  ['conclude', 0.9],
  ['suggest', 0.6],
  ['contend', 0.8],
  ['view', 0.5],
  ['clearly', 0.5],
  ['evidence', 0.7],
  ['demonstrate', 0.7],
  ['show', 0.4],
  // aims, wants, fears and priorities
  ['aim', 0.8],
  ['want', 0.7],
  ['fear', 0.8],
  ['concern', 0.8],
  ['worry', 0.8],
  ['goal', 0.7],
  ['priority', 0.8],
  ['prioritize', 0.8],
  ['prioritise', 0.8],
  ['seek', 0.6],
  ['intend', 0.7],
  ['interest', 0.5],
  ['threat', 0.6],
  ['risk', 0.6],
  ['benefit', 0.5],
  ['advantage', 0.5],
  // recommendations
  ['should', 0.7],
  ['must', 0.7],
  ['need to', 0.6],
  ['important', 0.6],
  ['crucial', 0.6],
  ['key', 0.4],
  // contrast that frames a claim
  ['however', 0.3],
  ['although', 0.3],
  ['despite', 0.3],
  ['instead', 0.3],
];

const PHRASES = CUES.map(([phrase, weight]) => ({ lemmas: phrase.split(' '), weight }));

/** The cues in a sentence, as their weights in the order they occur. */
export function cuesIn(words: readonly Word[]): number[] {
  const found: number[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const { lemmas, weight } of PHRASES) {
      if (i + lemmas.length <= words.length && lemmas.every((l, k) => words[i + k]!.lemma === l || words[i + k]!.text.toLowerCase() === l)) found.push(weight);
    }
  }
  return found;
}

/** In [0, 1]: the strongest cue, a little more for each further one. */
export function cueScore(words: readonly Word[]): number {
  const cues = cuesIn(words);
  if (cues.length === 0) return 0;
  return Math.min(1, Math.max(...cues) + 0.15 * (cues.length - 1));
}
