import { z } from 'zod';

/** Response shape of GET /api/v1/integrity-signals (also the web's types). */
export const SIGNAL_KIND_VALUES = [
  'staff_network',
  'staff_session',
  'shared_network',
  'fast_device_rating',
  'top_streak',
  'answer_disagreement',
  'late_paper_keying',
] as const;
export const SignalKindSchema = z.enum(SIGNAL_KIND_VALUES);
export type SignalKindView = z.infer<typeof SignalKindSchema>;

const Named = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** At most this many ratings are listed per signal (the count is always the full number). */
export const MAX_SIGNAL_RATINGS = 200;

export const IntegritySignalViewSchema = z.object({
  kind: SignalKindSchema,
  severity: z.enum(['low', 'medium', 'high']),
  agency: Named,
  device: z.object({ id: z.string(), name: z.string() }).nullable(),
  counter: Named.extend({ deskName: z.string() }).nullable(),
  official: Named.nullable(),
  /** Keyed digest of the network prefix (never an address). */
  network: z.string().nullable(),
  day: z.string().nullable(),
  count: z.number().int(),
  /** answer_disagreement: ratings that answered; the share is count / total. */
  total: z.number().int().nullable(),
  sharePercent: z.number().nullable(),
  breakdown: z.record(z.string(), z.number().int()),
  ratings: z.array(
    z.object({
      id: z.string(),
      dossierId: z.string(),
      dossierCode: z.string(),
      channel: z.string(),
      satisfaction: z.number().int(),
      submittedAt: z.string(),
    }),
  ),
});
export type IntegritySignalView = z.infer<typeof IntegritySignalViewSchema>;

export const IntegritySignalsViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  thresholds: z.record(z.string(), z.number()),
  summary: z.array(
    z.object({ kind: SignalKindSchema, signals: z.number().int(), ratings: z.number().int() }),
  ),
  signals: z.array(IntegritySignalViewSchema),
});
export type IntegritySignalsView = z.infer<typeof IntegritySignalsViewSchema>;
