import { decodeContributions } from '#domain/rollups/contributions.ts';
import type { Period } from '#domain/periods/period.ts';
import {
  OPEN_DATA_DOSSIER_INDICATORS,
  buildOpenDataDocument,
  type DossierPointsForAgency,
  type OpenDataDocument,
} from '#domain/publication/open-data.ts';
import {
  mapIndicators,
  type PublishedSnapshot,
  type SnapshotIndicator,
  type SnapshotRow,
} from '#domain/publication/snapshot.ts';
import type { Tt01Scheme } from '#domain/scoring/load-scheme.ts';
import type {
  AgencyAssessmentSource,
  AgencyCandidate,
  AgencyIndicatorResult,
  Points,
  Tt01DossierIndicator,
} from '#domain/scoring/types.ts';
import type { SignedCheckpoint } from '../audit/create-checkpoint.ts';
import type { AppDeps } from '../deps.ts';
import { getAgencyScores, tt01SchemeIds } from '../scoring/get-agency-scores.ts';
import { getSatisfaction } from '../scoring/get-satisfaction.ts';
import { canonicalDigest } from './published-result-record.ts';

const DOSSIER_INDICATORS = new Set<string>(OPEN_DATA_DOSSIER_INDICATORS);

function isDossierIndicator(indicator: string): indicator is Tt01DossierIndicator {
  return DOSSIER_INDICATORS.has(indicator);
}

function isAgencyLevel(
  candidate: AgencyCandidate,
): candidate is AgencyCandidate & { source: AgencyAssessmentSource; points: Points } {
  return candidate.source !== 'dossiers' && candidate.points !== null;
}

const emptyPoints = (): Record<Tt01DossierIndicator, Points[]> => ({
  cs1: [],
  cs2: [],
  cs3: [],
  cs4: [],
  cs6: [],
  cs7: [],
});

/**
 * Every scored dossier of the period as the points it contributes to each agency (the same
 * stored contributions the rollups are the sum of, docs/scoring.md): one entry per dossier and
 * agency it counts for. Only agency codes and sectors leave this function.
 */
async function loadDossierPoints(
  deps: AppDeps,
  period: Period,
  codeOf: ReadonlyMap<string, string>,
): Promise<DossierPointsForAgency[]> {
  const scores = await deps.db
    .selectFrom('dossier_score')
    .select(['agency_id', 'dossier_id', 'scheme_id', 'period', 'sector', 'contributions'])
    .where('scheme_id', 'in', tt01SchemeIds(deps))
    .where('period', 'in', period.quarters)
    .execute();
  const out: DossierPointsForAgency[] = [];
  for (const score of scores) {
    const perAgency = new Map<string, Record<Tt01DossierIndicator, Points[]>>();
    for (const c of decodeContributions(score.contributions, {
      schemeId: score.scheme_id,
      period: score.period,
      sector: score.sector,
    })) {
      if (c.subjectKind !== 'agency' || !isDossierIndicator(c.indicator)) continue;
      const points = perAgency.get(c.agencyId) ?? emptyPoints();
      points[c.indicator].push(c.points);
      perAgency.set(c.agencyId, points);
    }
    const receiving = codeOf.get(score.agency_id) ?? score.agency_id;
    for (const [agencyId, points] of perAgency) {
      out.push({
        dossierKey: `${score.agency_id}|${score.dossier_id}`,
        receivingAgencyCode: receiving,
        agencyCode: codeOf.get(agencyId) ?? agencyId,
        sector: score.sector,
        points,
      });
    }
  }
  return out;
}

function snapshotIndicator(result: AgencyIndicatorResult): SnapshotIndicator {
  return {
    score: result.score,
    source: result.source,
    dossierBasis: result.candidates.find((candidate) => candidate.source === 'dossiers')?.basis ?? null,
    agencyValues: result.candidates
      .filter(isAgencyLevel)
      .map((candidate) => ({ source: candidate.source, points: candidate.points })),
  };
}

export interface BuiltPublication {
  snapshot: PublishedSnapshot;
  document: OpenDataDocument;
}

