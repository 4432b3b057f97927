import { DomainError } from '#domain/errors.ts';
import type { PublishedSnapshot, SnapshotRow } from '#domain/publication/snapshot.ts';
import type { AppDeps } from '../deps.ts';

export interface AgencyPublishedResult {
  period: PublishedSnapshot['period'];
  version: number;
  publishedAt: Date;
  scheme: PublishedSnapshot['scheme'];
  /** Agencies ranked in that period. */
  ranked: number;
  row: SnapshotRow;
}

export interface AgencyPublishedHistory {
  agency: SnapshotRow['agency'];
  results: AgencyPublishedResult[];
}

/**
 * One agency across every published period (issue 6 point 5: "per-agency results over time"):
 * the newest version of each period, oldest period first (quarters before the year they end).
 * PUBLICATION_AGENCY_NOT_FOUND when no publication ranks it.
 */
export async function getAgencyPublishedHistory(
  deps: AppDeps,
  code: string,
): Promise<AgencyPublishedHistory> {
  const latest = deps.db
    .selectFrom('published_result')
    .select(['period'])
    .select((eb) => eb.fn.max<number>('version').as('version'))
    .groupBy('period')
    .as('latest');
  const rows = await deps.db
    .selectFrom('published_result')
    .innerJoin(latest, (join) =>
      join
        .onRef('latest.period', '=', 'published_result.period')
        .onRef('latest.version', '=', 'published_result.version'),
    )
    .select(['published_result.version', 'published_result.published_at', 'published_result.snapshot'])
    .execute();
  const results: AgencyPublishedResult[] = [];
  for (const row of rows) {
    const found = row.snapshot.rows.find((candidate) => candidate.agency.code === code);
    if (found === undefined) continue;
    results.push({
      period: row.snapshot.period,
      version: row.version,
      publishedAt: row.published_at,
      scheme: row.snapshot.scheme,
      ranked: row.snapshot.rows.length,
      row: found,
    });
  }
  if (results.length === 0) throw new DomainError('PUBLICATION_AGENCY_NOT_FOUND', { details: { code } });
  const order = (r: AgencyPublishedResult): string => `${r.period.to}|${r.period.kind === 'quarter' ? 0 : 1}`;
  results.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  // The agency as the newest publication names it (a renamed agency shows its current name).
  const newest = [...results].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())[0]!;
  return { agency: newest.row.agency, results };
}
