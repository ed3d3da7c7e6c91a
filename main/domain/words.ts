// The sentences around a count are English, so its digits are grouped the English way too.
const COUNT = new Intl.NumberFormat('en');

/** "1 card", "2 cards", "1,234 cards"; `many` for words that do not take an s ("3 selected"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${COUNT.format(n)} ${n === 1 ? one : many}`;
