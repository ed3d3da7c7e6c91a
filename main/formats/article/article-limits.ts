// What an article may be. Separate from IMPORT_LIMITS: an article is one text a person reads, not a
// collection, so its ceiling is the size of a long book, far under a deck package's.

export const ARTICLE_LIMITS = {
  /** The largest file read at all, checked before any parsing (a scanned book PDF runs past it; its text would not). */
  maxFileBytes: 50 * 1024 * 1024,
  /** What a .docx or .epub may unpack to, all members together (zip bombs). */
  maxUnpackedBytes: 200 * 1024 * 1024,
  /** Fewer words than this is a caption or a snippet, not something to draft cards from. */
  minWords: 50,
} as const;
