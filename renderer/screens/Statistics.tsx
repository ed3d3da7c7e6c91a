// The Statistics screen, for one deck (with the decks under it) or all: a calendar of the past
// year, the forecast, true retention, card counts, answer buttons and FSRS memory. Each chart has
// its numbers in a table under "Show the numbers", for screen readers and for anyone who prefers them.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bin, PassFail, Stats } from '../../main/contract.ts';
import { BarChart } from '../bar-chart.tsx';
import { countLabel, dayLabel, deckOptionLabel, monthLabel, monthYearLabel, percentLabel, plural, shortDayLabel } from '../format.ts';
import { navigate } from '../router.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame } from './Frame.tsx';

/** A study day's local date from `YYYY-MM-DD` plus `offset` days. */
function dayAfter(iso: string, offset: number): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offset);
}

export function Statistics({ deckId }: { deckId: string | null }) {
  const [stats] = useApi('getStats', deckId === null ? {} : { deckId });
  const [decks] = useApi('listDecks', {});
  return (
    <Frame title={stats.state === 'ready' && deckId !== null ? `Statistics: ${stats.value.title}` : 'Statistics'} back>
      <label class="field stats-deck">
        <span>Deck</span>
        <select value={deckId ?? ''} onChange={(e) => navigate({ name: 'stats', deckId: e.currentTarget.value || null })}>
          <option value="">All decks</option>
          {decks.state === 'ready' &&
            decks.value.map((d) => (
              <option key={d.id} value={d.id}>
                {deckOptionLabel(d)}
              </option>
            ))}
        </select>
      </label>
      {stats.state === 'loading' && (
        <p class="muted" role="status">
          Reading your review history…
        </p>
      )}
      {stats.state === 'error' && <ErrorMessage message={stats.message} />}
      {stats.state === 'ready' && <StatsBody stats={stats.value} />}
    </Frame>
  );
}

