import type { Db } from '../deps.ts';
import { effectiveRatings } from './effective-rating-correction.ts';
import {
  listRatingCorrections,
  staffRef,
  type OfficialRef,
  type RatingCorrectionItem,
  type StaffRef,
} from './list-rating-corrections.ts';

export interface RatingAppealItem {
  id: string;
  ratingId: string;
  /** The rated official contesting the rating. */
  official: OfficialRef;
  /** The account that filed it, linked to `official` (null on appeals from before staff accounts). */
  filedBy: StaffRef | null;
  reason: string;
  filedAt: Date;
}

/** Which version of a rating counts: the original, one correction, or none (a duplicate). */
export type CountedVersion = 'original' | `correction:${string}` | 'none';

export interface DossierRatingReviews {
  counted: Map<string, CountedVersion>;
  corrections: Map<string, RatingCorrectionItem[]>;
  appeals: Map<string, RatingAppealItem[]>;
}

function group<T extends { ratingId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.ratingId, [...(map.get(item.ratingId) ?? []), item]);
  return map;
}

/**
 * For each rating of a dossier (issue 4 point 8): its corrections with their decisions, the
 * appeals of the rated officials, and which version counts: read from the same effective-rating
 * subquery the scores and the satisfaction tables read, so the page says what the reports count.
 */
export async function listDossierCorrectionsAndAppeals(
  db: Db,
  dossier: { agencyId: string; id: string },
): Promise<DossierRatingReviews> {
  const [effective, corrections, appeals] = await Promise.all([
    db
      .selectFrom(effectiveRatings(db).as('e'))
      .select(['id', 'is_duplicate', 'correction_id'])
      .where('agency_id', '=', dossier.agencyId)
      .where('dossier_id', '=', dossier.id)
      .execute(),
    listRatingCorrections(db, { status: 'all', dossier, limit: 1000 }),
    db
      .selectFrom('rating_appeal as p')
      .innerJoin('official as o', 'o.id', 'p.official_id')
      .leftJoin('staff_user as u', 'u.id', 'p.filed_by_user_id')
      .select([
        'p.id',
        'p.rating_id',
        'p.reason',
        'p.filed_at',
        'o.id as official_id',
        'o.code',
        'o.full_name',
        'u.id as user_id',
        'u.display_name as user_name',
      ])
      .where('p.agency_id', '=', dossier.agencyId)
      .where('p.dossier_id', '=', dossier.id)
      .orderBy('p.filed_at')
      .orderBy('p.id')
      .execute(),
  ]);
  const counted = new Map<string, CountedVersion>(
    effective.map((row) => [
      row.id,
      row.is_duplicate ? 'none' : row.correction_id === null ? 'original' : `correction:${row.correction_id}`,
    ]),
  );
  return {
    counted,
    corrections: group(corrections),
    appeals: group(
      appeals.map((row) => ({
        id: row.id,
        ratingId: row.rating_id,
        official: { id: row.official_id, code: row.code, name: row.full_name },
        filedBy:
          row.user_id === null
            ? null
            : staffRef(
                { id: row.user_id, name: row.user_name },
                { id: row.official_id, code: row.code, name: row.full_name },
              ),
        reason: row.reason,
        filedAt: row.filed_at,
      })),
    ),
  };
}
