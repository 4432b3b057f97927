import { describe, expect, it } from 'vitest';
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import { aggregateAgency } from '#domain/scoring/aggregate.ts';
import { parseScheme, type Tt01Scheme } from '#domain/scoring/load-scheme.ts';
import { rankAgencies } from '#domain/scoring/rank.ts';
import type { AgencyIndicatorSources, Points, Tt01DossierIndicator } from '#domain/scoring/types.ts';
import {
  buildOpenDataDocument,
  parseOpenData,
  type DossierPointsForAgency,
  type OpenDataDocument,
} from './open-data.ts';
import { rankingCsv } from './ranking-csv.ts';
import { recomputeFromOpenData } from './recompute.ts';
import { mapIndicators, type PublishedSnapshot, type SnapshotRow } from './snapshot.ts';

const loaded = parseScheme(tt01File, 'tt01-2018.json');
if (loaded.kind !== 'tt01') throw new Error('tt01-2018.json is not a tt01 scheme');
const scheme: Tt01Scheme = loaded;
const { file: _file, ...schemeDocument } = scheme;

type PointLists = Partial<Record<Tt01DossierIndicator, Points[]>>;

const AGENCIES = [
  { code: 'H99.01', name: 'Sở Tư pháp', level: 'department' as const, parentCode: 'H99' },
  { code: 'H99.02', name: 'Sở Xây dựng', level: 'department' as const, parentCode: 'H99' },
  { code: 'H99.C01', name: 'UBND xã An Hòa', level: 'commune' as const, parentCode: 'H99' },
];

/** Per-dossier points (one entry per dossier and agency) and agency-level values of a small province. */
const DOSSIERS: { key: string; agency: string; points: PointLists }[] = [
  { key: 'd1', agency: 'H99.01', points: { cs1: [2], cs2: [2], cs3: [2], cs4: [2], cs6: [2], cs7: [2] } },
  { key: 'd2', agency: 'H99.01', points: { cs1: [2], cs2: [1], cs3: [2], cs4: [1], cs6: [2], cs7: [2] } },
  { key: 'd3', agency: 'H99.01', points: { cs1: [1], cs2: [0], cs3: [2], cs4: [2], cs6: [2], cs7: [1] } },
  // A dossier with two steps in H99.02 counts twice there for indicator 2 (Điều 13 chỉ số 2).
  { key: 'd4', agency: 'H99.02', points: { cs1: [2], cs2: [2, 0], cs3: [1], cs4: [2], cs6: [2], cs7: [2] } },
  { key: 'd4', agency: 'H99.C01', points: { cs2: [2] } },
  { key: 'd5', agency: 'H99.C01', points: { cs1: [2], cs2: [2], cs3: [2], cs4: [2], cs6: [1], cs7: [2] } },
];
const LEVEL: Record<string, Partial<Record<'cs5' | 'cs6' | 'cs8' | 'cs9', AgencyIndicatorSources>>> = {
  'H99.01': { cs5: { data: { points: 1, note: '' } }, cs9: { data: { points: 0, note: '' } } },
  'H99.02': {
    cs5: { data: { points: 2, note: '' } },
    cs8: { self: { points: 2, note: 'tự đánh giá' }, appraisal: { points: 1, note: 'thẩm định' } },
  },
  'H99.C01': { cs5: { data: { points: 2, note: '' } } },
};

const lists = (points: PointLists): Record<Tt01DossierIndicator, Points[]> => ({
  cs1: points.cs1 ?? [],
  cs2: points.cs2 ?? [],
  cs3: points.cs3 ?? [],
  cs4: points.cs4 ?? [],
  cs6: points.cs6 ?? [],
  cs7: points.cs7 ?? [],
});

