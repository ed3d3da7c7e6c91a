// What a reader refused with: the ArticleError's message, or a failure when it read the file.
import { ArticleError } from '../../../../main/formats/article/read-article.ts';

export async function refusal(read: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await read();
  } catch (e) {
    if (e instanceof ArticleError) return e.message;
    throw e;
  }
  throw new Error('expected the reader to refuse, but it read the file');
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
