// Every article reader fails the same way: one sentence that names the file and says what to do.

export class ArticleError extends Error {
  /**
   * `source` is the file's name (or "pasted text"); null when the reason already reads as a whole
   * sentence on its own, as the answer to a pasted link does.
   */
  constructor(
    readonly source: string | null,
    readonly reason: string,
  ) {
    super(source === null ? reason : `${source}: ${reason}`);
    this.name = 'ArticleError';
  }
}
