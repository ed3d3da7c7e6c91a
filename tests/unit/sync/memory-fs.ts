// The sync folder as a map of paths to bytes, for tests: what a sync engine leaves in a folder
// (half-copied files, temp files, conflict copies) is put there directly.
import type { SyncFs } from '../../../main/sync/sync-fs.ts';

export interface MemoryFs extends SyncFs {
  files: Map<string, Uint8Array>;
}

export function memoryFs(files = new Map<string, Uint8Array>()): MemoryFs {
  return {
    files,
    list(dir) {
      const prefix = `${dir}/`;
      const names = new Set<string>();
      for (const file of files.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
    read(file, maxBytes) {
      const bytes = files.get(file);
      if (!bytes) return 'missing';
      return bytes.length > maxBytes ? 'too-large' : bytes;
    },
    write(file, bytes) {
      files.set(file, Uint8Array.from(bytes));
    },
  };
}

export const text = (s: string): Uint8Array => Buffer.from(s, 'utf8');
