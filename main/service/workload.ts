// "Help me decide": the preset's own cards, parameters and limits handed to the workload
// simulation (domain/simulate.ts) in the optimiser's child process, which also reads the learner's
// answer times from the log's bytes: a year of a few thousand cards at 28 retentions is seconds of
// work, and a million-entry log is too much to parse where answers wait.
import { AppError } from '../app-error.ts';
import type { WorkloadView } from '../contract.ts';
import { MemoryState } from '../domain/card.ts';
import { dayStart } from '../domain/day.ts';
import { DEFAULT_PARAMETERS } from '../domain/optimise.ts';
import type { Preset } from '../domain/settings.ts';
import type { SimCard } from '../domain/simulate.ts';
import type { LogSimulateJob } from '../optimiser/protocol.ts';
import { FitError, simulateInChild, type ChildLauncher } from '../optimiser/supervisor.ts';
import type { ServiceContext } from './context.ts';
import { presetCards } from './preset-cards.ts';

const DAY_MS = 86_400_000;
const DAYS = 365;

export function simulationJob(ctx: ServiceContext, preset: Preset): LogSimulateJob {
  const today = dayStart(ctx.clock(), ctx.collection.settings.rolloverHour);
  const cards: SimCard[] = [];
  const ids: string[] = [];
  let newCards = 0;
  for (const c of presetCards(ctx, preset)) {
    if (c.suspended) continue;
    const m = c.memory;
    if (m.state === MemoryState.New || m.lastReview === null || !(m.stability > 0)) {
      newCards++;
      continue;
    }
    ids.push(c.id);
    cards.push({ stability: m.stability, difficulty: m.difficulty, dueDay: Math.floor((m.due - today) / DAY_MS), lastDay: Math.floor((m.lastReview - today) / DAY_MS) });
  }
  return {
    input: { cards, newCards, newPerDay: preset.newPerDay, reviewsPerDay: preset.reviewsPerDay, parameters: preset.weights ?? DEFAULT_PARAMETERS, maximumIntervalDays: preset.maximumIntervalDays, days: DAYS },
    cardIds: ids.join('\n'),
    learningSteps: preset.learningSteps.length,
  };
}

export async function simulateWorkload(ctx: ServiceContext, launch: ChildLauncher, presetId: string): Promise<WorkloadView> {
  const preset = ctx.collection.settings.presets.find((p) => p.id === presetId);
  if (!preset) throw new AppError('not-found', `There is no preset "${presetId}".`);
  const job = simulationJob(ctx, preset);
  try {
    const points = await simulateInChild(launch, ctx.collection.logBytes(), job).result;
    return { presetId, chosen: preset.desiredRetention, days: DAYS, cards: job.input.cards.length, newCards: job.input.newCards, points };
  } catch (e) {
    if (e instanceof FitError) throw new AppError('unavailable', e.message.replace('The optimiser', 'The simulation').replace(' Your parameters did not change.', ''));
    throw e;
  }
}
