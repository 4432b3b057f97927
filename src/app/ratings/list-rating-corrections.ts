import type { Db } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { narrowAgencyIds, visibleAgencyIds } from '../auth/actor-scope.ts';

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export interface OfficialRef {
  id: string;
  code: string;
  name: string;
}

/**
 * Who did something on a rating (proposed, decided, appealed, keyed a slip in): the staff
 * account and the official it was linked to at the time. Records from before staff accounts
 * (migration 0012) name only an official; records of an account without an official, only it.
 */
export interface StaffRef {
  userId: string | null;
  /** The account's display name, else the official's name. */
  name: string;
  official: OfficialRef | null;
}

/** The one way a stored (user, official) pair becomes a StaffRef; null when it names nobody. */
export function staffRef(
  user: { id: string | null; name: string | null },
  official: { id: string | null; code: string | null; name: string | null },
): StaffRef | null {
  const linked =
    official.id !== null && official.code !== null && official.name !== null
      ? { id: official.id, code: official.code, name: official.name }
      : null;
  const name = user.id !== null && user.name !== null ? user.name : linked?.name;
  if (name === undefined) return null;
  return { userId: user.id, name, official: linked };
}

/** A correction with the rating it corrects (both versions) and its decision, if any. */
export interface RatingCorrectionItem {
  id: string;
  ratingId: string;
  dossierId: string;
  dossierCode: string;
  agencyId: string;
  original: { satisfaction: number; answers: Record<string, unknown>; comment: string | null };
  corrected: { satisfaction: number; answers: Record<string, unknown>; comment: string | null };
  reason: string;
  proposedBy: StaffRef;
  proposedAt: Date;
  decision: {
    decision: 'approved' | 'rejected';
    decidedBy: StaffRef;
    reason: string | null;
    decidedAt: Date;
  } | null;
}

/** The corrections query, joined with what the list shows; callers narrow it. */
function correctionsQuery(db: Db) {
  return db
    .selectFrom('rating_correction as c')
    .innerJoin('rating as r', (join) =>
      join.onRef('r.agency_id', '=', 'c.agency_id').onRef('r.id', '=', 'c.rating_id'),
    )
    .innerJoin('dossier as d', (join) =>
      join.onRef('d.agency_id', '=', 'c.agency_id').onRef('d.id', '=', 'c.dossier_id'),
    )
    .leftJoin('staff_user as pu', 'pu.id', 'c.proposed_by_user_id')
    .leftJoin('official as p', 'p.id', 'c.proposed_by_official_id')
    .leftJoin('rating_correction_decision as k', (join) =>
      join.onRef('k.agency_id', '=', 'c.agency_id').onRef('k.correction_id', '=', 'c.id'),
    )
    .leftJoin('staff_user as au', 'au.id', 'k.decided_by_user_id')
    .leftJoin('official as a', 'a.id', 'k.decided_by_official_id')
    .select([
      'c.id',
      'c.rating_id',
      'c.dossier_id',
      'c.agency_id',
      'd.code as dossier_code',
      'r.satisfaction as original_satisfaction',
      'r.answers as original_answers',
      'r.comment as original_comment',
      'c.satisfaction',
      'c.answers',
      'c.comment',
      'c.reason',
      'c.proposed_at',
      'pu.id as proposer_user_id',
      'pu.display_name as proposer_user_name',
      'p.id as proposer_id',
      'p.code as proposer_code',
      'p.full_name as proposer_name',
      'k.decision',
      'k.reason as decision_reason',
      'k.decided_at',
      'au.id as decider_user_id',
      'au.display_name as decider_user_name',
      'a.id as decider_id',
      'a.code as decider_code',
      'a.full_name as decider_name',
    ]);
}

type CorrectionRow = Awaited<ReturnType<ReturnType<typeof correctionsQuery>['execute']>>[number];

/** Row → item (the one mapping of a correction row). */
export function toCorrectionItem(row: CorrectionRow): RatingCorrectionItem {
  // The CHECKs of 0012 make every proposal and decision name an account or an official.
  const proposedBy = staffRef(
    { id: row.proposer_user_id, name: row.proposer_user_name },
    { id: row.proposer_id, code: row.proposer_code, name: row.proposer_name },
  ) ?? { userId: null, name: '', official: null };
  const decidedBy = staffRef(
    { id: row.decider_user_id, name: row.decider_user_name },
    { id: row.decider_id, code: row.decider_code, name: row.decider_name },
  );
  return {
    id: row.id,
    ratingId: row.rating_id,
    dossierId: row.dossier_id,
    dossierCode: row.dossier_code,
    agencyId: row.agency_id,
    original: {
      satisfaction: row.original_satisfaction,
      answers: row.original_answers,
      comment: row.original_comment,
    },
    corrected: { satisfaction: row.satisfaction, answers: row.answers, comment: row.comment },
    reason: row.reason,
    proposedBy,
    proposedAt: row.proposed_at,
    decision:
      row.decision === null || row.decided_at === null || decidedBy === null
        ? null
        : {
            decision: row.decision,
            decidedBy,
            reason: row.decision_reason,
            decidedAt: row.decided_at,
          },
  };
}

/**
 * Rating corrections for review (issue 4 point 8), oldest first: by default those waiting for a
 * second staff member's decision; `agencyId` narrows to an agency and the units under it.
 */
export async function listRatingCorrections(
  db: Db,
  filter: {
    status?: CorrectionStatus;
    agencyId?: string;
    dossier?: { agencyId: string; id: string };
    limit?: number;
  } = {},
): Promise<RatingCorrectionItem[]> {
  let query = correctionsQuery(db);
  const status = filter.status ?? 'pending';
  if (status === 'pending') query = query.where('k.id', 'is', null);
  else if (status !== 'all') query = query.where('k.decision', '=', status);
  // Only the caller's agencies (issue 5): the filter narrows, never widens.
  const requested = filter.agencyId !== undefined ? await agencySubtreeIds(db, filter.agencyId) : null;
  const ids = narrowAgencyIds(await visibleAgencyIds(db, 'rating.read'), requested);
  if (ids !== null) {
    if (ids.length === 0) return [];
    query = query.where('c.agency_id', 'in', ids);
  }
  if (filter.dossier !== undefined) {
    query = query
      .where('c.agency_id', '=', filter.dossier.agencyId)
      .where('c.dossier_id', '=', filter.dossier.id);
  }
  const rows = await query
    .orderBy('c.proposed_at')
    .orderBy('c.id')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(toCorrectionItem);
}
