// The review log read as raw bytes for the optimiser's child: whole lines in every piece, whatever
// the piece size, across files, a last line without its newline included, a missing file skipped.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logBytes } from '../../../main/store/log-bytes.ts';
import { tempDir } from '../temp-dir.ts';

async function pieces(files: string[], size: number): Promise<string[]> {
  const out: string[] = [];
  for await (const bytes of logBytes(files, size)) out.push(Buffer.from(bytes).toString('utf8'));
  return out;
}

describe('the review log as bytes', () => {
  it('hands over whole lines only, so each piece parses on its own, and loses nothing', async () => {
    const dir = tempDir('deckhand-log-bytes-');
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `d-${i}`, text: 'é'.repeat(i % 7) }));
    const first = path.join(dir, 'a.jsonl');
    const second = path.join(dir, 'b.jsonl');
    writeFileSync(first, `${lines.slice(0, 30).join('\n')}\n`);
    // The active log's last line may still lack its newline.
    writeFileSync(second, lines.slice(30).join('\n'));
    for (const size of [7, 64, 1000, 1 << 20]) {
      const got = await pieces([first, path.join(dir, 'gone.jsonl'), second], size);
      for (const piece of got) for (const line of piece.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
      expect(got.join('').split('\n').filter(Boolean)).toEqual(lines);
    }
  });
});
