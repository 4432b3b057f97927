import { z } from 'zod';
import { DomainError } from '#domain/errors.ts';
import { AGENCY_LEVELS } from '#domain/scoring/scheme-spec.ts';
import {
  TT01_AGENCY_INDICATORS,
  TT01_INDICATORS,
  type Points,
  type Tenths,
  type Tt01DossierIndicator,
} from '#domain/scoring/types.ts';
import { mapIndicators, type PublishedSnapshot } from './snapshot.ts';

/**
 * The open data of a published period (issue 6 point 5: "`hailong recompute --open-data FILE`
 * reproduces the published ranking exactly from the open data alone"; docs/publication.md). It
 * holds the scheme, the signed audit checkpoint, the agencies, one anonymous row per dossier and
 * agency with the points that count for it, the agency-level values and the published ranking —
 * never a person: no citizen or official, no dossier code, address or phone.
 */
export const OPEN_DATA_FORMAT = 'hailong-open-data';
export const OPEN_DATA_FORMAT_VERSION = 1;

/** The per-dossier indicators, in the column order of a dossier row. */
export const OPEN_DATA_DOSSIER_INDICATORS = [
  'cs1',
  'cs2',
  'cs3',
  'cs4',
  'cs6',
  'cs7',
] as const satisfies readonly Tt01DossierIndicator[];

/** The columns of a dossier row, as written in the document. */
export const OPEN_DATA_DOSSIER_COLUMNS = [
  'seq',
  'agency',
  'sector',
  ...OPEN_DATA_DOSSIER_INDICATORS,
] as const;

const points = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const pointList = z.array(points);
const decimal = z.number().min(0).max(100);
const code = z.string().min(1).max(100);

/** One agency's row of the published ranking; scores as decimals with one digit (1.4). */
const rankingRowSchema = z.object({
  rank: z.number().int().min(1),
  agency: code,
  indicators: z.object(
    Object.fromEntries(TT01_INDICATORS.map((indicator) => [indicator, decimal.nullable()])) as Record<
      (typeof TT01_INDICATORS)[number],
      z.ZodNullable<typeof decimal>
    >,
  ),
  total: decimal,
  scored: z.number().int().min(0).max(9),
  outOf: z.literal(9),
  rescaledTotal: decimal.nullable(),
  grade: z.object({ code: z.string(), label: z.string() }),
  dossiers: z.object({ received: z.number().int().min(0), scored: z.number().int().min(0) }),
  satisfaction: z.object({
    rat_hai_long: z.number().int().min(0),
    hai_long: z.number().int().min(0),
    chua_hai_long: z.number().int().min(0),
  }),
});

