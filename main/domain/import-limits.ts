// What an import may bring. The readers enforce it as they read, and the dispatcher and the preview
// bridge refuse a larger request before any reader runs, so the contract re-exports it.

/** Limits on what a reader accepts, so a hostile file cannot exhaust memory. */
export const IMPORT_LIMITS = {
  /** The largest file read at all. */
  maxFileBytes: 256 * 1024 * 1024,
  /** The most bytes an archive may expand to, all members together (zip bombs). */
  maxUnpackedBytes: 1024 * 1024 * 1024,
  /** The most notes one import may bring. */
  maxNotes: 500_000,
  /**
   * The largest CSV, Markdown or deck.json text read. Parsed text costs several times its size in
   * memory (rows, fields, notes), and no real deck of text comes near it.
   */
  maxTextBytes: 50 * 1024 * 1024,
  /**
   * The longest field a note may bring. Real notes stay far below it (an Anki field with a long
   * passage is a few thousand characters); a megabyte of text in one card would stall its screen.
   */
  maxFieldChars: 100_000,
} as const;