function StatsBody({ stats }: { stats: Stats }) {
  return (
    <div class="stats">
      <Section id="stats-calendar" title="Reviews in the past year">
        <Calendar heatmap={stats.heatmap} />
      </Section>
      <Section id="stats-forecast" title="Due in the days ahead">
        <Forecast forecast={stats.forecast} firstDay={dayAfter(stats.heatmap.firstDay, stats.heatmap.counts.length - 1)} />
      </Section>
      <Section id="stats-retention" title="True retention">
        <Retention rows={stats.retention} />
      </Section>
      <Section id="stats-counts" title="Cards">
        <CardCounts counts={stats.cardCounts} />
      </Section>
      <Section id="stats-buttons" title="Answer buttons">
        <Buttons buttons={stats.buttons} />
      </Section>
      <Section id="stats-memory" title="Memory (FSRS)">
        <Memory memory={stats.memory} />
      </Section>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="stats-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A chart's numbers as a table, closed until asked for (a native disclosure, so it works from the keyboard). */
function Numbers({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details class="numbers">
      <summary>Show the numbers</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{typeof c === 'number' ? countLabel(c) : c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * uPlot draws charts over an x axis, not calendars, so the year is a grid of day cells drawn here:
 * a week a column, Monday at the top. Each day is a cell a screen reader can name ("12 reviews on
 * 3 March 2026"); one cell at a time is in the tab order (roving tabindex) and the arrow keys move
 * between days, as in a date picker.
 */
function Calendar({ heatmap }: { heatmap: Stats['heatmap'] }) {
  const { counts, firstDay } = heatmap;
  const last = counts.length - 1;
  const [active, setActive] = useState(last);
  const [shown, setShown] = useState<number | null>(null);
  const cells = useRef<(HTMLElement | null)[]>([]);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) cells.current[active]?.focus();
    moved.current = false;
  }, [active]);

  const lead = (dayAfter(firstDay, 0).getDay() + 6) % 7; // Monday first
  const weeks = Math.ceil((lead + counts.length) / 7);
  // Four shades by the quartiles of the days with reviews, so one heavy day does not wash out the rest.
  const studied = counts.filter((n) => n > 0).sort((a, b) => a - b);
  const quartile = (q: number) => studied[Math.floor(q * (studied.length - 1))] ?? 0;
  const limits = [quartile(0.25), quartile(0.5), quartile(0.75)];
  const level = (n: number) => (n === 0 ? 0 : 1 + limits.filter((l) => n > l).length);
  const describe = (i: number) => `${plural(counts[i]!, 'review')} on ${dayLabel(dayAfter(firstDay, i))}`;
  const onKey = (e: KeyboardEvent) => {
    const step = ({ ArrowLeft: -7, ArrowRight: 7, ArrowUp: -1, ArrowDown: 1 } as Record<string, number>)[e.key];
    let next: number | null = null;
    if (step !== undefined) next = Math.min(last, Math.max(0, active + step));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next === null) return;
    e.preventDefault();
    moved.current = true;
    setActive(next);
    setShown(next);
  };
  const monthLabels: { week: number; label: string }[] = [];
  for (let w = 0; w < weeks; w++) {
    const first = w * 7 - lead;
    const day = dayAfter(firstDay, Math.max(0, first));
    if (first >= 0 && day.getDate() <= 7) monthLabels.push({ week: w, label: monthLabel(day) });
  }
  const today = counts[last] ?? 0;
  const months = new Map<string, { reviews: number; days: number }>();
  counts.forEach((n, i) => {
    const key = monthYearLabel(dayAfter(firstDay, i));
    const m = months.get(key) ?? { reviews: 0, days: 0 };
    m.reviews += n;
    if (n > 0) m.days++;
    months.set(key, m);
  });

  return (
    <>
      <dl class="stat-line">
        <div>
          <dt>Today</dt>
          <dd>{plural(today, 'review')}</dd>
        </div>
        <div>
          <dt>Current streak</dt>
          <dd>{plural(heatmap.streak, 'day')}</dd>
        </div>
        <div>
          <dt>Past year</dt>
          <dd>
            {plural(heatmap.total, 'review')} on {plural(heatmap.daysStudied, 'day')}
          </dd>
        </div>
      </dl>
      <div class="calendar-wrap">
        <div class="calendar-months" aria-hidden="true" style={{ gridTemplateColumns: `repeat(${weeks}, var(--cell))` }}>
          {monthLabels.map((m) => (
            <span key={m.week} style={{ gridColumnStart: m.week + 1 }}>
              {m.label}
            </span>
          ))}
        </div>
        <div class="calendar" role="grid" aria-label="Reviews per day in the past year" aria-describedby="calendar-help" onKeyDown={onKey}>
          {Array.from({ length: 7 }, (_, row) => (
            <div role="row" class="calendar-row" key={row} style={{ gridTemplateColumns: `repeat(${weeks}, var(--cell))` }}>
              {Array.from({ length: weeks }, (_, week) => {
                const i = week * 7 + row - lead;
                if (i < 0 || i > last) return <span role="gridcell" class="day out" key={week} />;
                return (
                  <span
                    role="gridcell"
                    key={week}
                    ref={(el) => {
                      cells.current[i] = el;
                    }}
                    class={`day level-${level(counts[i]!)}${i === last ? ' today' : ''}`}
                    tabIndex={i === active ? 0 : -1}
                    aria-label={describe(i)}
                    aria-current={i === last ? 'date' : undefined}
                    onFocus={() => {
                      setActive(i);
                      setShown(i);
                    }}
                    onMouseEnter={() => setShown(i)}
                    onClick={() => setActive(i)}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <p class="calendar-detail muted small" aria-hidden="true">
        {shown === null ? 'Point at a day, or Tab to the calendar and use the arrow keys.' : describe(shown)}
      </p>
      <p id="calendar-help" class="visually-hidden">
        Arrow keys move by a day or a week; Home and End go to the first day and to today.
      </p>
      <Numbers caption="Reviews per month" head={['Month', 'Reviews', 'Days studied']} rows={[...months].map(([k, v]) => [k, v.reviews, v.days])} />
    </>
  );
}

const RANGES = [7, 30, 90] as const;

function Forecast({ forecast, firstDay }: { forecast: Stats['forecast']; firstDay: Date }) {
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const days = forecast.daily.slice(0, range);
  const labels = days.map((_, i) => (i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : shortDayLabel(new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() + i))));
  const every = range === 7 ? 1 : range === 30 ? 5 : 14;
  const total = { 7: forecast.next7, 30: forecast.next30, 90: forecast.next90 };
  return (
    <>
      <dl class="stat-line">
        <div>
          <dt>Today</dt>
          <dd data-testid="forecast-today">{plural(forecast.daily[0] ?? 0, 'card')}</dd>
        </div>
        <div>
          <dt>Tomorrow</dt>
          <dd data-testid="forecast-tomorrow">{plural(forecast.daily[1] ?? 0, 'card')}</dd>
        </div>
        {RANGES.map((r) => (
          <div key={r}>
            <dt>Next {r} days</dt>
            <dd data-testid={`forecast-${r}`}>{plural(total[r], 'card')}</dd>
          </div>
        ))}
      </dl>
      <div class="segmented" role="group" aria-label="Days shown">
        {RANGES.map((r) => (
          <button type="button" key={r} class="button small secondary" aria-pressed={range === r} onClick={() => setRange(r)}>
            {r} days
          </button>
        ))}
      </div>
      {days.some((n) => n > 0) ? (
        <BarChart slotLabel="Day" labels={labels} series={[{ label: 'Due', values: days, color: '--due' }]} ticks={labels.map((_, i) => i).filter((i) => i % every === 0)} />
      ) : (
        <p class="empty">Nothing is due in the next {range} days.</p>
      )}
      <Numbers caption={`Cards due in the next ${range} days`} head={['Day', 'Cards due']} rows={days.map((n, i) => [labels[i]!, n])} />
    </>
  );
}

const PERIOD_NAMES = { today: 'Today', week: 'Last 7 days', month: 'Last 30 days', year: 'Last year' } as const;

function Retention({ rows }: { rows: Stats['retention'] }) {
  const cell = (p: PassFail) => (
    <td>
      <span class="retention">{percentLabel(p.passed, p.passed + p.failed)}</span>
      <span class="muted small"> {p.passed + p.failed ? `${countLabel(p.passed)} of ${countLabel(p.passed + p.failed)}` : 'no reviews'}</span>
    </td>
  );
  return (
    <>
      <table class="stats-table">
        <caption class="muted small">Share of reviews passed (not Again), for cards in review: young under 21 days' interval, mature from 21 days.</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Young</th>
            <th scope="col">Mature</th>
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period}>
              <th scope="row">{PERIOD_NAMES[r.period]}</th>
              {cell(r.young)}
              {cell(r.mature)}
              {cell({ passed: r.young.passed + r.mature.passed, failed: r.young.failed + r.mature.failed })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const STATE_PARTS = [
  ['new', 'New', '--new'],
  ['learning', 'Learning', '--learning'],
  ['young', 'Young', '--young'],
  ['mature', 'Mature', '--mature'],
  ['suspended', 'Suspended', '--muted'],
] as const;

function CardCounts({ counts }: { counts: Stats['cardCounts'] }) {
  return (
    <>
      {counts.total > 0 && (
        <div class="state-bar" aria-hidden="true">
          {STATE_PARTS.map(([k, , color]) => counts[k] > 0 && <span key={k} class={`state-${k}`} style={{ flexGrow: counts[k], background: `var(${color})` }} />)}
        </div>
      )}
      <dl class="stat-line states">
        {STATE_PARTS.map(([k, label, color]) => (
          <div key={k}>
            <dt>
              <span class="swatch" style={{ background: `var(${color})` }} aria-hidden="true" />
              {label}
            </dt>
            <dd>{countLabel(counts[k])}</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd>{countLabel(counts.total)}</dd>
        </div>
      </dl>
    </>
  );
}

const BUTTONS = ['Again', 'Hard', 'Good', 'Easy'];
const GROUPS = [
  ['learning', 'Learning', '--new'],
  ['young', 'Young', '--young'],
  ['mature', 'Mature', '--mature'],
] as const;

function Buttons({ buttons }: { buttons: Stats['buttons'] }) {
  // Grouped bars in uPlot: four slots a button (three groups and a gap), each group a series with
  // a value only in its own slot.
  const labels = BUTTONS.flatMap((b) => ['', b, '', '']);
  const series = GROUPS.map(([k, label, color], g) => ({ label, color, values: labels.map((_, slot) => (slot % 4 === g ? buttons[k][Math.floor(slot / 4)]! : null)) }));
  const total = (k: (typeof GROUPS)[number][0]) => buttons[k].reduce((a, b) => a + b, 0);
  const passed = (k: (typeof GROUPS)[number][0]) => {
    const t = total(k);
    return t ? `${percentLabel(t - buttons[k][0], t)} not Again` : '–';
  };
  return (
    <>
      <p class="muted small">Over the last {buttons.days} days, by what the card was before the answer.</p>
      {GROUPS.some(([k]) => total(k) > 0) ? <BarChart slotLabel="Button" labels={labels} series={series} ticks={[1, 5, 9, 13]} /> : <p class="empty">No answers in the last {buttons.days} days yet.</p>}
      <Numbers caption={`Answer buttons pressed in the last ${buttons.days} days`} head={['Cards', ...BUTTONS, 'Passed']} rows={GROUPS.map(([k, label]) => [label, ...buttons[k], passed(k)])} />
    </>
  );
}

function binLabel(b: Bin, format: (n: number) => string, unit = ''): string {
  return b.to === null ? `${format(b.from)}${unit}+` : `${format(b.from)}–${format(b.to)}${unit}`;
}

function Histogram({ title, bins, label, color }: { title: string; bins: Bin[]; label: (b: Bin) => string; color: string }) {
  const labels = bins.map(label);
  const every = Math.ceil(bins.length / 5);
  return (
    <div class="histogram">
      <h3>{title}</h3>
      <BarChart slotLabel={title} labels={labels} series={[{ label: 'Cards', values: bins.map((b) => b.count), color }]} ticks={labels.map((_, i) => i).filter((i) => i % every === 0)} height={170} />
      <Numbers caption={`${title}: cards per range`} head={[title, 'Cards']} rows={bins.map((b, i) => [labels[i]!, b.count])} />
    </div>
  );
}

function Memory({ memory }: { memory: Stats['memory'] }) {
  if (memory.cards === 0) return <p class="empty">No card has been answered yet: FSRS has no memory to show.</p>;
  return (
    <>
      <dl class="stat-line">
        <div>
          <dt>Average predicted retention now</dt>
          <dd>{memory.averageRetrievability === null ? '–' : percentLabel(memory.averageRetrievability, 1)}</dd>
        </div>
        <div>
          <dt>Cards with a memory state</dt>
          <dd>{countLabel(memory.cards)}</dd>
        </div>
      </dl>
      <div class="histograms">
        <Histogram title="Retrievability" bins={memory.retrievability} label={(b) => binLabel(b, (n) => String(Math.round(n * 100)), '%')} color="--good" />
        <Histogram title="Stability" bins={memory.stability} label={(b) => binLabel(b, String, ' d')} color="--new" />
        <Histogram title="Difficulty" bins={memory.difficulty} label={(b) => binLabel(b, String)} color="--hard" />
      </div>
    </>
  );
}
