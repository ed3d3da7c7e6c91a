// The hostile corpus as the importers will read it: each file must carry every payload intact, or
// an importer test built on it would prove less than it claims.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readDeckDir } from '../../../main/formats/deck-file.ts';
import { FITTING_PAYLOADS, HOSTILE_PAYLOADS, writeHostileFixtures } from '../../fixtures/hostile-payloads.ts';
import { tempDir } from '../temp-dir.ts';

const dir = tempDir('deckhand-hostile-fixtures-');
const files = writeHostileFixtures(dir);

describe('the hostile corpus', () => {
  it('has at least 40 payloads, each with a name of its own', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.name)).size).toBe(HOSTILE_PAYLOADS.length);
  });

  it('writes a CSV whose rows give back every payload byte for byte, in front, back and extra', () => {
    const parsed = Papa.parse<string[]>(readFileSync(files.csv, 'utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['front', 'back', 'extra', 'tags']);
    expect(rows.map((r) => r[0])).toEqual(HOSTILE_PAYLOADS.map((p) => p.text));
    for (const row of rows) expect([row[1], row[2]]).toEqual([row[0], row[0]]);
  });

  it('writes Markdown holding every payload as a card', () => {
    const markdown = readFileSync(files.markdown, 'utf8');
    for (const p of HOSTILE_PAYLOADS) expect(markdown.includes(p.text), p.name).toBe(true);
  });

  it('writes a deck.json that loads as a shipped deck and holds every payload that fits a field', () => {
    const { deck } = readDeckDir(dir);
    const text = JSON.stringify(deck);
    for (const p of FITTING_PAYLOADS) expect(text.includes(JSON.stringify(p.text).slice(1, -1)), p.name).toBe(true);
    expect(new Set(deck.cards.map((c) => c.type))).toEqual(new Set(['basic', 'reversed', 'cloze']));
  });
});
