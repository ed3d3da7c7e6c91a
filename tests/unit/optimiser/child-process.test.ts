// The optimiser in its own process, as the preview and the command line run it: a real log fitted,
// progress, Cancel, a child that dies, and a history too small to fit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFsrsHistory, packHistory, type CardHistory } from '../../../main/domain/fsrs-items.ts';
import { DEFAULT_PARAMETERS } from '../../../main/domain/optimise.ts';
import { forkLauncher } from '../../../main/optimiser/fork-launcher.ts';
import type { FitJob, FitStage } from '../../../main/optimiser/protocol.ts';
import { FitError, runInChild, type ChildLauncher } from '../../../main/optimiser/supervisor.ts';
import { entriesOfPyFsrsLog } from '../realdata-history.ts';
import { hasShared, REALDATA, sharedSkipReason } from '../shared-data.ts';

const launch = forkLauncher();
const job = (cards: CardHistory[], currentParameters = [...DEFAULT_PARAMETERS], splitCheck = false): FitJob => ({
  history: packHistory({ cards, reviews: cards.reduce((n, c) => n + c.reviews.length, 0), items: cards.reduce((n, c) => n + c.itemEnds.length, 0) }),
  currentParameters,
  numRelearningSteps: 1,
  splitCheck,
});
const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(e).toBeInstanceOf(FitError);
  return (e as FitError).failure;
};

/** `count` cards each answered Good on day 0 and again `1 + i % 5` days later. */
const simpleCards = (count: number): CardHistory[] =>
  Array.from({ length: count }, (_, i) => ({ cardId: `c${i}`, reviews: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 1 + (i % 5) }], times: [i, i + 1], itemEnds: [1] }));

describe.skipIf(!hasShared)(`fitting a real review log in a child process ${hasShared ? '' : sharedSkipReason}`, () => {
  const history = hasShared ? buildFsrsHistory(entriesOfPyFsrsLog(path.join(REALDATA, 'py-fsrs/review_logs_josh_1711744352250_to_1728234780857.csv')), { rolloverHour: 4 }) : null;

  it('fits new parameters that predict the history better than the defaults, reporting progress as it goes', async () => {
    const progress: [FitStage, number][] = [];
    const result = await runInChild(launch, job(history!.cards, [...DEFAULT_PARAMETERS], true), (stage, f) => progress.push([stage, f])).result;
    expect(result).toMatchObject({ scope: 'full', kept: 'new', reviews: history!.reviews, items: history!.items });
    expect(result.parameters).toHaveLength(21);
    expect(result.parameters).not.toEqual(DEFAULT_PARAMETERS);
    expect(result.inSample!.new.logLoss).toBeLessThan(result.inSample!.old.logLoss);
    // On reviews neither was fitted on, the fitting predicts better than the defaults too.
    expect(result.after!.rmseBins).toBeLessThan(result.before!.rmseBins);
    expect(progress.some(([s]) => s === 'fitting')).toBe(true);
    expect(progress.at(-1)).toEqual(['checking', 1]);

    // Optimising again from the fitted parameters finds nothing better and keeps them.
    const again = await runInChild(launch, job(history!.cards, result.parameters)).result;
    expect(again.kept).toBe('old');
    expect(again.parameters).toEqual(result.parameters);
  });

  it('stops when cancelled: the child ends and nothing comes back', async () => {
    const run = runInChild(launch, job(history!.cards, [...DEFAULT_PARAMETERS], true), () => run.cancel());
    const failure = await failureOf(run.result);
    expect(failure).toEqual({ kind: 'cancelled', message: 'Optimisation cancelled. Your parameters did not change.' });
  });
});

describe('the optimiser child process', () => {
  it('reports a child that dies (the binding aborts the process on an item with no review a day later) instead of taking the app with it', async () => {
    const bad: CardHistory = { cardId: 'bad', reviews: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }], times: [0, 1], itemEnds: [1] };
    const failure = await failureOf(runInChild(launch, job([...simpleCards(20), bad])).result);
    expect(failure.kind).toBe('crashed');
    expect(failure.message).toMatch(/^The optimiser stopped before it finished \(it was stopped by SIGABRT: Invalid FSRS item: at least one review with delta_t > 0 is required\)\. Your parameters did not change\.$/);
  });

  it('fits nothing from eight items or fewer and keeps the parameters in use', async () => {
    const current = DEFAULT_PARAMETERS.map((w) => w * 1.01);
    const result = await runInChild(launch, job(simpleCards(8), current)).result;
    expect(result).toMatchObject({ scope: 'none', kept: 'old', fitted: null, items: 8, parameters: current });
  });

  it('says so when the child cannot even start', async () => {
    const broken: ChildLauncher = () => {
      throw new Error('spawn ENOENT');
    };
    expect(await failureOf(runInChild(broken, job(simpleCards(3))).result)).toEqual({ kind: 'crashed', message: 'The optimiser could not start (spawn ENOENT). Your parameters did not change.' });
  });
});
