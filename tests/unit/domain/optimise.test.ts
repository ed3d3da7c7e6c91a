// The optimiser's decisions apart from fitting: how much a history supports, keep or discard,
// time-series splits, what a child's end means, and the health check's words.
import { describe, expect, it } from 'vitest';
import { healthCheck, type HistorySummary } from '../../../main/domain/health-check.ts';
import { DEFAULT_PARAMETERS, fitScope, keepOrDiscard, limitToScope, mergeEvaluations, timeSeriesSplits } from '../../../main/domain/optimise.ts';
import { describeEnd, utilityProcessEnd } from '../../../main/optimiser/supervisor.ts';

describe('how much of the model a history supports', () => {
  it('fits nothing up to 8 items, the first four parameters under 64, everything from 64', () => {
    expect([0, 8, 9, 63, 64, 5000].map(fitScope)).toEqual(['none', 'none', 'initial', 'initial', 'full', 'full']);
    const fitted = DEFAULT_PARAMETERS.map((w) => w + 1);
    expect(limitToScope(fitted, 'initial')).toEqual([...fitted.slice(0, 4), ...DEFAULT_PARAMETERS.slice(4)]);
    expect(limitToScope(fitted, 'none')).toEqual(DEFAULT_PARAMETERS);
    expect(limitToScope(fitted, 'full')).toEqual(fitted);
  });
});

describe('keep or discard', () => {
  it('keeps the new parameters only when their log loss is lower and their RMSE(bins) no higher', () => {
    const old = { logLoss: 0.3, rmseBins: 0.05 };
    expect(keepOrDiscard(old, { logLoss: 0.29, rmseBins: 0.04 })).toBe('new');
    expect(keepOrDiscard(old, { logLoss: 0.29, rmseBins: 0.05 })).toBe('new');
    expect(keepOrDiscard(old, { logLoss: 0.29, rmseBins: 0.06 })).toBe('old');
    expect(keepOrDiscard(old, { logLoss: 0.3, rmseBins: 0.01 })).toBe('old');
    expect(keepOrDiscard(old, old)).toBe('old');
  });
});

describe('time-series splits', () => {
  it('cuts the items in six segments and checks each of the last five on what came before it', () => {
    expect(timeSeriesSplits(62)).toEqual([
      { trainEnd: 10, testEnd: 20 },
      { trainEnd: 20, testEnd: 30 },
      { trainEnd: 30, testEnd: 40 },
      { trainEnd: 40, testEnd: 50 },
      { trainEnd: 50, testEnd: 62 },
    ]);
    expect(timeSeriesSplits(5)).toEqual([]);
  });

  it('merges the segments weighted by their size', () => {
    expect(mergeEvaluations([{ evaluation: { logLoss: 0.2, rmseBins: 0.1 }, items: 1 }, { evaluation: { logLoss: 0.4, rmseBins: 0.04 }, items: 3 }])).toEqual({ logLoss: 0.35000000000000003, rmseBins: 0.055 });
  });
});

describe('what a child process that ended without an answer means', () => {
  it('tells a cancel from a crash, and quotes the panic the binding wrote', () => {
    expect(describeEnd({ code: null, signal: 'SIGKILL' }, true).kind).toBe('cancelled');
    const stderr = "thread '<unnamed>' panicked at src/dataset.rs:62:14:\nInvalid FSRS item: at least one review with delta_t > 0 is required\nstack backtrace:";
    expect(describeEnd({ code: null, signal: 'SIGABRT', stderr }, false)).toEqual({ kind: 'crashed', message: 'The optimiser stopped before it finished (it was stopped by SIGABRT: Invalid FSRS item: at least one review with delta_t > 0 is required). Your parameters did not change.' });
    expect(describeEnd({ code: 1, signal: null }, false).message).toBe('The optimiser stopped before it finished (it exited with code 1). Your parameters did not change.');
    expect(describeEnd({ code: 0, signal: null }, false).message).toBe('The optimiser stopped before it finished (it ended without an answer). Your parameters did not change.');
  });

  it("reads Electron's utilityProcess ends the same way: a fatal error's type, an abort's exit code", () => {
    expect(utilityProcessEnd(134, null, '')).toEqual({ code: null, signal: 'SIGABRT', stderr: '' });
    expect(utilityProcessEnd(9, 'FatalError', '')).toEqual({ code: 9, signal: 'FatalError', stderr: '' });
    expect(utilityProcessEnd(1, null, 'x')).toEqual({ code: 1, signal: null, stderr: 'x' });
    expect(describeEnd(utilityProcessEnd(134, null, ''), false).message).toBe('The optimiser stopped before it finished (it was stopped by SIGABRT). Your parameters did not change.');
  });
});

describe('the health check', () => {
  const summary = (longTerm: [number, number, number, number], extra: Partial<HistorySummary> = {}): HistorySummary => ({ reviews: 5000, items: 2000, cards: 700, longTerm: [0, ...longTerm], ...extra });
  const base = { scope: 'full' as const, kept: 'new' as const, checked: true, desiredRetention: 0.9, before: { logLoss: 0.34, rmseBins: 0.0716 }, after: { logLoss: 0.32, rmseBins: 0.0462 } };

  it('says how much closer the predictions are, in points, and how much history there was', () => {
    const h = healthCheck({ ...base, summary: summary([200, 20, 1500, 280]) });
    expect(h.verdict).toBe('The scheduler now predicts your recall about 35% closer than before: on reviews it was not fitted on, its predicted chance of remembering was off by 4.6 points on average, against 7.2 points with the previous parameters.');
    expect(h.history).toBe('Learned from 5,000 reviews of 700 cards (2,000 reviews a day or more after the one before).');
    expect(h.warnings).toEqual([]);
  });

  it('says the parameters already fit when the new ones are not better', () => {
    expect(healthCheck({ ...base, kept: 'old', summary: summary([200, 20, 1500, 280]) }).verdict).toBe('Your parameters already fit your history: the new ones would not predict it better, so nothing changed.');
  });

  it('says when only the first four parameters could be fitted, and when there was too little to compare', () => {
    expect(healthCheck({ ...base, scope: 'initial', summary: summary([2, 1, 30, 7], { items: 40 }) }).verdict).toMatch(/With fewer than 64 such reviews, only how long a first answer is remembered was fitted; the rest stays at the defaults\.$/);
    expect(healthCheck({ ...base, kept: 'old', checked: false, summary: summary([2, 1, 30, 7]) }).verdict).toMatch(/^Too little history to tell whether new parameters would predict your recall better/);
  });

  it('warns when Hard stands in for Again, and when recall is far from the target', () => {
    const h = healthCheck({ ...base, summary: summary([20, 300, 600, 80]) });
    expect(h.warnings[0]).toBe('You pressed Hard on 30% of your reviews, more often than Again (2%). Hard means you remembered with effort; when you have forgotten, press Again, or the scheduler learns that forgotten cards were remembered.');
    const low = healthCheck({ ...base, summary: summary([400, 50, 500, 50]) });
    expect(low.warnings).toEqual(['You remembered 60% of your reviews, far from the 90% you asked for. Much of this history may come from another scheduler or long breaks; the fitted parameters take it as it is.']);
  });
});