export const openDataSchema = z.object({
  format: z.literal(OPEN_DATA_FORMAT),
  formatVersion: z.literal(OPEN_DATA_FORMAT_VERSION),
  period: z.object({
    key: z.string(),
    kind: z.enum(['quarter', 'year']),
    from: z.string(),
    to: z.string(),
    quarters: z.array(z.string()),
  }),
  version: z.number().int().min(1),
  reason: z.string().nullable(),
  publishedAt: z.string(),
  scheme: z.object({
    id: z.string(),
    version: z.string(),
    /** SHA-256 (hex) of the canonical JSON of `document`. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    document: z.unknown(),
  }),
  checkpoint: z.object({
    checkpoint: z.object({
      id: z.string(),
      createdAt: z.string(),
      heads: z.record(z.string(), z.object({ seq: z.number().int(), hash: z.string() })),
    }),
    signature: z.string(),
    publicKeyId: z.string(),
    publicKey: z.string().nullable(),
  }),
  agencies: z.array(
    z.object({ code, name: z.string(), level: z.enum(AGENCY_LEVELS), parentCode: code.nullable() }),
  ),
  dossierColumns: z.tuple([
    z.literal('seq'),
    z.literal('agency'),
    z.literal('sector'),
    z.literal('cs1'),
    z.literal('cs2'),
    z.literal('cs3'),
    z.literal('cs4'),
    z.literal('cs6'),
    z.literal('cs7'),
  ]),
  dossiers: z.array(
    z.tuple([
      z.number().int().min(1),
      code,
      z.string(),
      pointList,
      pointList,
      pointList,
      pointList,
      pointList,
      pointList,
    ]),
  ),
  agencyIndicators: z.array(
    z.object({
      agency: code,
      indicator: z.enum(TT01_AGENCY_INDICATORS),
      source: z.enum(['data', 'self', 'appraisal']),
      points,
      used: z.boolean(),
    }),
  ),
  ranking: z.array(rankingRowSchema),
});

export type OpenDataDocument = z.infer<typeof openDataSchema>;
export type OpenDataRankingRow = z.infer<typeof rankingRowSchema>;
/** [seq, agency code, sector, cs1, cs2, cs3, cs4, cs6, cs7]: the points of each indicator that count for that agency. */
export type OpenDataDossierRow = OpenDataDocument['dossiers'][number];

/** A dossier's points that count for one agency, before it gets its anonymous sequence number. */
export interface DossierPointsForAgency {
  /** Any stable key of the dossier (never written to the document; only orders and groups rows). */
  dossierKey: string;
  /** The agency the dossier was received by (orders the sequence numbers). */
  receivingAgencyCode: string;
  agencyCode: string;
  sector: string;
  points: Record<Tt01DossierIndicator, Points[]>;
}

/** The signed checkpoint as published (same shape as GET /api/v1/audit/checkpoints/:id). */
export type OpenDataCheckpoint = OpenDataDocument['checkpoint'];

/** Tenths → the one-decimal number written in the open data (154 → 15.4; exact: 154 / 10 is the double of "15.4"). */
export function tenthsToDecimal(value: Tenths): number {
  return value / 10;
}

/**
 * Builds the open data document of a publication from its snapshot and the per-dossier points.
 * Dossiers are numbered 1…n in the order of (receiving agency code, dossier key): the number says
 * nothing about the dossier, and the rows of one dossier (a dossier counts for each unit that
 * handled a step, Điều 13 chỉ số 2) share it.
 */
export function buildOpenDataDocument(input: {
  snapshot: PublishedSnapshot;
  version: number;
  reason: string | null;
  publishedAt: string;
  schemeDocument: unknown;
  checkpoint: OpenDataCheckpoint;
  dossiers: readonly DossierPointsForAgency[];
}): OpenDataDocument {
  const { snapshot } = input;
  const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = [...input.dossiers].sort(
    (a, b) =>
      byCode(a.receivingAgencyCode, b.receivingAgencyCode) ||
      byCode(a.dossierKey, b.dossierKey) ||
      byCode(a.agencyCode, b.agencyCode),
  );
  const seqOf = new Map<string, number>();
  const dossiers: OpenDataDossierRow[] = ordered.map((row) => {
    let seq = seqOf.get(row.dossierKey);
    if (seq === undefined) {
      seq = seqOf.size + 1;
      seqOf.set(row.dossierKey, seq);
    }
    const p = row.points;
    return [seq, row.agencyCode, row.sector, p.cs1, p.cs2, p.cs3, p.cs4, p.cs6, p.cs7];
  });
  const agencyIndicators: OpenDataDocument['agencyIndicators'] = [];
  for (const row of snapshot.rows) {
    for (const indicator of TT01_AGENCY_INDICATORS) {
      const published = row.indicators[indicator];
      for (const value of published.agencyValues) {
        agencyIndicators.push({
          agency: row.agency.code,
          indicator,
          source: value.source,
          points: value.points,
          used: published.source === value.source,
        });
      }
    }
  }
  return {
    format: OPEN_DATA_FORMAT,
    formatVersion: OPEN_DATA_FORMAT_VERSION,
    period: { ...snapshot.period },
    version: input.version,
    reason: input.reason,
    publishedAt: input.publishedAt,
    scheme: {
      id: snapshot.scheme.id,
      version: snapshot.scheme.version,
      sha256: snapshot.scheme.sha256,
      document: input.schemeDocument,
    },
    checkpoint: input.checkpoint,
    agencies: snapshot.rows.map((row) => ({ ...row.agency })),
    dossierColumns: [...OPEN_DATA_DOSSIER_COLUMNS],
    dossiers,
    agencyIndicators,
    ranking: snapshot.rows.map((row) => ({
      rank: row.rank,
      agency: row.agency.code,
      indicators: mapIndicators((indicator) => {
        const score = row.indicators[indicator].score;
        return score === null ? null : tenthsToDecimal(score);
      }),
      total: tenthsToDecimal(row.total),
      scored: row.scored,
      outOf: 9,
      rescaledTotal:
        snapshot.scheme.missingIndicatorPolicy === 'rescale' ? tenthsToDecimal(row.classifiedTotal) : null,
      grade: { code: row.grade.code, label: row.grade.label },
      dossiers: { ...row.dossiers },
      satisfaction: { ...row.satisfaction.counts },
    })),
  };
}

/**
 * Reads an open data document (already JSON-parsed); a malformed one is OPEN_DATA_INVALID naming
 * the fields at fault.
 */
export function parseOpenData(json: unknown): OpenDataDocument {
  const result = openDataSchema.safeParse(json);
  if (result.success) return result.data;
  throw new DomainError('OPEN_DATA_INVALID', {
    problems: result.error.issues.slice(0, 20).map((issue) => ({
      field: issue.path.map(String).join('.') || '(gốc)',
      message: issue.message,
    })),
  });
}
