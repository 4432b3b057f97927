import type { AgencyPublishedHistory } from '#app/publication/get-agency-published-history.ts';
import type { PublishedResult } from '#app/publication/get-published-result.ts';
import type { PublicationListItem } from '#app/publication/list-published-results.ts';
import type { PublishedResultSummary } from '#app/publication/publish-period.ts';
import { mapIndicators, type SnapshotIndicator, type SnapshotRow } from '#domain/publication/snapshot.ts';
import type { Tenths } from '#domain/scoring/types.ts';
import type {
  AgencyResultsView,
  PublicationListView,
  PublishedRankingRow,
  PublishedResultView,
} from '#shared/public-results.view.ts';

/** Tenths → the one-decimal number shown (the only place published scores become decimals). */
function points(value: Tenths): number {
  return value / 10;
}

function downloads(period: string, version: number) {
  const base = `/api/v1/public/results/${encodeURIComponent(period)}`;
  return {
    json: `${base}/open-data.json?version=${version}`,
    csv: `${base}/open-data.csv?version=${version}`,
  };
}

function indicator(value: SnapshotIndicator) {
  return {
    score: value.score === null ? null : points(value.score),
    source: value.source,
    dossiers: value.source === 'dossiers' ? (value.dossierBasis?.count ?? null) : null,
    agencyValues: value.agencyValues.map((v) => ({ source: v.source, points: v.points })),
  };
}

function satisfaction(row: SnapshotRow) {
  const counts = row.satisfaction.counts;
  return {
    total: row.satisfaction.total,
    ratHaiLong: counts.rat_hai_long,
    haiLong: counts.hai_long,
    chuaHaiLong: counts.chua_hai_long,
  };
}

function rankingRow(row: SnapshotRow, rescaled: boolean): PublishedRankingRow {
  return {
    rank: row.rank,
    agency: { ...row.agency },
    indicators: mapIndicators((key) => indicator(row.indicators[key])),
    total: points(row.total),
    scored: row.scored,
    outOf: 9,
    rescaledTotal: rescaled ? points(row.classifiedTotal) : null,
    grade: { code: row.grade.code, label: row.grade.label },
    satisfaction: satisfaction(row),
    dossiers: { ...row.dossiers },
  };
}

/** Every publication, newest first. */
export function presentPublicationList(items: readonly PublicationListItem[]): PublicationListView {
  return {
    publications: items.map((item) => ({
      period: item.period,
      version: item.version,
      reason: item.reason,
      publishedAt: item.publishedAt.toISOString(),
      isLatest: item.isLatest,
      agencies: item.agencies,
      scheme: { id: item.schemeId, version: item.schemeVersion, sha256: item.schemeSha256 },
      checkpointId: item.checkpointId,
      snapshotSha256: item.snapshotSha256,
      openDataSha256: item.openDataSha256,
      downloads: downloads(item.period, item.version),
    })),
  };
}

/** One version of a published period. */
export function presentPublishedResult(result: PublishedResult): PublishedResultView {
  const { snapshot } = result;
  const rescaled = snapshot.scheme.missingIndicatorPolicy === 'rescale';
  return {
    period: {
      key: snapshot.period.key,
      kind: snapshot.period.kind,
      from: snapshot.period.from,
      to: snapshot.period.to,
    },
    version: result.version,
    reason: result.reason,
    publishedAt: result.publishedAt.toISOString(),
    latestVersion: result.latestVersion,
    hasNewerVersion: result.version < result.latestVersion,
    versions: result.versions.map((v) => ({
      version: v.version,
      reason: v.reason,
      publishedAt: v.publishedAt.toISOString(),
    })),
    scheme: { ...snapshot.scheme },
    checkpoint: { ...snapshot.checkpoint, url: `/api/v1/audit/checkpoints/${snapshot.checkpoint.id}` },
    snapshotSha256: result.snapshotSha256,
    openDataSha256: result.openDataSha256,
    downloads: downloads(result.period, result.version),
    rows: snapshot.rows.map((row) => rankingRow(row, rescaled)),
  };
}

/** An agency's results over time. */
export function presentAgencyHistory(history: AgencyPublishedHistory): AgencyResultsView {
  return {
    agency: { ...history.agency },
    results: history.results.map((result) => ({
      period: {
        key: result.period.key,
        kind: result.period.kind,
        from: result.period.from,
        to: result.period.to,
      },
      version: result.version,
      publishedAt: result.publishedAt.toISOString(),
      scheme: { id: result.scheme.id, version: result.scheme.version },
      rank: result.row.rank,
      of: result.ranked,
      total: points(result.row.total),
      scored: result.row.scored,
      grade: { code: result.row.grade.code, label: result.row.grade.label },
      indicators: mapIndicators((key) => {
        const score = result.row.indicators[key].score;
        return score === null ? null : points(score);
      }),
      satisfaction: satisfaction(result.row),
      dossiers: { ...result.row.dossiers },
    })),
  };
}

/** What the staff who published gets back. */
export function presentPublished(summary: PublishedResultSummary) {
  return {
    period: summary.period,
    version: summary.version,
    reason: summary.reason,
    publishedAt: summary.publishedAt,
    checkpointId: summary.checkpointId,
    snapshotSha256: summary.snapshotSha256,
    openDataSha256: summary.openDataSha256,
    url: `/api/v1/public/results/${encodeURIComponent(summary.period)}?version=${summary.version}`,
  };
}
