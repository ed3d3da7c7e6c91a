/** An export that cannot be written; the message names the deck, note, card or file and what is wrong. */
export class ExportError extends Error {
  constructor(
    readonly what: string,
    problem: string,
  ) {
    super(`${what}: ${problem}`);
    this.name = 'ExportError';
  }
}
