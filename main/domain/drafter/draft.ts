// What the drafter proposes: cards a person reviews before any is added, each citing the sentence
// it came from so the article view can highlight it.

export type DraftKind = 'fact' | 'argument';

export interface Draft {
  kind: DraftKind;
  type: 'basic' | 'cloze';
  /** Basic drafts only; '' on a cloze. */
  front: string;
  back: string;
  /** Cloze drafts only, with exactly one `{{c1::answer}}`; '' on a basic draft. */
  text: string;
  /** The sentence the draft asks about, exactly as it stands in the article. */
  quote: string;
  /** In [0, 1]; drafts come best first, so scores never rise down the list. */
  score: number;
}

export interface DraftOptions {
  /** At most this many drafts, below the cap the article's length sets. */
  max?: number;
}

export interface DraftResult {
  sentences: number;
  words: number;
  drafts: Draft[];
}
