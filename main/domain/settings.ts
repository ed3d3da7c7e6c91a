// What a learner can set: the study day, overall limits, and deck presets (Anki's "deck options").
import type { Preset, Settings } from '../contract.ts';

export type { Preset, Settings };

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
