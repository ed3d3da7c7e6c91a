// One pass as the learner will see its outcome: which devices were seen, whose files are still
// arriving, which one needs a newer Deckhand, and how much was merged.
import { describe, expect, it } from 'vitest';
import { FOLDER, SimDevice } from './sim-device.ts';
import { text } from './memory-fs.ts';

const T0 = Date.UTC(2026, 4, 1, 7);

describe('one sync pass', () => {
  it('reports the devices seen, what it merged, and nothing new on the pass after', () => {
    const desktop = new SimDevice('desktop', T0);
    const laptop = new SimDevice('laptop', T0);
    laptop.set('deck', 'd', { title: 'Geography' });
    laptop.set('note', 'n', { deckId: 'd', type: 'basic', front: 'Capital of Peru?', back: 'Lima', text: '' });
    laptop.answer('n', 3);
    laptop.sync();
    for (const [file, bytes] of laptop.ownFiles()) desktop.fs.files.set(file, bytes);
    const first = desktop.sync();
    expect(first.devices).toEqual([{ device: 'laptop', name: 'LAPTOP', reviews: 1, waiting: [] }]);
    expect(first.added).toEqual({ reviews: 1, ops: 2 });
    expect(first.merged.cards.get('n')!.answers).toBe(1);
    const second = desktop.sync();
    expect(second.added).toEqual({ reviews: 0, ops: 0 });
    expect(second.written).toEqual([]);
  });

  it("names a device whose files are still arriving, and one that writes a newer format", () => {
    const desktop = new SimDevice('desktop', T0);
    const laptop = new SimDevice('laptop', T0);
    for (let i = 0; i < 4; i++) laptop.set('deck', `d${i}`, { title: `Deck ${i}` });
    laptop.sync();
    for (const [file, bytes] of laptop.ownFiles()) desktop.fs.files.set(file, file.endsWith('ops/000000000000.jsonl') ? bytes.subarray(0, 10) : bytes);
    desktop.fs.files.set(`${FOLDER}/deckhand/devices/phone/manifest.json`, text(JSON.stringify({ format: 2, device: 'phone', name: 'Phone' })));
    const pass = desktop.sync();
    expect(pass.devices[0]!.waiting).toEqual([`${FOLDER}/deckhand/devices/laptop/ops/000000000000.jsonl`, `${FOLDER}/deckhand/devices/laptop/ops: entries 0–2 of 4`]);
    expect(pass.newer).toEqual([{ device: 'phone', name: 'Phone', format: 2 }]);
    expect([...pass.merged.decks.keys()]).toEqual(['d3']);
  });
});
