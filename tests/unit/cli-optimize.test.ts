// `deckhand optimize` on a real Anki collection with history: the JSON it prints, --dry-run, --preset.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/deckhand.ts';
import { hasShared, REALDATA, sharedSkipReason } from './shared-data.ts';
import { tempDir } from './temp-dir.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!hasShared)(`deckhand optimize ${hasShared ? '' : sharedSkipReason}`, () => {
  it('prints each preset with its history, the check before and after, what was kept and the parameters; --dry-run changes nothing', async () => {
    const data = path.join(tempDir('deckhand-cli-'), 'c');
    expect((await cli('import', path.join(REALDATA, 'yourchocobro-collection/collection.anki2'), '--data-dir', data)).code).toBe(0);

    const dry = await cli('optimize', '--json', '--dry-run', '--data-dir', data);
    expect(dry.code).toBe(0);
    const { presets } = JSON.parse(dry.out) as { presets: Record<string, unknown>[] };
    expect(presets).toHaveLength(1);
    const p = presets[0]!;
    expect(Object.keys(p)).toEqual(['name', 'reviews', 'items', 'before', 'after', 'kept', 'params']);
    expect(p).toMatchObject({ name: 'Default', kept: 'new' });
    expect(p.reviews).toBeGreaterThan(4000);
    expect(p.items).toBeGreaterThan(2000);
    for (const e of [p.before, p.after] as { logLoss: number; rmseBins: number }[]) {
      expect(Object.keys(e)).toEqual(['logLoss', 'rmseBins']);
      expect(e.logLoss).toBeGreaterThan(0);
      expect(e.rmseBins).toBeGreaterThan(0);
    }
    expect(p.params).toHaveLength(21);
    expect(dry.err).toMatch(/^Default: fitting \d+%/);

    // The dry run saved nothing: the real run still finds new parameters, then a third finds nothing better.
    const real = await cli('optimize', '--preset', 'default', '--data-dir', data);
    expect(real.out.split('\n')[0]).toMatch(/^Default: [\d,]+ reviews, [\d,]+ items; new parameters in use\.$/);
    const again = await cli('optimize', '--json', '--data-dir', data);
    expect(JSON.parse(again.out).presets[0]).toMatchObject({ kept: 'old', params: p.params });
  });
});

describe('deckhand optimize --preset', () => {
  it('names the presets there are when --preset names none of them', async () => {
    const data = path.join(tempDir('deckhand-cli-'), 'c');
    const result = await cli('optimize', '--preset', 'Nope', '--data-dir', data);
    expect(result).toMatchObject({ code: 1, err: 'deckhand: optimize: there is no preset named "Nope"; the presets are "Default"' });
  });
});
