// Cloze deletions in Anki's syntax: {{c1::answer}} or {{c1::answer::hint}}.

export interface ClozeDeletion {
  ordinal: number;
  answer: string;
  hint: string | null;
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export function parseCloze(text: string): ClozeDeletion[] {
  return [...text.matchAll(CLOZE)].map((m) => ({
    ordinal: Number(m[1]),
    answer: m[2] ?? '',
    hint: m[3] ?? null,
  }));
}

/** The ordinals a cloze text makes cards for, ascending and unique. */
export function clozeOrdinals(text: string): number[] {
  return [...new Set(parseCloze(text).map((d) => d.ordinal))].sort((a, b) => a - b);
}

/**
 * The question and answer sides for one ordinal: that ordinal's deletions are hidden behind
 * `[…]` (or `[hint]`) on the front and shown in bold on the back; other deletions read as text.
 */
export function renderCloze(text: string, ordinal: number, format: 'markdown' | 'html' = 'markdown'): { front: string; back: string } {
  const side = (reveal: boolean) =>
    text.replace(CLOZE, (_all, n: string, answer: string, hint: string | undefined) => {
      if (Number(n) !== ordinal) return answer;
      if (format === 'html') return reveal ? `<b class="cloze">${answer}</b>` : `<span class="cloze">[${hint ?? '…'}]</span>`;
      return reveal ? `**${answer}**` : `[${hint ?? '…'}]`;
    });
  return { front: side(false), back: side(true) };
}
