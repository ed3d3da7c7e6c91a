// What a learner can set: the study day, overall limits, and deck presets (Anki's "deck options").
import type { ReminderSettings } from './reminder.ts';

/** A learning step: minutes, hours or days, as Anki writes them (`1m`, `10m`, `1d`). */
export type StepUnit = `${number}${'m' | 'h' | 'd'}`;

export interface Preset {
  id: string;
  name: string;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  desiredRetention: number;
  maximumIntervalDays: number;
  /** FSRS parameters fitted to this preset's history (21 numbers); FSRS-6's defaults when absent. */
  weights?: number[];
  /** Optimising leaves out cards first studied before this day ('YYYY-MM-DD', local), as Anki's "Ignore cards reviewed before". */
  ignoreReviewsBefore?: string;
}

export interface Settings {
  theme: 'system' | 'light' | 'dark';
  rolloverHour: number;
  newPerDay: number;
  reviewsPerDay: number;
  presets: Preset[];
  /** Place each review on the least busy day FSRS's fuzz range allows (on when absent). */
  loadBalancing?: boolean;
  /** Per weekday, Sunday first, the share of a normal day's reviews wanted: 1 normal, 0.5 half. All 1 when absent. */
  easyDays?: number[];
  /** The daily reminder (domain/reminder.ts); off when absent. */
  reminder?: ReminderSettings;
}

export const DEFAULT_PRESET: Preset = {
  id: 'default',
  name: 'Default',
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
};

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  rolloverHour: 4,
  newPerDay: 9999,
  reviewsPerDay: 9999,
  presets: [DEFAULT_PRESET],
};

export function presetFor(settings: Settings, presetId: string | undefined): Preset {
  return settings.presets.find((p) => p.id === presetId) ?? settings.presets[0] ?? DEFAULT_PRESET;
}
