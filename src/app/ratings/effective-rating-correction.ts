import { sql } from 'kysely';
import type { Db } from '../deps.ts';

/**
 * Every rating with its **effective** values (issue 4 point 8): the corrected satisfaction,
 * answers and comment of its latest approved correction, or its own when it has none. Rows are
 * never changed by a correction (Nghị định 61/2018 Điều 27); what counts is derived here, in one
 * place, and every reader (scoring facts, satisfaction tables, the dossier's ratings) selects
 * from this subquery instead of from `rating`. Readers of what *counts* add
 * `where is_duplicate = false` (the first valid rating of a dossier, product spec §2.4).
 * `correction_id` is the correction whose values are in effect, null for the original.
 */
export function effectiveRatings(db: Db) {
  return db
    .selectFrom('rating as r')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('rating_correction as c')
          .innerJoin('rating_correction_decision as k', (join) =>
            join.onRef('k.agency_id', '=', 'c.agency_id').onRef('k.correction_id', '=', 'c.id'),
          )
          .select(['c.id', 'c.satisfaction', 'c.answers', 'c.comment'])
          .whereRef('c.agency_id', '=', 'r.agency_id')
          .whereRef('c.rating_id', '=', 'r.id')
          .where('k.decision', '=', 'approved')
          // The latest approval wins; a later correction corrects the earlier one.
          .orderBy('k.decided_at', 'desc')
          .orderBy('c.proposed_at', 'desc')
          .limit(1)
          .as('e'),
      (join) => join.onTrue(),
    )
    .select([
      'r.agency_id',
      'r.id',
      'r.dossier_id',
      'r.channel',
      'r.submitted_at',
      'r.recorded_at',
      'r.is_duplicate',
      'e.id as correction_id',
      sql<number>`coalesce(e.satisfaction, r.satisfaction)`.as('satisfaction'),
      sql<Record<string, unknown>>`coalesce(e.answers, r.answers)`.as('answers'),
      sql<string | null>`CASE WHEN e.id IS NULL THEN r.comment ELSE e.comment END`.as('comment'),
    ]);
}
