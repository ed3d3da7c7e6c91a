// The zip archives behind .docx and .epub, unpacked with the same guards as the Anki importer
// (import/unpack.ts: declared sizes checked before anything is inflated, each member held to its
// declared size, the whole to a budget), with its refusals turned into the article's.
import { ImportError } from '../bundle.ts';
import { listZip, unzipMembers, type ZipMember } from '../import/unpack.ts';
import { ArticleError } from './article-error.ts';
import { ARTICLE_LIMITS } from './article-limits.ts';

function asArticleError(file: string, e: unknown): unknown {
  if (!(e instanceof ImportError)) return e;
  const prefix = `${e.file}: `;
  return new ArticleError(file, e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
}

export interface ZipArchive {
  members: ZipMember[];
  has(name: string): boolean;
  /** The members `wanted` accepts, unpacked. */
  unpack(wanted: (name: string) => boolean): Map<string, Uint8Array>;
}

/** Opens the archive; `notZip` is the refusal when the bytes are not a zip at all. */
export function openZip(file: string, bytes: Uint8Array, notZip: string): ZipArchive {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ArticleError(file, notZip);
  let members: ZipMember[];
  try {
    members = listZip(file, bytes, ARTICLE_LIMITS.maxUnpackedBytes);
  } catch (e) {
    throw asArticleError(file, e);
  }
  const names = new Set(members.map((m) => m.name));
  return {
    members,
    has: (name) => names.has(name),
    unpack(wanted) {
      try {
        return unzipMembers(file, bytes, members, wanted, ARTICLE_LIMITS.maxUnpackedBytes);
      } catch (e) {
        throw asArticleError(file, e);
      }
    },
  };
}