/** The published side, computed as the live table does: sums per agency → aggregateAgency → rankAgencies. */
function publishedDocument(): OpenDataDocument {
  const sums = new Map<string, Partial<Record<Tt01DossierIndicator, { sum: number; count: number }>>>();
  for (const dossier of DOSSIERS) {
    const acc = sums.get(dossier.agency) ?? {};
    for (const [indicator, values] of Object.entries(lists(dossier.points)) as [
      Tt01DossierIndicator,
      Points[],
    ][]) {
      if (values.length === 0) continue;
      const cell = acc[indicator] ?? { sum: 0, count: 0 };
      cell.sum += values.reduce<number>((a, b) => a + b, 0);
      cell.count += values.length;
      acc[indicator] = cell;
    }
    sums.set(dossier.agency, acc);
  }
  const ranked = rankAgencies(
    AGENCIES.map((agency) => {
      const result = aggregateAgency(scheme, sums.get(agency.code) ?? {}, LEVEL[agency.code] ?? {});
      return { id: agency.code, name: agency.name, total: result.total, result, agency };
    }),
    scheme.tieRule,
  );
  const rows: SnapshotRow[] = ranked.map((row) => ({
    rank: row.rank,
    agency: row.agency,
    indicators: mapIndicators((indicator) => {
      const r = row.result.indicators[indicator];
      return {
        score: r.score,
        source: r.source,
        dossierBasis: r.candidates.find((c) => c.source === 'dossiers')?.basis ?? null,
        agencyValues: r.candidates.flatMap((c) =>
          c.source !== 'dossiers' && c.points !== null ? [{ source: c.source, points: c.points }] : [],
        ),
      };
    }),
    total: row.result.total,
    classifiedTotal: row.result.classifiedTotal,
    scored: row.result.scored,
    outOf: 9,
    grade: row.result.grade,
    satisfaction: { total: 3, counts: { rat_hai_long: 1, hai_long: 1, chua_hai_long: 1 } },
    dossiers: { received: 3, scored: 3 },
    checkpointHead: { seq: 7, hash: 'ab'.repeat(32) },
  }));
  const snapshot: PublishedSnapshot = {
    snapshotVersion: 1,
    period: { key: '2026-Q3', kind: 'quarter', from: '2026-07-01', to: '2026-09-30', quarters: ['2026-Q3'] },
    scheme: {
      id: scheme.id,
      version: scheme.version,
      name: scheme.name,
      sha256: '0'.repeat(64),
      tieRule: scheme.tieRule,
      missingIndicatorPolicy: scheme.missingIndicatorPolicy,
    },
    checkpoint: {
      id: 'c0ffee00-0000-4000-8000-000000000000',
      createdAt: '2026-10-01T01:00:00.000Z',
      publicKeyId: 'k',
    },
    rows,
  };
  const dossiers: DossierPointsForAgency[] = DOSSIERS.map((d) => ({
    dossierKey: d.key,
    receivingAgencyCode: d.key === 'd4' ? 'H99.02' : d.agency,
    agencyCode: d.agency,
    sector: 'Tư pháp',
    points: lists(d.points),
  }));
  const doc = buildOpenDataDocument({
    snapshot,
    version: 1,
    reason: null,
    publishedAt: '2026-10-01T01:00:01.000Z',
    schemeDocument,
    checkpoint: {
      checkpoint: { id: snapshot.checkpoint.id, createdAt: snapshot.checkpoint.createdAt, heads: {} },
      signature: 'sig',
      publicKeyId: 'k',
      publicKey: null,
    },
    dossiers,
  });
  // Through JSON, as a downloaded file is read.
  return parseOpenData(JSON.parse(JSON.stringify(doc)));
}

