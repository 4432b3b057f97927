import { z } from 'zod';

/**
 * Response shapes of the published results (issue 6 points 4–5; docs/publication.md), public at
 * /api/v1/public/… and imported by the /cong-khai pages. Scores are decimals with one digit
 * (Thông tư 01/2018 Điều 15 khoản 2), computed in integer tenths on the server. Nothing here
 * names a person: agencies only.
 */
const Label = z.object({ code: z.string(), label: z.string() });
const IndicatorSource = z.enum(['dossiers', 'data', 'self', 'appraisal']);

export const PublishedSchemeSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  /** SHA-256 (hex) of the canonical JSON of the scheme document in the open data. */
  sha256: z.string(),
  tieRule: z.string(),
  missingIndicatorPolicy: z.string(),
});

export const PublishedPeriodSchema = z.object({
  key: z.string(),
  kind: z.enum(['quarter', 'year']),
  from: z.string(),
  to: z.string(),
});

export const PublishedAgencySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});

export const PublishedIndicatorSchema = z.object({
  /** One decimal; null when not scored in the period (left out of the total). */
  score: z.number().nullable(),
  source: IndicatorSource.nullable(),
  /** Dossiers behind the dossier average ("n"); null for agency-level values. */
  dossiers: z.number().int().nullable(),
  /** Agency-level values side by side (5, 6, 8, 9): data, self-assessment, appraisal. */
  agencyValues: z.array(
    z.object({ source: z.enum(['data', 'self', 'appraisal']), points: z.number().int() }),
  ),
});

const Indicators = z.object({
  cs1: PublishedIndicatorSchema,
  cs2: PublishedIndicatorSchema,
  cs3: PublishedIndicatorSchema,
  cs4: PublishedIndicatorSchema,
  cs5: PublishedIndicatorSchema,
  cs6: PublishedIndicatorSchema,
  cs7: PublishedIndicatorSchema,
  cs8: PublishedIndicatorSchema,
  cs9: PublishedIndicatorSchema,
});

export const PublishedSatisfactionSchema = z.object({
  total: z.number().int(),
  /** Counts on the 3 levels of Thông tư 32/2017 Điều 12. */
  ratHaiLong: z.number().int(),
  haiLong: z.number().int(),
  chuaHaiLong: z.number().int(),
});

export const PublishedRankingRowSchema = z.object({
  rank: z.number().int(),
  agency: PublishedAgencySchema,
  indicators: Indicators,
  /** Out of 18. */
  total: z.number(),
  /** Indicators scored ("n/9"). */
  scored: z.number().int(),
  outOf: z.literal(9),
  /** The total brought to 18 when the scheme's missing-indicator policy is "rescale". */
  rescaledTotal: z.number().nullable(),
  grade: Label,
  satisfaction: PublishedSatisfactionSchema,
  dossiers: z.object({ received: z.number().int(), scored: z.number().int() }),
});

export const PublishedCheckpointSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  publicKeyId: z.string(),
  /** The signed checkpoint: GET it and keep a copy (`hailong audit verify --checkpoint`). */
  url: z.string(),
});

/** One version of one period, as listed. */
export const PublicationSummarySchema = z.object({
  period: z.string(),
  version: z.number().int(),
  reason: z.string().nullable(),
  publishedAt: z.string(),
  /** The newest version of its period. */
  isLatest: z.boolean(),
  agencies: z.number().int(),
  scheme: z.object({ id: z.string(), version: z.string(), sha256: z.string() }),
  checkpointId: z.string(),
  snapshotSha256: z.string(),
  /** SHA-256 of the open data JSON file as downloaded. */
  openDataSha256: z.string(),
  downloads: z.object({ json: z.string(), csv: z.string() }),
});
export type PublicationSummary = z.infer<typeof PublicationSummarySchema>;

export const PublicationListViewSchema = z.object({ publications: z.array(PublicationSummarySchema) });
export type PublicationListView = z.infer<typeof PublicationListViewSchema>;

export const PublicationVersionSchema = z.object({
  version: z.number().int(),
  reason: z.string().nullable(),
  publishedAt: z.string(),
});

/** A published period: one version's frozen ranking, and every version with its reason. */
export const PublishedResultViewSchema = z.object({
  period: PublishedPeriodSchema,
  version: z.number().int(),
  reason: z.string().nullable(),
  publishedAt: z.string(),
  latestVersion: z.number().int(),
  /** A newer version of this period exists (this one was re-published). */
  hasNewerVersion: z.boolean(),
  versions: z.array(PublicationVersionSchema),
  scheme: PublishedSchemeSchema,
  checkpoint: PublishedCheckpointSchema,
  snapshotSha256: z.string(),
  openDataSha256: z.string(),
  downloads: z.object({ json: z.string(), csv: z.string() }),
  rows: z.array(PublishedRankingRowSchema),
});
export type PublishedResultView = z.infer<typeof PublishedResultViewSchema>;
export type PublishedRankingRow = z.infer<typeof PublishedRankingRowSchema>;

/** One agency in one published period (newest version of it). */
export const AgencyResultPointSchema = z.object({
  period: PublishedPeriodSchema,
  version: z.number().int(),
  publishedAt: z.string(),
  scheme: z.object({ id: z.string(), version: z.string() }),
  rank: z.number().int(),
  /** Agencies ranked in that period. */
  of: z.number().int(),
  total: z.number(),
  scored: z.number().int(),
  grade: Label,
  indicators: z.object({
    cs1: z.number().nullable(),
    cs2: z.number().nullable(),
    cs3: z.number().nullable(),
    cs4: z.number().nullable(),
    cs5: z.number().nullable(),
    cs6: z.number().nullable(),
    cs7: z.number().nullable(),
    cs8: z.number().nullable(),
    cs9: z.number().nullable(),
  }),
  satisfaction: PublishedSatisfactionSchema,
  dossiers: z.object({ received: z.number().int(), scored: z.number().int() }),
});

/** An agency's results over time, oldest period first (quarters and years both; filter by period.kind). */
export const AgencyResultsViewSchema = z.object({
  agency: PublishedAgencySchema,
  results: z.array(AgencyResultPointSchema),
});
export type AgencyResultsView = z.infer<typeof AgencyResultsViewSchema>;

/** The body of POST /api/v1/results/publications. */
export const PublishPeriodBodySchema = z.object({
  period: z.string().trim().min(4).max(7).describe('quarter "2026-Q3" or year "2026"'),
  reason: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe('why this period is published again (required from version 2)'),
});
export type PublishPeriodBody = z.infer<typeof PublishPeriodBodySchema>;

export const PublishedResultCreatedSchema = z.object({
  period: z.string(),
  version: z.number().int(),
  reason: z.string().nullable(),
  publishedAt: z.string(),
  checkpointId: z.string(),
  snapshotSha256: z.string(),
  openDataSha256: z.string(),
  url: z.string(),
});
