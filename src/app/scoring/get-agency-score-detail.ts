import type { Period } from '#domain/periods/period.ts';
import { indicatorScore } from '#domain/scoring/rounding.ts';
import { TT01_DOSSIER_INDICATORS, type Tenths, type Tt01DossierIndicator } from '#domain/scoring/types.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { getAgencyScores, readRollups, tt01SchemeIds } from './get-agency-scores.ts';

function isDossierIndicator(value: string): value is Tt01DossierIndicator {
  return (TT01_DOSSIER_INDICATORS as readonly string[]).includes(value);
}

/**
 * One agency's result for a period with everything behind it: each indicator's candidates
 * (dossier average with its sum and count, data, self-assessment, appraisal), the grade rule,
 * and the per-sector breakdown of the per-dossier indicators (Thông tư 01/2018 Điều 15 khoản 1:
 * "theo từng ngành, lĩnh vực").
 */
export async function getAgencyScoreDetail(deps: AppDeps, agencyId: string, period: Period) {
  const table = await getAgencyScores(deps, period);
  const row = table.rows.find((candidate) => candidate.id === agencyId);
  if (!row)
    throw new DomainError('AGENCY_NOT_FOUND', {
      message: 'Cơ quan không có dữ liệu chấm điểm trong kỳ này.',
    });
  const sectorRows = (await readRollups(deps.db, tt01SchemeIds(deps), period, 'agency_sector')).filter(
    (cell) => cell.subject_id === agencyId,
  );
  const sectors = new Map<
    string,
    Partial<Record<Tt01DossierIndicator, { score: Tenths | null; sum: number; count: number }>>
  >();
  for (const cell of sectorRows) {
    if (!isDossierIndicator(cell.indicator)) continue;
    const entry = sectors.get(cell.sector) ?? {};
    entry[cell.indicator] = { score: indicatorScore(cell.sum, cell.count), sum: cell.sum, count: cell.count };
    sectors.set(cell.sector, entry);
  }
  const collator = new Intl.Collator('vi');
  return {
    scheme: table.scheme,
    period,
    row,
    agencyCount: table.rows.length,
    sectors: [...sectors.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([sector, indicators]) => ({ sector, indicators })),
  };
}
