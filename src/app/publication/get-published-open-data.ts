import { rankingCsv } from '#domain/publication/ranking-csv.ts';
import type { AppDeps } from '../deps.ts';
import { periodVersions, pickVersion } from './get-published-result.ts';

export interface PublishedDownload {
  period: string;
  version: number;
  /** The file's content: the open data JSON exactly as published, or the ranking CSV. */
  body: string;
  /** SHA-256 of the published open data (the JSON file's digest). */
  openDataSha256: string;
}

/** The open data of a published period (newest version unless asked), byte for byte as frozen. */
export async function getPublishedOpenData(
  deps: AppDeps,
  periodText: string,
  version?: number,
): Promise<PublishedDownload> {
  const picked = pickVersion(await periodVersions(deps.db, periodText), periodText, version);
  const row = await deps.db
    .selectFrom('published_result')
    .select(['period', 'version', 'open_data', 'open_data_sha256'])
    .where('id', '=', picked.id)
    .executeTakeFirstOrThrow();
  return {
    period: row.period,
    version: row.version,
    body: row.open_data,
    openDataSha256: row.open_data_sha256,
  };
}

/** The published ranking of a period as CSV (UTF-8 with BOM), made from the frozen snapshot. */
export async function getPublishedRankingCsv(
  deps: AppDeps,
  periodText: string,
  version?: number,
): Promise<PublishedDownload> {
  const picked = pickVersion(await periodVersions(deps.db, periodText), periodText, version);
  const row = await deps.db
    .selectFrom('published_result')
    .select(['period', 'version', 'snapshot', 'open_data_sha256'])
    .where('id', '=', picked.id)
    .executeTakeFirstOrThrow();
  return {
    period: row.period,
    version: row.version,
    body: rankingCsv(row.snapshot, row.version),
    openDataSha256: row.open_data_sha256,
  };
}
