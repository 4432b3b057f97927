import { z } from 'zod';
import { SignalKindSchema } from './integrity.view.ts';
import { SatisfactionViewSchema } from './score.view.ts';

/**
 * Response shape of GET /api/v1/dashboard (also the web's types): one period's overview of the
 * agencies the caller may see — on-time trend, satisfaction, ranking, the agency × indicator
 * heatmap, integrity signal counts and how many ratings came in.
 */
const Label = z.object({ code: z.string(), label: z.string() });
const Indicators = z.object({
  cs1: z.number().nullable(),
  cs2: z.number().nullable(),
  cs3: z.number().nullable(),
  cs4: z.number().nullable(),
  cs5: z.number().nullable(),
  cs6: z.number().nullable(),
  cs7: z.number().nullable(),
  cs8: z.number().nullable(),
  cs9: z.number().nullable(),
});

export const DashboardViewSchema = z.object({
  period: z.string(),
  /** The months of the period, 'YYYY-MM'. */
  months: z.array(z.string()),
  scheme: z.object({ id: z.string(), version: z.string(), name: z.string() }),
  ratings: z.object({
    /** Every rating submitted in the period (the later ones of a dossier included, as logged duplicates). */
    received: z.number().int(),
    /** The ratings that count: the first valid one of each dossier. */
    counting: z.number().int(),
    /** When the latest of them was recorded; null when none. */
    latestAt: z.string().nullable(),
  }),
  /** Finished (scored) dossiers per month of their finish, by timeliness against the legal due date. */
  timeliness: z.array(
    z.object({
      month: z.string(),
      early: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
    }),
  ),
  satisfaction: SatisfactionViewSchema.shape.overall,
  /** The agencies of the ranking with their province-wide rank, and the 9 indicators (null: not scored). */
  agencies: z.array(
    z.object({
      rank: z.number().int(),
      agency: z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() }),
      dossiers: z.number().int(),
      total: z.number(),
      scored: z.number().int(),
      grade: Label,
      indicators: Indicators,
    }),
  ),
  /** Integrity signal counts of the period; null when the caller may not read them. */
  integrity: z
    .object({
      from: z.string(),
      to: z.string(),
      summary: z.array(
        z.object({ kind: SignalKindSchema, signals: z.number().int(), ratings: z.number().int() }),
      ),
    })
    .nullable(),
});
export type DashboardView = z.infer<typeof DashboardViewSchema>;

/** The event a dashboard stream sends when a rating of a visible agency is recorded. */
export const DASHBOARD_RATING_EVENT = 'rating.recorded';
