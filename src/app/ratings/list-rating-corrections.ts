import type { Db } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

interface OfficialRef {
  id: string;
  code: string;
  name: string;
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
  proposedBy: OfficialRef;
  proposedAt: Date;
  decision: {
    decision: 'approved' | 'rejected';
    decidedBy: OfficialRef;
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
    .innerJoin('official as p', 'p.id', 'c.proposed_by_official_id')
    .leftJoin('rating_correction_decision as k', (join) =>
      join.onRef('k.agency_id', '=', 'c.agency_id').onRef('k.correction_id', '=', 'c.id'),
    )
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
      'p.id as proposer_id',
      'p.code as proposer_code',
      'p.full_name as proposer_name',
      'k.decision',
      'k.reason as decision_reason',
      'k.decided_at',
      'a.id as decider_id',
      'a.code as decider_code',
      'a.full_name as decider_name',
    ]);
}

type CorrectionRow = Awaited<ReturnType<ReturnType<typeof correctionsQuery>['execute']>>[number];

/** Row → item (the one mapping of a correction row). */
export function toCorrectionItem(row: CorrectionRow): RatingCorrectionItem {
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
    proposedBy: { id: row.proposer_id, code: row.proposer_code, name: row.proposer_name },
    proposedAt: row.proposed_at,
    decision:
      row.decision === null ||
      row.decided_at === null ||
      row.decider_id === null ||
      row.decider_code === null ||
      row.decider_name === null
        ? null
        : {
            decision: row.decision,
            decidedBy: { id: row.decider_id, code: row.decider_code, name: row.decider_name },
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
  if (filter.agencyId !== undefined) {
    const ids = await agencySubtreeIds(db, filter.agencyId);
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
