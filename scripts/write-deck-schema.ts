// `npm run schema`: writes decks/schema.json from the zod schema in main/formats/deck-schema.ts.
import { writeFileSync } from 'node:fs';
import { deckJsonSchema } from '../main/formats/deck-schema.ts';

writeFileSync('decks/schema.json', `${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
console.log('Wrote decks/schema.json');
