// What valid settings are, in one place: the dispatcher checks them on every change, and a
// collection restored from a JSON backup is checked against the same rules.
import { z } from 'zod';
import type { StepUnit } from './settings.ts';

const id = (field: string) =>
  z
    .string({ error: `"${field}" must be text` })
    .min(1, `"${field}" is empty`)
    .max(300, `"${field}" is longer than 300 characters`);

export const count = (field: string, max = 9999) =>
  z.number({ error: `"${field}" must be a number` }).int(`"${field}" must be a whole number`).min(0, `"${field}" must not be negative`).max(max, `"${field}" must be at most ${max}`);
const steps = (field: string) =>
  z
    .array(z.string().regex(/^\d+(\.\d+)?[mhd]$/, `each of "${field}" must be a time like 1m, 10m, 1h or 1d`), { error: `"${field}" must be a list of times` })
    .max(10, `"${field}" has more than 10 steps`) as unknown as z.ZodType<StepUnit[]>;

const presetSchema = z.strictObject({
  id: id('preset id'),
  name: z.string({ error: 'a preset "name" must be text' }).trim().min(1, 'a preset "name" is empty').max(80, 'a preset "name" is longer than 80 characters'),
  newPerDay: count('newPerDay'),
  reviewsPerDay: count('reviewsPerDay'),
  learningSteps: steps('learningSteps'),
  relearningSteps: steps('relearningSteps'),
  desiredRetention: z.number({ error: '"desiredRetention" must be a number' }).min(0.7, '"desiredRetention" must be between 0.70 and 0.97').max(0.97, '"desiredRetention" must be between 0.70 and 0.97'),
  maximumIntervalDays: z.number({ error: '"maximumIntervalDays" must be a number' }).int('"maximumIntervalDays" must be a whole number of days').min(1, '"maximumIntervalDays" must be at least 1').max(36500, '"maximumIntervalDays" must be at most 36500'),
  weights: z.array(z.number({ error: 'each of "weights" must be a number' }), { error: '"weights" must be a list of numbers' }).length(21, '"weights" must be 21 FSRS-6 parameters').optional(),
  ignoreReviewsBefore: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '"ignoreReviewsBefore" must be a date like 2024-01-31')
    .optional(),
});

export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark'], { error: '"theme" must be "system", "light" or "dark"' }),
  rolloverHour: count('rolloverHour', 23),
  newPerDay: count('newPerDay'),
  reviewsPerDay: count('reviewsPerDay'),
  presets: z.array(presetSchema, { error: '"presets" must be a list' }).min(1, 'keep at least one preset').max(50, 'more than 50 presets'),
  loadBalancing: z.boolean({ error: '"loadBalancing" must be true or false' }).optional(),
  easyDays: z
    .array(z.number({ error: 'each of "easyDays" must be a number' }).min(0, 'each of "easyDays" must be between 0 and 1').max(1, 'each of "easyDays" must be between 0 and 1'), { error: '"easyDays" must be a list of seven shares' })
    .length(7, '"easyDays" must have one share for each day of the week, Sunday first')
    .optional(),
  reminder: z
    .strictObject(
      {
        enabled: z.boolean({ error: '"reminder.enabled" must be true or false' }),
        hour: count('reminder.hour', 23),
      },
      { error: '"reminder" must be { enabled, hour }' },
    )
    .optional(),
});

