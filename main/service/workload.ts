// "Help me decide": the preset's own cards, parameters, limits and answer times handed to the
// workload simulation (domain/simulate.ts), which runs in the optimiser's child process since a
// year of a few thousand cards at 28 retentions is seconds of work.
import { AppError } from '../app-error.ts';
import type { WorkloadView } from '../contract.ts';
import { MemoryState } from '../domain/card.ts';
import { dayStart } from '../domain/day.ts';
import { DEFAULT_PARAMETERS } from '../domain/optimise.ts';
import { presetFor, type Preset } from '../domain/settings.ts';
import type { SimCard, SimulationInput } from '../domain/simulate.ts';
import { FitError, simulateInChild, type ChildLauncher } from '../optimiser/supervisor.ts';
import type { ServiceContext } from './context.ts';

const DAY_MS = 86_400_000;
const DAYS = 365;

export function simulationInput(ctx: ServiceContext, preset: Preset): SimulationInput {
  const { collection } = ctx;
  const settings = collection.settings;
  const today = dayStart(ctx.clock(), settings.rolloverHour);
  const usesPreset = new Map<string, boolean>();
  const inPreset = (deckId: string) => {
    let uses = usesPreset.get(deckId);
    if (uses === undefined) usesPreset.set(deckId, (uses = presetFor(settings, collection.deck(deckId)?.presetId).id === preset.id));
    return uses;
  };
  const cards: SimCard[] = [];
  const ids = new Set<string>();
  let newCards = 0;
  for (const c of collection.allCards()) {
    if (c.suspended || !inPreset(c.deckId)) continue;
    const m = c.memory;
    if (m.state === MemoryState.New || m.lastReview === null || !(m.stability > 0)) {
      newCards++;
      continue;
    }
    ids.add(c.id);
    cards.push({ stability: m.stability, difficulty: m.difficulty, dueDay: Math.floor((m.due - today) / DAY_MS), lastDay: Math.floor((m.lastReview - today) / DAY_MS) });
  }
  return {
    cards,
    newCards,
    newPerDay: preset.newPerDay,
    reviewsPerDay: preset.reviewsPerDay,
    parameters: preset.weights ?? DEFAULT_PARAMETERS,
    maximumIntervalDays: preset.maximumIntervalDays,
    days: DAYS,
    ...answerHabits(ctx, ids, preset),
  };
}

/** The learner's average answer times and first ratings from the log; Anki's defaults without history. */
function answerHabits(ctx: ServiceContext, cardIds: ReadonlySet<string>, preset: Preset): Pick<SimulationInput, 'seconds' | 'firstRatings'> {
  const sums: Record<'remembered' | 'forgotten', [number, number]> = { remembered: [0, 0], forgotten: [0, 0] };
  const firstRatings: [number, number, number, number] = [0, 0, 0, 0];
  const answered = new Set<string>();
  for (const e of ctx.collection.allEntries()) {
    if (e.kind !== undefined || e.rating < 1 || e.rating > 4 || !cardIds.has(e.cardId)) continue;
    const sum = e.rating === 1 ? sums.forgotten : sums.remembered;
    sum[0] += e.durationMs;
    sum[1]++;
    if (!answered.has(e.cardId)) {
      answered.add(e.cardId);
      firstRatings[(e.rating - 1) as 0 | 1 | 2 | 3]++;
    }
  }
  const mean = (s: [number, number], fallback: number) => (s[1] > 0 ? s[0] / s[1] / 1000 : fallback);
  const remembered = mean(sums.remembered, 8);
  return {
    seconds: { remembered, forgotten: mean(sums.forgotten, 20), learned: remembered * (1 + preset.learningSteps.length) },
    firstRatings: answered.size > 0 ? firstRatings : [0.2, 0.05, 0.7, 0.05],
  };
}

export async function simulateWorkload(ctx: ServiceContext, launch: ChildLauncher, presetId: string): Promise<WorkloadView> {
  const preset = ctx.collection.settings.presets.find((p) => p.id === presetId);
  if (!preset) throw new AppError('not-found', `There is no preset "${presetId}".`);
  const input = simulationInput(ctx, preset);
  try {
    const points = await simulateInChild(launch, input).result;
    return { presetId, chosen: preset.desiredRetention, days: input.days, cards: input.cards.length, newCards: input.newCards, points };
  } catch (e) {
    if (e instanceof FitError) throw new AppError('unavailable', e.message.replace('The optimiser', 'The simulation').replace(' Your parameters did not change.', ''));
    throw e;
  }
}
