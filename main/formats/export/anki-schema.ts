// What an Anki 2.1 legacy (schema 11, `collection.anki21`) collection holds besides notes and cards:
// its tables, its notetypes, decks and deck options as the JSON the `col` row carries. The shapes
// are those an Anki-written collection has (the keys of its models, decks and dconf), so Anki and
// any reader that expects them opens the file without repairs.

import { MAX_ANSWER_MS } from '../../domain/answer-time.ts';

/** The tables exactly as Anki creates a schema-11 collection. */
export const ANKI_TABLES_11 = `
CREATE TABLE col (
  id integer PRIMARY KEY,
  crt integer NOT NULL,
  mod integer NOT NULL,
  scm integer NOT NULL,
  ver integer NOT NULL,
  dty integer NOT NULL,
  usn integer NOT NULL,
  ls integer NOT NULL,
  conf text NOT NULL,
  models text NOT NULL,
  decks text NOT NULL,
  dconf text NOT NULL,
  tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY,
  guid text NOT NULL,
  mid integer NOT NULL,
  mod integer NOT NULL,
  usn integer NOT NULL,
  tags text NOT NULL,
  flds text NOT NULL,
  -- The use of type integer for sfld is deliberate, because it means that integer values in this
  -- field will sort numerically.
  sfld integer NOT NULL,
  csum integer NOT NULL,
  flags integer NOT NULL,
  data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY,
  nid integer NOT NULL,
  did integer NOT NULL,
  ord integer NOT NULL,
  mod integer NOT NULL,
  usn integer NOT NULL,
  type integer NOT NULL,
  queue integer NOT NULL,
  due integer NOT NULL,
  ivl integer NOT NULL,
  factor integer NOT NULL,
  reps integer NOT NULL,
  lapses integer NOT NULL,
  left integer NOT NULL,
  odue integer NOT NULL,
  odid integer NOT NULL,
  flags integer NOT NULL,
  data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY,
  cid integer NOT NULL,
  usn integer NOT NULL,
  ease integer NOT NULL,
  ivl integer NOT NULL,
  lastIvl integer NOT NULL,
  factor integer NOT NULL,
  time integer NOT NULL,
  type integer NOT NULL
);
CREATE TABLE graves (
  usn integer NOT NULL,
  oid integer NOT NULL,
  type integer NOT NULL
);
`;

/** Its indexes, exactly as Anki creates them; made after the rows are in, which is faster. */
export const ANKI_INDEXES_11 = `
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** `col.ver` of the legacy layout every Anki 2.1 reads. */
export const ANKI_SCHEMA_VERSION = 11;

/** Anki's default "Maximum answer seconds": answers are recorded as at most this long. */
export const MAX_ANSWER_SECONDS = MAX_ANSWER_MS / 1000;

/** The learning and relearning steps (minutes) of the deck options written, Anki's and Deckhand's defaults. */
export const LEARNING_STEPS = [1, 10];
export const RELEARNING_STEPS = [10];

// Fixed notetype ids, so every export names the same notetypes and Anki, seeing one again, reuses
// the notetype it made from the first import instead of adding "Basic-1a2b3".
export const NOTETYPE_IDS = { basic: 1_700_000_000_001, reversed: 1_700_000_000_002, cloze: 1_700_000_000_003 } as const;

const CSS = '.card {\n  font-family: arial;\n  font-size: 20px;\n  text-align: center;\n  color: black;\n  background-color: white;\n}\n';
const CLOZE_CSS = `${CSS}.cloze {\n  font-weight: bold;\n  color: blue;\n}\n.nightMode .cloze {\n  color: lightblue;\n}\n`;
const LATEX_PRE = '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
const LATEX_POST = '\\end{document}';

const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, description: '', media: [] as string[] });
const template = (name: string, ord: number, qfmt: string, afmt: string) => ({ name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 });

/** Anki's three stock notetypes in the legacy JSON form, keyed by id as `col.models` is. */
export function stockModels(modSeconds: number): Record<string, unknown> {
  const model = (id: number, name: string, type: 0 | 1, flds: ReturnType<typeof field>[], tmpls: ReturnType<typeof template>[], css: string, req: unknown[]) => ({
    id,
    name,
    type,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: null,
    tmpls,
    flds,
    css,
    latexPre: LATEX_PRE,
    latexPost: LATEX_POST,
    latexsvg: false,
    req,
    tags: [] as string[],
    vers: [] as unknown[],
  });
  const answer = (back: string) => `{{FrontSide}}\n\n<hr id=answer>\n\n{{${back}}}`;
  const models = [
    model(NOTETYPE_IDS.basic, 'Basic', 0, [field('Front', 0), field('Back', 1)], [template('Card 1', 0, '{{Front}}', answer('Back'))], CSS, [[0, 'any', [0]]]),
    model(
      NOTETYPE_IDS.reversed,
      'Basic (and reversed card)',
      0,
      [field('Front', 0), field('Back', 1)],
      [template('Card 1', 0, '{{Front}}', answer('Back')), template('Card 2', 1, '{{Back}}', answer('Front'))],
      CSS,
      [
        [0, 'any', [0]],
        [1, 'any', [1]],
      ],
    ),
    model(NOTETYPE_IDS.cloze, 'Cloze', 1, [field('Text', 0), field('Back Extra', 1)], [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')], CLOZE_CSS, [[0, 'any', [0]]]),
  ];
  return Object.fromEntries(models.map((m) => [String(m.id), m]));
}

/** One deck in the legacy JSON form; id 1 is Anki's Default deck, which every collection has. */
export function legacyDeck(id: number, name: string, desc: string, modSeconds: number) {
  return {
    id,
    mod: modSeconds,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc,
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** The Default deck options (id 1), with Anki's defaults, which are Deckhand's too. */
export function defaultDeckConfig(modSeconds: number) {
  return {
    '1': {
      id: 1,
      mod: modSeconds,
      name: 'Default',
      usn: -1,
      maxTaken: MAX_ANSWER_SECONDS,
      autoplay: true,
      timer: 0,
      replayq: true,
      new: { bury: false, delays: LEARNING_STEPS, initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: RELEARNING_STEPS, leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      dyn: false,
      newMix: 0,
      newPerDayMinimum: 0,
      interdayLearningMix: 0,
      reviewOrder: 0,
      newSortOrder: 0,
      newGatherPriority: 0,
      buryInterdayLearning: false,
    },
  };
}
