import { DomainError } from '#domain/errors.ts';
import { parsePeriod } from '#domain/periods/period.ts';
import type { PublishedSnapshot } from '#domain/publication/snapshot.ts';
import type { AppDeps, Db } from '../deps.ts';

export interface PublicationVersion {
  id: string;
  version: number;
  reason: string | null;
  publishedAt: Date;
}

export interface PublishedResult {
  id: string;
  period: string;
  version: number;
  reason: string | null;
  publishedAt: Date;
  schemeSha256: string;
  snapshotSha256: string;
  openDataSha256: string;
  snapshot: PublishedSnapshot;
  /** Every version of the period, oldest first. */
  versions: PublicationVersion[];
  latestVersion: number;
}

/** The versions of a period, oldest first; PUBLICATION_NOT_FOUND when it was never published. */
export async function periodVersions(db: Db, periodText: string): Promise<PublicationVersion[]> {
  const period = parsePeriod(periodText);
  const rows = await db
    .selectFrom('published_result')
    .select(['id', 'version', 'reason', 'published_at'])
    .where('period', '=', period.key)
    .orderBy('version')
    .execute();
  if (rows.length === 0) throw new DomainError('PUBLICATION_NOT_FOUND', { details: { period: period.key } });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    reason: row.reason,
    publishedAt: row.published_at,
  }));
}

/** The version asked for (default: the newest), or PUBLICATION_NOT_FOUND. */
export function pickVersion(
  versions: readonly PublicationVersion[],
  period: string,
  version: number | undefined,
): PublicationVersion {
  const picked = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (picked === undefined) throw new DomainError('PUBLICATION_NOT_FOUND', { details: { period, version } });
  return picked;
}

/**
 * A published period (issue 6 point 5): the frozen ranking of one version (the newest unless
 * asked), with every version and its reason, so a re-publication never hides the earlier one.
 */
export async function getPublishedResult(
  deps: AppDeps,
  periodText: string,
  version?: number,
): Promise<PublishedResult> {
  const versions = await periodVersions(deps.db, periodText);
  const picked = pickVersion(versions, periodText, version);
  const row = await deps.db
    .selectFrom('published_result')
    .select([
      'id',
      'period',
      'version',
      'reason',
      'published_at',
      'scheme_sha256',
      'snapshot',
      'snapshot_sha256',
      'open_data_sha256',
    ])
    .where('id', '=', picked.id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    period: row.period,
    version: row.version,
    reason: row.reason,
    publishedAt: row.published_at,
    schemeSha256: row.scheme_sha256,
    snapshotSha256: row.snapshot_sha256,
    openDataSha256: row.open_data_sha256,
    snapshot: row.snapshot,
    versions,
    latestVersion: versions.at(-1)!.version,
  };
}
