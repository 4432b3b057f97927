import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';

/** One publication as listed: no snapshot, no open data (they are fetched one at a time). */
export interface PublicationListItem {
  id: string;
  period: string;
  version: number;
  reason: string | null;
  publishedAt: Date;
  schemeId: string;
  schemeVersion: string;
  schemeSha256: string;
  checkpointId: string;
  snapshotSha256: string;
  openDataSha256: string;
  agencies: number;
  /** The newest version of its period. */
  isLatest: boolean;
}

const COLUMNS = [
  'id',
  'period',
  'version',
  'reason',
  'published_at',
  'scheme_id',
  'scheme_version',
  'scheme_sha256',
  'checkpoint_id',
  'snapshot_sha256',
  'open_data_sha256',
] as const;

/** Every publication, every version, newest first (issue 6 point 4: "both stay visible"). */
export async function listPublishedResults(deps: AppDeps): Promise<PublicationListItem[]> {
  const rows = await deps.db
    .selectFrom('published_result')
    .select(COLUMNS)
    .select(sql<number>`jsonb_array_length(snapshot->'rows')`.as('agencies'))
    .orderBy('published_at', 'desc')
    .orderBy('period', 'desc')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, number>();
  for (const row of rows) latest.set(row.period, Math.max(latest.get(row.period) ?? 0, row.version));
  return rows.map((row) => ({
    id: row.id,
    period: row.period,
    version: row.version,
    reason: row.reason,
    publishedAt: row.published_at,
    schemeId: row.scheme_id,
    schemeVersion: row.scheme_version,
    schemeSha256: row.scheme_sha256,
    checkpointId: row.checkpoint_id,
    snapshotSha256: row.snapshot_sha256,
    openDataSha256: row.open_data_sha256,
    agencies: row.agencies,
    isLatest: latest.get(row.period) === row.version,
  }));
}
