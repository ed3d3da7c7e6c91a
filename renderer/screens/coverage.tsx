// What the library and the reader both show of an article: its byline and how much of it has cards.
import type { Article } from '../../main/contract.ts';
import { coverageLabel, dateLabel } from '../format.ts';

/** "By Taisuke Mibae · The Diplomat · 2 Mar 2026": what the article says of itself. */
export function bylineOf(author: string | null, publisher: string | null, date: string | null): string {
  const published = date ? dateLabel(Date.parse(`${date}T12:00:00`)) : null;
  return [author ? `By ${author}` : null, publisher, published].filter(Boolean).join(' · ');
}

/** How much of the article has cards, as a bar and in words. */
export function CoverageBar({ coverage, id }: { coverage: Article['coverage']; id: string }) {
  const label = coverageLabel(coverage);
  const percent = coverage.sentences === 0 ? 0 : (100 * coverage.quoted) / coverage.sentences;
  return (
    <div class="coverage">
      <div role="meter" class="coverage-bar" aria-labelledby={id} aria-valuemin={0} aria-valuemax={coverage.sentences} aria-valuenow={coverage.quoted} aria-valuetext={label}>
        <div class="coverage-fill" style={{ width: `${percent}%` }} />
      </div>
      <span id={id} class="small">
        {label}
      </span>
    </div>
  );
}