/**
 * The snapshot and the open data of a period as the data stands (call it inside the publishing
 * transaction, whose snapshot is the checkpoint's): the agency table (Thông tư 01/2018 Điều 15),
 * the 3-level satisfaction (Thông tư 32/2017 Điều 12) and the per-dossier points behind it.
 */
export async function buildPublication(
  deps: AppDeps,
  input: {
    /** A quarter or a year (Thông tư 01/2018 Điều 15 khoản 4): results are published per such period. */
    period: Period & { kind: 'quarter' | 'year' };
    scheme: Tt01Scheme;
    checkpoint: SignedCheckpoint;
    version: number;
    reason: string | null;
    publishedAt: string;
  },
): Promise<BuiltPublication> {
  const { period, scheme, checkpoint } = input;
  // The scheme as its file says it (the loader adds the file name, which is not part of it).
  const { file: _file, ...schemeDocument } = scheme;
  const [table, satisfaction, agencies] = await Promise.all([
    getAgencyScores(deps, period),
    getSatisfaction(deps, period),
    deps.db
      .selectFrom('agency')
      .leftJoin('agency as parent', 'parent.id', 'agency.parent_id')
      .select(['agency.id', 'agency.code', 'parent.code as parent_code'])
      .execute(),
  ]);
  const codeOf = new Map(agencies.map((agency) => [agency.id, agency.code]));
  const parentOf = new Map(agencies.map((agency) => [agency.id, agency.parent_code]));
  const dossiers = await loadDossierPoints(deps, period, codeOf);
  const scoredDossiers = new Map<string, Set<string>>();
  for (const row of dossiers) {
    const set = scoredDossiers.get(row.agencyCode) ?? new Set<string>();
    set.add(row.dossierKey);
    scoredDossiers.set(row.agencyCode, set);
  }
  const ratings = new Map(satisfaction.agencies.map((entry) => [entry.agency.id, entry.stats.threeLevel]));

  const rows: SnapshotRow[] = table.rows.map((row) => {
    const three = ratings.get(row.id);
    const head = checkpoint.checkpoint.heads[row.id];
    return {
      rank: row.rank,
      agency: { code: row.code, name: row.name, level: row.level, parentCode: parentOf.get(row.id) ?? null },
      indicators: mapIndicators((indicator) => snapshotIndicator(row.result.indicators[indicator])),
      total: row.result.total,
      classifiedTotal: row.result.classifiedTotal,
      scored: row.result.scored,
      outOf: 9,
      grade: { code: row.result.grade.code, label: row.result.grade.label },
      satisfaction: {
        total: three ? three.counts.rat_hai_long + three.counts.hai_long + three.counts.chua_hai_long : 0,
        counts: three ? { ...three.counts } : { rat_hai_long: 0, hai_long: 0, chua_hai_long: 0 },
      },
      dossiers: { received: row.dossiers, scored: scoredDossiers.get(row.code)?.size ?? 0 },
      checkpointHead: head === undefined ? null : { seq: head.seq, hash: head.hash },
    };
  });
  const snapshot: PublishedSnapshot = {
    snapshotVersion: 1,
    period: {
      key: period.key,
      kind: period.kind,
      from: period.from,
      to: period.to,
      quarters: [...period.quarters],
    },
    scheme: {
      id: scheme.id,
      version: scheme.version,
      name: scheme.name,
      sha256: canonicalDigest(schemeDocument),
      tieRule: scheme.tieRule,
      missingIndicatorPolicy: scheme.missingIndicatorPolicy,
    },
    checkpoint: {
      id: checkpoint.checkpoint.id,
      createdAt: checkpoint.checkpoint.createdAt,
      publicKeyId: checkpoint.publicKeyId,
    },
    rows,
  };
  const document = buildOpenDataDocument({
    snapshot,
    version: input.version,
    reason: input.reason,
    publishedAt: input.publishedAt,
    schemeDocument,
    checkpoint: {
      checkpoint: checkpoint.checkpoint,
      signature: checkpoint.signature,
      publicKeyId: checkpoint.publicKeyId,
      publicKey: checkpoint.publicKey,
    },
    dossiers,
  });
  return { snapshot, document };
}
