import type { Period } from '#domain/periods/period.ts';
import { indicatorScore } from '#domain/scoring/rounding.ts';
import { TT01_OFFICIAL_INDICATORS, type Tenths } from '#domain/scoring/types.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { readRollups, tt01SchemeIds } from '../scoring/get-agency-scores.ts';

/** Indicators 1, 2, 3, 4 and 7: the per-dossier ones that are averaged per sector (Điều 15 khoản 1). */
export const SECTOR_INDICATORS = TT01_OFFICIAL_INDICATORS;
export type SectorIndicator = (typeof SECTOR_INDICATORS)[number];

/** An indicator's average with the sum and count behind it (tenths, half up; null when no dossier). */
export interface SectorCell {
  score: Tenths | null;
  sum: number;
  count: number;
}

export interface SectorFigures {
  indicators: Record<SectorIndicator, SectorCell>;
  /** Sum of the scored indicators' averages, in tenths (0–100: five indicators of at most 2 points). */
  total: Tenths;
  /** How many of the five were scored. */
  scored: number;
  /** Dossiers scored in the sector: those counted on indicator 1 (every finished dossier has a timeliness). */
  dossiers: number;
}

type Sums = Record<SectorIndicator, { sum: number; count: number }>;

const emptySums = (): Sums => ({
  cs1: { sum: 0, count: 0 },
  cs2: { sum: 0, count: 0 },
  cs3: { sum: 0, count: 0 },
  cs4: { sum: 0, count: 0 },
  cs7: { sum: 0, count: 0 },
});

function isSectorIndicator(value: string): value is SectorIndicator {
  return (SECTOR_INDICATORS as readonly string[]).includes(value);
}

/** The averages of one cell of sums: each indicator rounded once (TT 01/2018 Điều 15 khoản 2), then totalled. */
export function sectorFigures(sums: Sums): SectorFigures {
  const cell = (indicator: SectorIndicator): SectorCell => ({
    score: indicatorScore(sums[indicator].sum, sums[indicator].count),
    ...sums[indicator],
  });
  const indicators = {
    cs1: cell('cs1'),
    cs2: cell('cs2'),
    cs3: cell('cs3'),
    cs4: cell('cs4'),
    cs7: cell('cs7'),
  };
  const present = SECTOR_INDICATORS.map((indicator) => indicators[indicator].score).filter(
    (score): score is Tenths => score !== null,
  );
  return {
    indicators,
    total: present.reduce((sum, score) => sum + score, 0),
    scored: present.length,
    dossiers: sums.cs1.count,
  };
}

/**
 * The per-sector table of a period (legal-rules §9.4; Thông tư 01/2018 Điều 15 khoản 1 scores
 * indicators 1–4 and 7 "theo từng ngành, lĩnh vực"): for each sector (lĩnh vực) of the
 * procedures, the averages over every dossier of the sector in the agencies asked for, then the
 * same per agency within the sector. Read from the rollups (subject kind agency_sector), or the
 * per-dossier scores for a custom range. Sector and agency averages are each computed from sums
 * (never an average of averages), so the sectors of an agency add up to its agency row.
 */
export async function getSectorScores(
  deps: AppDeps,
  period: Period,
  options: { rootAgencyId?: string } = {},
) {
  const [cells, agencies] = await Promise.all([
    readRollups(deps.db, tt01SchemeIds(deps), period, 'agency_sector'),
    deps.db.selectFrom('agency').select(['id', 'code', 'name', 'level']).execute(),
  ]);
  const scope = options.rootAgencyId ? new Set(await agencySubtreeIds(deps.db, options.rootAgencyId)) : null;
  const sectors = new Map<string, { sums: Sums; agencies: Map<string, Sums> }>();
  for (const cell of cells) {
    if (!isSectorIndicator(cell.indicator)) continue;
    if (scope !== null && !scope.has(cell.subject_id)) continue;
    const sector = sectors.get(cell.sector) ?? { sums: emptySums(), agencies: new Map<string, Sums>() };
    sectors.set(cell.sector, sector);
    const agencySums = sector.agencies.get(cell.subject_id) ?? emptySums();
    sector.agencies.set(cell.subject_id, agencySums);
    for (const sums of [sector.sums, agencySums]) {
      sums[cell.indicator].sum += cell.sum;
      sums[cell.indicator].count += cell.count;
    }
  }
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const collator = new Intl.Collator('vi');
  const rows = [...sectors.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([sector, entry]) => ({
      sector,
      figures: sectorFigures(entry.sums),
      agencies: [...entry.agencies.entries()]
        .flatMap(([agencyId, sums]) => {
          const agency = byId.get(agencyId);
          return agency ? [{ agency, figures: sectorFigures(sums) }] : [];
        })
        .sort((a, b) => b.figures.total - a.figures.total || collator.compare(a.agency.name, b.agency.name)),
    }));
  return { period, sectors: rows };
}
