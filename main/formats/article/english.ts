// Whether a text is probably English, so the app can say that other languages get reading and
// manual cards only (the card drafter's sentence and part-of-speech model is English). The test is
// the share of words that are English function words: in English prose the most common fifty
// make up 40–50% of all words, and they are rare as words of other languages, where the share
// stays under 10%. It needs no model, costs one pass over a sample, and a wrong answer only
// changes a notice, never whether the text is read.

const FUNCTION_WORDS = new Set(
  (
    'the of and to a in is that for it was on with as be by at this are from or an not but have has had ' +
    'which were his her their they he she we you i its been would will can there more all one also than ' +
    'who what when about into if out so no these those them our do does did only other such most may'
  ).split(' '),
);

/** Enough words to decide on; more only costs time. */
const SAMPLE_WORDS = 2000;

/** Between the shares of English (~0.4) and of other languages written in Latin script (<0.1). */
const ENGLISH_SHARE = 0.2;

export function isLikelyEnglish(text: string): boolean {
  const words = text.slice(0, SAMPLE_WORDS * 12).toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu)?.slice(0, SAMPLE_WORDS) ?? [];
  if (words.length === 0) return false;
  let common = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) common++;
  return common / words.length >= ENGLISH_SHARE;
}
