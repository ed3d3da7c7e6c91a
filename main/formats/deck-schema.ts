// The deck file format (`decks/<id>/deck.json`). This zod schema is the single definition:
// decks/schema.json is generated from it (`npm run schema`) and a test keeps the two equal.
import { z } from 'zod';

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing' : `must be ${what}`) })
    .trim()
    .min(1, 'is empty');

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = text('text').max(64, 'is longer than 64 characters').regex(SLUG, 'must be lowercase words joined by hyphens, like "summit-date"');

const common = {
  id: slug,
  kind: z.enum(['fact', 'argument'], { error: 'must be "fact" or "argument"' }),
  extra: text('text').max(2000, 'is longer than 2000 characters').optional(),
  tags: z.array(slug, { error: 'must be a list of tags' }).max(32, 'has more than 32 tags').default([]),
  quote: text('text').max(4000, 'is longer than 4000 characters').optional(),
};
const side = text('text').max(4000, 'is longer than 4000 characters');

export const deckCardSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...common, type: z.literal('basic'), front: side, back: side }),
    z.strictObject({ ...common, type: z.literal('reversed'), front: side, back: side }),
    z.strictObject({
      ...common,
      type: z.literal('cloze'),
      text: side.regex(/\{\{c\d+::[\s\S]+?\}\}/, 'has no cloze deletion like {{c1::answer}}'),
    }),
  ],
  { error: 'must be "basic", "reversed" or "cloze"' },
);

export const deckFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: slug,
  version: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more'),
  title: text('text').max(200, 'is longer than 200 characters'),
  description: z.string({ error: 'must be text' }).max(2000, 'is longer than 2000 characters').default(''),
  source: z
    .strictObject({
      author: text('text'),
      publisher: text('text'),
      subject: text('text'),
      file: text('a file name').regex(/^[\w.-]+$/, 'must be a file name in the deck folder'),
    })
    .optional(),
  cards: z.array(z.unknown(), { error: 'must be a list of cards' }).min(1, 'has no cards').max(100_000, 'has more than 100,000 cards'),
}, { error: 'must be a JSON object with "id", "version", "title" and "cards"' });

export type DeckCard = z.infer<typeof deckCardSchema>;
export type DeckFile = Omit<z.infer<typeof deckFileSchema>, 'cards'> & { cards: DeckCard[] };

/** The JSON Schema editors use to help with deck files. */
export function deckJsonSchema(): object {
  const schema = z.toJSONSchema(deckFileSchema.extend({ cards: z.array(deckCardSchema).min(1) }), { io: 'input' }) as Record<string, unknown>;
  return { ...schema, title: 'Deckhand deck file', description: 'decks/<id>/deck.json: one deck of flashcards, and where its cards come from.' };
}
