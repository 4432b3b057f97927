import { TT01_INDICATORS } from '#domain/scoring/types.ts';
import { tenthsToDecimal } from './open-data.ts';
import type { PublishedSnapshot } from './snapshot.ts';

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it (Vietnamese names stay readable). */
const BOM = '\uFEFF';

const HEADER = [
  'period',
  'version',
  'rank',
  'agency_code',
  'agency_name',
  'agency_level',
  'parent_code',
  ...TT01_INDICATORS,
  'scored',
  'out_of',
  'total',
  'rescaled_total',
  'grade_code',
  'grade',
  'dossiers_received',
  'dossiers_scored',
  'rat_hai_long',
  'hai_long',
  'chua_hai_long',
  'scheme_id',
  'scheme_version',
  'scheme_sha256',
  'checkpoint_id',
  'checkpoint_seq',
  'checkpoint_hash',
];

function cell(value: string | number | null): string {
  if (value === null) return '';
  // A name starting like a formula would run in a spreadsheet (CSV injection): keep it text.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The published ranking as one CSV (issue 6 point 5): one row per agency with every indicator,
 * n/9, total, grade, rank, the scheme and the agency's chain head in the audit checkpoint.
 * RFC 4180 (comma, CRLF, quotes doubled), decimals with a point, UTF-8 with a BOM.
 */
export function rankingCsv(snapshot: PublishedSnapshot, version: number): string {
  const lines = [HEADER.join(',')];
  for (const row of snapshot.rows) {
    lines.push(
      [
        snapshot.period.key,
        version,
        row.rank,
        row.agency.code,
        row.agency.name,
        row.agency.level,
        row.agency.parentCode,
        ...TT01_INDICATORS.map((indicator) => {
          const score = row.indicators[indicator].score;
          return score === null ? null : tenthsToDecimal(score);
        }),
        row.scored,
        row.outOf,
        tenthsToDecimal(row.total),
        snapshot.scheme.missingIndicatorPolicy === 'rescale' ? tenthsToDecimal(row.classifiedTotal) : null,
        row.grade.code,
        row.grade.label,
        row.dossiers.received,
        row.dossiers.scored,
        row.satisfaction.counts.rat_hai_long,
        row.satisfaction.counts.hai_long,
        row.satisfaction.counts.chua_hai_long,
        snapshot.scheme.id,
        snapshot.scheme.version,
        snapshot.scheme.sha256,
        snapshot.checkpoint.id,
        row.checkpointHead?.seq ?? null,
        row.checkpointHead?.hash ?? null,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
