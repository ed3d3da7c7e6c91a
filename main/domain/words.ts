/** "1 card", "3 cards": a count and its noun, for messages and summaries. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