describe('recomputeFromOpenData (issue 6 acceptance: recompute from open data equals the published ranking)', () => {
  it('gives back every indicator, total, n/9, grade and rank from the open data alone', () => {
    const doc = publishedDocument();
    const result = recomputeFromOpenData(doc);
    expect(result.differences).toEqual([]);
    expect(result.rows.map((row) => row.agency).sort()).toEqual(['H99.01', 'H99.02', 'H99.C01']);
    // H99.02: indicator 2 = (2 + 0) / 2 = 1.0; indicator 8 from the appraisal (precedence), not self.
    const so = result.rows.find((row) => row.agency === 'H99.02')!;
    expect(so.result.indicators.cs2.score).toBe(10);
    expect(so.result.indicators.cs8).toMatchObject({ score: 10, source: 'appraisal' });
  });

  it('numbers dossiers opaquely: one sequence number per dossier, shared by its rows, no dossier key', () => {
    const doc = publishedDocument();
    expect(doc.dossiers.map((row) => [row[0], row[1]])).toEqual([
      [1, 'H99.01'],
      [2, 'H99.01'],
      [3, 'H99.01'],
      [4, 'H99.02'],
      [4, 'H99.C01'],
      [5, 'H99.C01'],
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/"d[1-5]"/);
    // The agency-level notes (free text of officials) are not published, only the points.
    expect(JSON.stringify(doc)).not.toContain('tự đánh giá');
    expect(doc.agencyIndicators).toContainEqual({
      agency: 'H99.02',
      indicator: 'cs8',
      source: 'appraisal',
      points: 1,
      used: true,
    });
  });

  it('reports a tampered total, rank or grade of the published ranking', () => {
    const doc = publishedDocument();
    const row = doc.ranking.find((r) => r.agency === 'H99.01')!;
    row.total += 1;
    row.rank += 1;
    row.grade = { code: 'xuat_sac', label: 'Xuất sắc' };
    const fields = recomputeFromOpenData(doc)
      .differences.filter((d) => d.agency === 'H99.01')
      .map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['total', 'rank']));
    expect(fields.length).toBeGreaterThanOrEqual(2);
  });

  it('names the agency whose per-dossier point was changed', () => {
    const doc = publishedDocument();
    const first = doc.dossiers.find((row) => row[1] === 'H99.01')!;
    first[3] = [0]; // cs1 of dossier 1: 2 → 0, so indicator 1 of H99.01 drops from 1.7 to 1.0
    const differences = recomputeFromOpenData(doc).differences;
    expect(differences).toContainEqual({ agency: 'H99.01', field: 'cs1', published: 1.7, recomputed: 1 });
  });

  it('reports a ranked agency that the data does not give, and one it gives that was not ranked', () => {
    const doc = publishedDocument();
    doc.dossiers = doc.dossiers.filter((row) => row[1] !== 'H99.C01');
    doc.agencyIndicators = doc.agencyIndicators.filter((v) => v.agency !== 'H99.C01');
    doc.agencyIndicators.push({ agency: 'H99.09', indicator: 'cs5', source: 'data', points: 2, used: true });
    const rows = recomputeFromOpenData(doc).differences.filter((d) => d.field === 'row');
    expect(rows.map((d) => d.agency).sort()).toEqual(['H99.09', 'H99.C01']);
  });

  it('refuses a malformed document naming the field', () => {
    const doc = publishedDocument();
    expect(() => parseOpenData({ ...doc, dossiers: [[1, 'H99.01', 'x', [3], [], [], [], [], []]] })).toThrow(
      expect.objectContaining({ code: 'OPEN_DATA_INVALID' }) as Error,
    );
    expect(() => parseOpenData({ format: 'khác' })).toThrow(
      expect.objectContaining({ code: 'OPEN_DATA_INVALID' }) as Error,
    );
  });
});

describe('rankingCsv', () => {
  it('writes UTF-8 with a BOM, one row per agency, with the scheme and the checkpoint head', () => {
    const doc = publishedDocument();
    const snapshot: PublishedSnapshot = {
      snapshotVersion: 1,
      period: { ...doc.period, kind: 'quarter' },
      scheme: {
        id: 'tt01-2018',
        version: '1.0.0',
        name: 'x',
        sha256: 'f'.repeat(64),
        tieRule: 'shared_rank',
        missingIndicatorPolicy: 'literal',
      },
      checkpoint: { id: 'cp', createdAt: '2026-10-01T01:00:00.000Z', publicKeyId: 'k' },
      rows: [
        {
          rank: 1,
          agency: { code: 'H99.01', name: '=Sở "Tư pháp", tỉnh', level: 'department', parentCode: null },
          indicators: mapIndicators((indicator) => ({
            score: indicator === 'cs8' ? null : 17,
            source: indicator === 'cs8' ? null : 'dossiers',
            dossierBasis: null,
            agencyValues: [],
          })),
          total: 136,
          classifiedTotal: 136,
          scored: 8,
          outOf: 9,
          grade: { code: 'kha', label: 'Khá' },
          satisfaction: { total: 2, counts: { rat_hai_long: 1, hai_long: 1, chua_hai_long: 0 } },
          dossiers: { received: 4, scored: 3 },
          checkpointHead: { seq: 12, hash: 'a'.repeat(64) },
        },
      ],
    };
    const csv = rankingCsv(snapshot, 2);
    expect(csv.startsWith('\uFEFFperiod,version,rank,agency_code')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toBe(
      `2026-Q3,2,1,H99.01,"'=Sở ""Tư pháp"", tỉnh",department,,1.7,1.7,1.7,1.7,1.7,1.7,1.7,,1.7,8,9,13.6,,kha,Khá,4,3,1,1,0,tt01-2018,1.0.0,${'f'.repeat(64)},cp,12,${'a'.repeat(64)}`,
    );
  });
});
