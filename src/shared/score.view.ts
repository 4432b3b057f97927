import { z } from 'zod';

/**
 * Response shapes of the score API (also the web's types). Scores are shown with one decimal
 * (Thông tư 01/2018 Điều 15 khoản 2); they are computed in integer tenths on the server.
 */
const SchemeRef = z.object({ id: z.string(), version: z.string(), name: z.string() });
const Label = z.object({ code: z.string(), label: z.string() });
const AgencySource = z.enum(['dossiers', 'data', 'self', 'appraisal']);

export const AgencyIndicatorViewSchema = z.object({
  /** One decimal, e.g. 1.7; null when not scored (left out of the total, Điều 15 khoản 4). */
  score: z.number().nullable(),
  source: AgencySource.nullable(),
  /** Every source side by side (data, self-assessment, appraisal) with its points and notes. */
  candidates: z.array(
    z.object({ source: AgencySource, points: z.number(), note: z.string(), facts: z.array(z.string()) }),
  ),
});

export const AgencyScoreRowSchema = z.object({
  rank: z.number().int(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() }),
  /** Dossiers received by the agency in the period. */
  dossiers: z.number().int(),
  indicators: z.object({
    cs1: AgencyIndicatorViewSchema,
    cs2: AgencyIndicatorViewSchema,
    cs3: AgencyIndicatorViewSchema,
    cs4: AgencyIndicatorViewSchema,
    cs5: AgencyIndicatorViewSchema,
    cs6: AgencyIndicatorViewSchema,
    cs7: AgencyIndicatorViewSchema,
    cs8: AgencyIndicatorViewSchema,
    cs9: AgencyIndicatorViewSchema,
  }),
  total: z.number(),
  /** How many of the 9 indicators were scored ("n/9"). */
  scored: z.number().int(),
  /** The total rescaled to 18 when the scheme's missing-indicator policy is "rescale". */
  rescaledTotal: z.number().nullable(),
  grade: Label,
});
export const AgencyScoresViewSchema = z.object({
  period: z.string(),
  scheme: SchemeRef,
  rows: z.array(AgencyScoreRowSchema),
});
export type AgencyScoresView = z.infer<typeof AgencyScoresViewSchema>;

export const OfficialScoreRowSchema = z.object({
  official: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  agency: z.object({ id: z.string(), name: z.string() }),
  indicators: z.object({
    cs1: z.number().nullable(),
    cs2: z.number().nullable(),
    cs3: z.number().nullable(),
    cs4: z.number().nullable(),
    cs7: z.number().nullable(),
  }),
  total: z.number(),
  scored: z.number().int(),
  class: Label,
});
export const OfficialScoresViewSchema = z.object({
  period: z.string(),
  scheme: SchemeRef,
  rows: z.array(OfficialScoreRowSchema),
});
export type OfficialScoresView = z.infer<typeof OfficialScoresViewSchema>;

export const ScoredDossiersViewSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      finishedAt: z.string().nullable(),
      timeliness: z.string().nullable(),
      scheme: z.object({ id: z.string(), version: z.string() }),
      points: z.object({
        cs1: z.number().nullable(),
        cs2: z.number().nullable(),
        cs3: z.number().nullable(),
        cs4: z.number().nullable(),
        cs6: z.number().nullable(),
        cs7: z.number().nullable(),
      }),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ScoredDossiersView = z.infer<typeof ScoredDossiersViewSchema>;

export const DossierScoreViewSchema = z.object({
  dossier: z.object({ id: z.string(), code: z.string(), status: z.string() }),
  scored: z.boolean(),
  /** Why there is no score yet (open, refused or stopped dossier; no scheme in force). */
  reason: z.string().nullable(),
  scheme: SchemeRef.nullable(),
  period: z.string().nullable(),
  indicators: z.array(
    z.object({
      indicator: z.string(),
      points: z.number().nullable(),
      source: z.enum(['system', 'citizen']).nullable(),
      systemPoints: z.number().nullable(),
      citizenPoints: z.number().nullable(),
      disagreement: z.boolean(),
      rule: z.string(),
      facts: z.array(z.string()),
    }),
  ),
  /** Indicator 2 per participating unit. */
  units: z.array(
    z.object({
      agencyId: z.string(),
      officialId: z.string().nullable(),
      points: z.number(),
      timeliness: z.string(),
    }),
  ),
  stored: z.object({ schemeVersion: z.string(), period: z.string(), computedAt: z.string() }).nullable(),
});
export type DossierScoreView = z.infer<typeof DossierScoreViewSchema>;

const SatisfactionStatsSchema = z.object({
  total: z.number().int(),
  /** Ratings per level: 5 Rất hài lòng, 4 Hài lòng, 3 Bình thường, 2 Không hài lòng, 1 Rất không hài lòng. */
  counts: z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number(), '5': z.number() }),
  sharesPercent: z.object({
    '1': z.number(),
    '2': z.number(),
    '3': z.number(),
    '4': z.number(),
    '5': z.number(),
  }),
  /** The 3-level view of Thông tư 32/2017: Rất hài lòng / Hài lòng / Chưa hài lòng. */
  threeLevel: z.object({
    counts: z.object({ rat_hai_long: z.number(), hai_long: z.number(), chua_hai_long: z.number() }),
    sharesPercent: z.object({ rat_hai_long: z.number(), hai_long: z.number(), chua_hai_long: z.number() }),
  }),
});
export const SatisfactionViewSchema = z.object({
  period: z.string(),
  overall: SatisfactionStatsSchema,
  agencies: z.array(
    z.object({
      agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      stats: SatisfactionStatsSchema,
    }),
  ),
  officials: z.array(
    z.object({
      official: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      agency: z.object({ id: z.string(), name: z.string() }),
      stats: SatisfactionStatsSchema,
    }),
  ),
});
export type SatisfactionView = z.infer<typeof SatisfactionViewSchema>;

export const Qd766ViewSchema = z.object({
  period: z.string(),
  scheme: SchemeRef,
  rows: z.array(
    z.object({
      rank: z.number().int(),
      agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      total: z.number(),
      max: z.number(),
      class: Label,
      groups: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          points: z.number(),
          max: z.number(),
          available: z.number(),
          indicators: z.number(),
        }),
      ),
      indicators: z.array(
        z.object({
          id: z.string(),
          group: z.string(),
          name: z.string(),
          numerator: z.number().nullable(),
          denominator: z.number().nullable(),
          /** Percent with two decimals; null = N/A (no data this phase, counted 0). */
          ratePercent: z.number().nullable(),
          points: z.number().nullable(),
          max: z.number(),
          thresholdPercent: z.number().nullable(),
          rule: z.string(),
          confidence: z.string(),
        }),
      ),
    }),
  ),
});
export type Qd766View = z.infer<typeof Qd766ViewSchema>;
