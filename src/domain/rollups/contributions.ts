import { quarterOf } from '#domain/periods/period.ts';
import type { DossierScore, Points } from '#domain/scoring/types.ts';

export type SubjectKind = 'agency' | 'official' | 'agency_sector';

/** One dossier's share in one rollup cell: points added to a subject's indicator in a quarter. */
export interface Contribution {
  /** The agency the points belong to (the receiving agency, or the step's unit for cs2). */
  agencyId: string;
  schemeId: string;
  period: string;
  subjectKind: SubjectKind;
  subjectId: string;
  /** The procedure's sector for 'agency_sector' cells, '' otherwise. */
  sector: string;
  indicator: string;
  points: Points;
}

/**
 * What a scored dossier adds to the period rollups (Thông tư 01/2018 Điều 15 khoản 2: sums of
 * points and numbers of dossiers per subject and indicator). The dossier counts in the quarter
 * of its finish date. Rollups are the sum of these over all dossiers, so an incremental update
 * (remove the old contributions, add the new) equals a full recompute.
 */
export function scoreContributions(
  score: DossierScore,
  context: { finishedDate: string; sector: string },
): Contribution[] {
  const period = quarterOf(context.finishedDate);
  const out: Contribution[] = [];
  const add = (agencyId: string, indicator: string, points: Points, officialIds: readonly string[]): void => {
    const base = { agencyId, schemeId: score.schemeId, period, indicator, points };
    out.push({ ...base, subjectKind: 'agency', subjectId: agencyId, sector: '' });
    out.push({ ...base, subjectKind: 'agency_sector', subjectId: agencyId, sector: context.sector });
    for (const officialId of new Set(officialIds))
      out.push({ ...base, subjectKind: 'official', subjectId: officialId, sector: '' });
  };
  for (const outcome of score.indicators) {
    if (outcome.points === null) continue;
    if (outcome.indicator === 'cs2') {
      // Each participating unit is scored on its own step (Điều 13, chỉ số 2).
      for (const unit of score.unitPoints) {
        add(unit.agencyId, 'cs2', unit.points, unit.officialId === null ? [] : [unit.officialId]);
      }
      continue;
    }
    for (const agencyId of outcome.agencyIds)
      add(agencyId, outcome.indicator, outcome.points, outcome.officialIds);
  }
  return out;
}

/** The rollup cell a contribution belongs to. */
export function contributionKey(c: Contribution): string {
  return [c.agencyId, c.schemeId, c.period, c.subjectKind, c.subjectId, c.sector, c.indicator].join('|');
}

/** Net change of the rollups when a dossier's contributions go from `before` to `after`. */
export function contributionDelta(
  before: readonly Contribution[],
  after: readonly Contribution[],
): { cell: Omit<Contribution, 'points'>; sum: number; count: number }[] {
  const cells = new Map<string, { cell: Omit<Contribution, 'points'>; sum: number; count: number }>();
  const apply = (c: Contribution, sign: 1 | -1): void => {
    const key = contributionKey(c);
    const { points, ...cell } = c;
    const entry = cells.get(key) ?? { cell, sum: 0, count: 0 };
    entry.sum += sign * points;
    entry.count += sign;
    cells.set(key, entry);
  };
  before.forEach((c) => apply(c, -1));
  after.forEach((c) => apply(c, 1));
  return [...cells.values()].filter((entry) => entry.sum !== 0 || entry.count !== 0);
}

/**
 * A contribution as stored with the dossier's score: [kind, agencyId, subjectId, indicator,
 * points] with kind 'a' (agency) or 'o' (official). Scheme, period and sector are columns of the
 * score row, and the sector cells are the agency cells again, so they are not stored: a
 * province-size table stays small.
 */
export type StoredContribution = [
  kind: 'a' | 'o',
  agencyId: string,
  subjectId: string,
  indicator: string,
  points: Points,
];

/** The stored form of a dossier's contributions (the inverse of decodeContributions). */
export function encodeContributions(contributions: readonly Contribution[]): StoredContribution[] {
  return contributions
    .filter((c) => c.subjectKind !== 'agency_sector')
    .map((c) => [c.subjectKind === 'agency' ? 'a' : 'o', c.agencyId, c.subjectId, c.indicator, c.points]);
}

function isStoredContribution(value: unknown): value is StoredContribution {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    (value[0] === 'a' || value[0] === 'o') &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string' &&
    typeof value[3] === 'string' &&
    (value[4] === 0 || value[4] === 1 || value[4] === 2)
  );
}

/** The full contributions of a stored score row, sector cells included. */
export function decodeContributions(
  stored: unknown,
  row: { schemeId: string; period: string; sector: string },
): Contribution[] {
  if (!Array.isArray(stored)) return [];
  const out: Contribution[] = [];
  for (const item of stored) {
    if (!isStoredContribution(item)) continue;
    const [kind, agencyId, subjectId, indicator, points] = item;
    const base = { agencyId, schemeId: row.schemeId, period: row.period, subjectId, indicator, points };
    if (kind === 'o') out.push({ ...base, subjectKind: 'official', sector: '' });
    else {
      out.push({ ...base, subjectKind: 'agency', sector: '' });
      out.push({ ...base, subjectKind: 'agency_sector', sector: row.sector });
    }
  }
  return out;
}
