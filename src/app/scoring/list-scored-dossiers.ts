import { sql } from 'kysely';
import type { Period } from '#domain/periods/period.ts';
import type { AppDeps } from '../deps.ts';

export interface ScoredDossierQuery {
  period: Period;
  subjectKind: 'agency' | 'official';
  subjectId: string;
  indicator?: 'cs1' | 'cs2' | 'cs3' | 'cs4' | 'cs6' | 'cs7' | undefined;
  points?: number | undefined;
  page: number;
  pageSize: number;
}

/**
 * The dossiers behind a number of the agency or official table: the scored dossiers whose
 * stored contributions count for that subject (and indicator, and points), newest first.
 */
export async function listScoredDossiers(deps: AppDeps, query: ScoredDossierQuery) {
  // Stored contributions are [kind, agencyId, subjectId, indicator, points] tuples; jsonb containment
  // of a partial tuple matches on the values given (kinds, ids, indicators and points never collide).
  const match: (string | number)[] = [query.subjectKind === 'agency' ? 'a' : 'o', query.subjectId];
  if (query.indicator !== undefined) match.push(query.indicator);
  const base = deps.db
    .selectFrom('dossier_score')
    .innerJoin('dossier', (join) =>
      join
        .onRef('dossier.agency_id', '=', 'dossier_score.agency_id')
        .onRef('dossier.id', '=', 'dossier_score.dossier_id'),
    )
    .where('dossier_score.period', 'in', query.period.quarters)
    .where(sql<boolean>`dossier_score.contributions @> ${JSON.stringify([match])}::jsonb`)
    // A custom range counts the dossiers finished in it (the date that puts a dossier in its quarter).
    .$if(!query.period.isWholeQuarters, (qb) =>
      qb
        .where('dossier.finished_at', '>=', new Date(`${query.period.from}T00:00:00+07:00`))
        .where(
          'dossier.finished_at',
          '<',
          new Date(Date.parse(`${query.period.to}T00:00:00+07:00`) + 86_400_000),
        ),
    );
  const filtered =
    query.points === undefined
      ? base
      : base.where(
          sql<boolean>`dossier_score.contributions @> ${JSON.stringify([[...match, query.points]])}::jsonb`,
        );
  const [rows, count] = await Promise.all([
    filtered
      .select([
        'dossier.id',
        'dossier.code',
        'dossier.finished_at',
        'dossier.timeliness',
        'dossier_score.scheme_id',
        'dossier_score.scheme_version',
        'dossier_score.cs1',
        'dossier_score.cs2',
        'dossier_score.cs3',
        'dossier_score.cs4',
        'dossier_score.cs6',
        'dossier_score.cs7',
      ])
      .orderBy('dossier.finished_at', 'desc')
      .orderBy('dossier.code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page: query.page, pageSize: query.pageSize };
}
