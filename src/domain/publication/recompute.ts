import { canonicalJson, toHex, utf8 } from '#domain/audit/canonical.ts';
import { DomainError } from '#domain/errors.ts';
import { aggregateAgency } from '#domain/scoring/aggregate.ts';
import { parseScheme } from '#domain/scoring/load-scheme.ts';
import { rankAgencies } from '#domain/scoring/rank.ts';
import type { Tt01Scheme } from '#domain/scoring/scheme-spec.ts';
import {
  TT01_INDICATORS,
  type AgencyIndicatorSources,
  type AgencyResult,
  type IndicatorAccumulator,
  type Tt01AgencyIndicator,
  type Tt01DossierIndicator,
} from '#domain/scoring/types.ts';
import { OPEN_DATA_DOSSIER_INDICATORS, tenthsToDecimal, type OpenDataDocument } from './open-data.ts';

/** One agency as recomputed from the open data. */
export interface RecomputedRow {
  agency: string;
  name: string;
  rank: number;
  result: AgencyResult;
}

/** A value that differs between the published ranking and the recomputation. */
export interface OpenDataDifference {
  /** The agency code (null: the document as a whole, e.g. the scheme digest). */
  agency: string | null;
  /** 'cs1'…'cs9', 'total', 'scored', 'grade', 'rank', 'row' (an agency missing on one side), 'scheme.sha256'. */
  field: string;
  published: string | number | null;
  recomputed: string | number | null;
}

export interface OpenDataRecomputation {
  scheme: Tt01Scheme;
  rows: RecomputedRow[];
  differences: OpenDataDifference[];
}

/**
 * Recomputes every agency's indicators, total, n/9, grade and rank from the open data alone,
 * with the same functions as the live table (aggregateAgency, classify, rankAgencies: Thông tư
 * 01/2018 Điều 15 khoản 2–4), and returns where the published ranking differs. The dossier
 * indicators are the average of the listed points (sum / count, half up to one decimal); the
 * agency-level values are weighed by the scheme's precedence. With `crypto`, the scheme document
 * is also checked against its published digest.
 */
export function recomputeFromOpenData(
  doc: OpenDataDocument,
  options: { sha256?: (data: Uint8Array) => Uint8Array } = {},
): OpenDataRecomputation {
  const parsed = parseScheme(doc.scheme.document, 'dữ liệu mở (scheme.document)');
  if (parsed.kind !== 'tt01') {
    throw new DomainError('OPEN_DATA_INVALID', {
      problems: [{ field: 'scheme.document.kind', message: 'phải là bộ chỉ số "tt01"' }],
    });
  }
  const scheme = parsed;
  const differences: OpenDataDifference[] = [];
  if (options.sha256) {
    const digest = toHex(options.sha256(utf8(canonicalJson(doc.scheme.document))));
    if (digest !== doc.scheme.sha256)
      differences.push({
        agency: null,
        field: 'scheme.sha256',
        published: doc.scheme.sha256,
        recomputed: digest,
      });
  }

  const accumulators = new Map<string, Partial<Record<Tt01DossierIndicator, IndicatorAccumulator>>>();
  for (const row of doc.dossiers) {
    const agency = row[1];
    const acc = accumulators.get(agency) ?? {};
    OPEN_DATA_DOSSIER_INDICATORS.forEach((indicator, index) => {
      const list = row[3 + index] as readonly number[];
      if (list.length === 0) return;
      const cell = acc[indicator] ?? { sum: 0, count: 0 };
      for (const value of list) {
        cell.sum += value;
        cell.count += 1;
      }
      acc[indicator] = cell;
    });
    accumulators.set(agency, acc);
  }
  const levels = new Map<string, Partial<Record<Tt01AgencyIndicator, AgencyIndicatorSources>>>();
  for (const value of doc.agencyIndicators) {
    const level = levels.get(value.agency) ?? {};
    // The note is not published (it may name people); the points are what counts.
    level[value.indicator] = {
      ...level[value.indicator],
      [value.source]: { points: value.points, note: '' },
    };
    levels.set(value.agency, level);
  }

  const names = new Map(doc.agencies.map((agency) => [agency.code, agency.name]));
  const codes = [...new Set([...accumulators.keys(), ...levels.keys()])];
  const ranked = rankAgencies(
    codes.map((code) => {
      const result = aggregateAgency(scheme, accumulators.get(code) ?? {}, levels.get(code) ?? {});
      return { id: code, name: names.get(code) ?? code, total: result.total, result };
    }),
    scheme.tieRule,
  );
  const rows: RecomputedRow[] = ranked.map((row) => ({
    agency: row.id,
    name: row.name,
    rank: row.rank,
    result: row.result,
  }));

  const recomputedByCode = new Map(rows.map((row) => [row.agency, row]));
  const publishedCodes = new Set(doc.ranking.map((row) => row.agency));
  for (const published of doc.ranking) {
    const mine = recomputedByCode.get(published.agency);
    if (mine === undefined) {
      differences.push({ agency: published.agency, field: 'row', published: 'có', recomputed: 'không có' });
      continue;
    }
    const compare = (field: string, before: string | number | null, after: string | number | null): void => {
      if (before !== after)
        differences.push({ agency: published.agency, field, published: before, recomputed: after });
    };
    for (const indicator of TT01_INDICATORS) {
      const score = mine.result.indicators[indicator].score;
      compare(indicator, published.indicators[indicator], score === null ? null : tenthsToDecimal(score));
    }
    compare('total', published.total, tenthsToDecimal(mine.result.total));
    compare('scored', published.scored, mine.result.scored);
    compare('grade', published.grade.code, mine.result.grade.code);
    compare('rank', published.rank, mine.rank);
  }
  for (const row of rows) {
    if (!publishedCodes.has(row.agency))
      differences.push({ agency: row.agency, field: 'row', published: 'không có', recomputed: 'có' });
  }
  return { scheme, rows, differences };
}
