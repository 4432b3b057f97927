import { sql } from 'kysely';
import type { Period } from '#domain/periods/period.ts';
import { narrowAgencyIds, visibleAgencyIds } from '../auth/actor-scope.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import type { AppDeps, Db } from '../deps.ts';

/** What the per-dossier export of a period lists (the drill-down's filters, optional). */
export interface PeriodScoredDossiersQuery {
  period: Period;
  /** Only this agency and its subtree. */
  rootAgencyId?: string | undefined;
  /** Only the dossiers counted for this agency or official (as `GET /scores/dossiers`). */
  subject?: { kind: 'agency' | 'official'; id: string } | undefined;
  indicator?: 'cs1' | 'cs2' | 'cs3' | 'cs4' | 'cs6' | 'cs7' | undefined;
  points?: number | undefined;
}

/** One scored dossier of the export, with its agency and procedure. */
export interface PeriodScoredDossier {
  agencyName: string;
  code: string;
  procedureName: string;
  sector: string;
  receivedAt: Date;
  finishedAt: Date | null;
  timeliness: string | null;
  schemeId: string;
  schemeVersion: string;
  cs1: number | null;
  cs2: number | null;
  cs3: number | null;
  cs4: number | null;
  cs6: number | null;
  cs7: number | null;
}

/** Rows per database read: the export never holds more than one page of a large period. */
export const SCORED_DOSSIER_PAGE = 1000;

/**
 * The scored dossiers of a period, page after page (issue 6: "large exports stream"): agency by
 * agency in Vietnamese name order, each agency's dossiers by code, read with a keyset on the
 * code so that page n costs what page 1 does. The caller's scope (visible agencies for
 * score.read) and the requested subtree are resolved before the first page, in the request.
 */
export async function listPeriodScoredDossiers(
  deps: AppDeps,
  query: PeriodScoredDossiersQuery,
  pageSize = SCORED_DOSSIER_PAGE,
): Promise<AsyncIterable<PeriodScoredDossier[]>> {
  const requested = query.rootAgencyId ? await agencySubtreeIds(deps.db, query.rootAgencyId) : null;
  const scope = narrowAgencyIds(await visibleAgencyIds(deps.db, 'score.read'), requested);
  if (scope !== null && scope.length === 0) return pages(deps.db, query, [], pageSize);
  const scored = await deps.db
    .selectFrom('dossier_score')
    .innerJoin('agency', 'agency.id', 'dossier_score.agency_id')
    .select(['agency.id', 'agency.name'])
    .distinct()
    .where('dossier_score.period', 'in', query.period.quarters)
    .$if(scope !== null, (qb) => qb.where('dossier_score.agency_id', 'in', scope ?? []))
    .execute();
  const collator = new Intl.Collator('vi');
  const agencies = scored.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return pages(deps.db, query, agencies, pageSize);
}

async function* pages(
  db: Db,
  query: PeriodScoredDossiersQuery,
  agencies: readonly { id: string; name: string }[],
  pageSize: number,
): AsyncGenerator<PeriodScoredDossier[]> {
  for (const agency of agencies) {
    let after: string | null = null;
    for (;;) {
      const rows = await readPage(db, query, agency, after, pageSize);
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) break;
      after = rows.at(-1)!.code;
    }
  }
}

function readPage(
  db: Db,
  query: PeriodScoredDossiersQuery,
  agency: { id: string; name: string },
  after: string | null,
  pageSize: number,
): Promise<PeriodScoredDossier[]> {
  // Stored contributions are [kind, agencyId, subjectId, indicator, points] tuples: the same
  // containment match as listScoredDossiers (the drill-down), so both list the same dossiers.
  const match: (string | number)[] | null =
    query.subject === undefined ? null : [query.subject.kind === 'agency' ? 'a' : 'o', query.subject.id];
  if (match !== null && query.indicator !== undefined) match.push(query.indicator);
  const contains = match === null ? null : query.points === undefined ? match : [...match, query.points];
  return (
    db
      .selectFrom('dossier_score')
      .innerJoin('dossier', (join) =>
        join
          .onRef('dossier.agency_id', '=', 'dossier_score.agency_id')
          .onRef('dossier.id', '=', 'dossier_score.dossier_id'),
      )
      .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
      .select([
        'dossier.code',
        'procedure.name as procedureName',
        'dossier_score.sector',
        'dossier.received_at as receivedAt',
        'dossier.finished_at as finishedAt',
        'dossier.timeliness',
        'dossier_score.scheme_id as schemeId',
        'dossier_score.scheme_version as schemeVersion',
        'dossier_score.cs1',
        'dossier_score.cs2',
        'dossier_score.cs3',
        'dossier_score.cs4',
        'dossier_score.cs6',
        'dossier_score.cs7',
      ])
      .where('dossier_score.agency_id', '=', agency.id)
      .where('dossier_score.period', 'in', query.period.quarters)
      // A custom range counts the dossiers finished in it, as the drill-down does.
      .$if(!query.period.isWholeQuarters, (qb) =>
        qb
          .where('dossier.finished_at', '>=', new Date(`${query.period.from}T00:00:00+07:00`))
          .where(
            'dossier.finished_at',
            '<',
            new Date(Date.parse(`${query.period.to}T00:00:00+07:00`) + 86_400_000),
          ),
      )
      .$if(contains !== null, (qb) =>
        qb.where(sql<boolean>`dossier_score.contributions @> ${JSON.stringify([contains])}::jsonb`),
      )
      .$if(after !== null, (qb) => qb.where('dossier.code', '>', after ?? ''))
      .orderBy('dossier.code')
      .limit(pageSize)
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, agencyName: agency.name })))
  );
}
