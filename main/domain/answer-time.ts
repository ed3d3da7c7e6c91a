/**
 * Anki caps the time counted for one answer at 60 s: longer means the learner walked away. The
 * service, the importers, the exporters and the session summary on screen all count with this cap.
 */
export const MAX_ANSWER_MS = 60_000;

/** The time an answer counts for: never negative, never more than the cap. */
export const cappedAnswerMs = (ms: number): number => Math.min(Math.max(0, ms), MAX_ANSWER_MS);
