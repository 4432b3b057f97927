import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import qd766File from '../../../schemes/qd766.json' with { type: 'json' };
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import type { Timeliness } from '#domain/dossiers/timeliness.ts';
import { aggregateAgency, aggregateOfficial } from './aggregate.ts';
import { parseScheme, type Qd766Scheme, type Tt01Scheme } from './load-scheme.ts';
import { qd766Points, scoreQd766 } from './qd766.ts';
import { rankAgencies } from './rank.ts';
import { indicatorScore } from './rounding.ts';
import { scoreDossierTt01 } from './score-dossier.ts';
import type {
  AgencyIndicatorSources,
  DossierFacts,
  IndicatorAccumulator,
  Points,
  Tt01DossierIndicator,
  Tt01OfficialIndicator,
} from './types.ts';

const loadedTt01 = parseScheme(tt01File, 'tt01-2018.json');
const loadedQd766 = parseScheme(qd766File, 'qd766.json');
if (loadedTt01.kind !== 'tt01' || loadedQd766.kind !== 'qd766') throw new Error('shipped schemes');
const base: Tt01Scheme = loadedTt01;
const qd766: Qd766Scheme = loadedQd766;

// ------------------------------------------------------------------ arbitraries

const timeliness = fc.constantFrom<Timeliness>('early', 'on_time', 'late');
const points = fc.constantFrom<Points>(0, 1, 2);
const precedence = fc.constantFrom('system' as const, 'citizen' as const, 'lower' as const);
const attribution = fc.constantFrom(
  'receiving' as const,
  'handling' as const,
  'step' as const,
  'both' as const,
);

const schemeArb: fc.Arbitrary<Tt01Scheme> = fc
  .record({
    missingIndicatorPolicy: fc.constantFrom('literal' as const, 'rescale' as const),
    citizenVsSystem: fc.record({ cs1: precedence, cs3: precedence, cs4: precedence, cs7: precedence }),
    attribution: fc.record({
      cs1: attribution,
      cs2: attribution,
      cs3: attribution,
      cs4: attribution,
      cs7: attribution,
    }),
    cs4: fc.record({ onlineCountsAsNoContact: fc.boolean() }),
  })
  .map((settings) => ({ ...base, ...settings }));

const factsArb: fc.Arbitrary<DossierFacts> = fc
  .record({
    dossierId: fc.uuid(),
    agencyId: fc.constantFrom('a1', 'a2'),
    status: fc.constantFrom(
      'received',
      'processing',
      'awaiting_supplement',
      'finished',
      'returned',
      'refused',
      'stopped',
    ),
    finished: fc.boolean(),
    channel: fc.constantFrom('in_person' as const, 'post' as const, 'online' as const),
    timeliness: fc.option(timeliness),
    steps: fc.array(
      fc.record({
        unitAgencyId: fc.constantFrom('u1', 'u2', 'u3'),
        officialId: fc.option(fc.constantFrom('o1', 'o2', 'o3')),
        timeliness: fc.option(timeliness),
      }),
      { maxLength: 4 },
    ),
    supplementsNotAtFault: fc.nat({ max: 4 }),
    supplementsAtFault: fc.nat({ max: 3 }),
    receivingOfficialId: fc.option(fc.constantFrom('o1', 'o4')),
    handlingOfficialId: fc.option(fc.constantFrom('o2', 'o5')),
    extraOrganisationsContacted: fc.nat({ max: 2 }),
    hasSubstantiatedConductComplaint: fc.boolean(),
    procedurePublication: fc.option(fc.record({ noticeBoard: fc.boolean(), electronic: fc.boolean() })),
    citizenAnswers: fc.option(
      fc.record({ cs1: points, cs3: points, cs4: points, cs7: points }, { requiredKeys: [] }),
    ),
  })
  .map(({ finished, ...f }) => ({
    ...f,
    code: `X-250101-${f.dossierId.slice(0, 4)}`,
    sector: 'Hộ tịch',
    receivedDate: '2025-01-01',
    finishedDate: finished ? '2025-02-01' : null,
  }));

const RANK: Readonly<Record<Timeliness, number>> = { early: 2, on_time: 1, late: 0 };
/** Two timeliness values, the first at least as good as the second. */
const betterWorse = fc
  .tuple(timeliness, timeliness)
  .map(([a, b]): [Timeliness, Timeliness] => (RANK[a] >= RANK[b] ? [a, b] : [b, a]));

const pointsOf = (facts: DossierFacts, scheme: Tt01Scheme, indicator: Tt01DossierIndicator): number =>
  scoreDossierTt01(scheme, facts).indicators.find((o) => o.indicator === indicator)?.points ?? -1;

// ------------------------------------------------------------------ accumulation as the rollups do it

type Acc = Partial<Record<Tt01DossierIndicator, IndicatorAccumulator>>;

function accumulate(scheme: Tt01Scheme, dossiers: readonly DossierFacts[]) {
  const agency: Acc = {};
  const officials = new Map<string, Partial<Record<Tt01OfficialIndicator, IndicatorAccumulator>>>();
  for (const facts of dossiers) {
    for (const o of scoreDossierTt01(scheme, facts).indicators) {
      if (o.points === null) continue;
      const a = (agency[o.indicator] ??= { sum: 0, count: 0 });
      a.sum += o.points;
      a.count += 1;
      if (o.indicator === 'cs6') continue;
      const indicator = o.indicator;
      for (const id of o.officialIds) {
        const mine = officials.get(id) ?? {};
        const m = (mine[indicator] ??= { sum: 0, count: 0 });
        m.sum += o.points;
        m.count += 1;
        officials.set(id, mine);
      }
    }
  }
  return { agency, officials: new Map([...officials].sort(([x], [y]) => (x < y ? -1 : 1))) };
}

const levelArb: fc.Arbitrary<Partial<Record<'cs5' | 'cs6' | 'cs8' | 'cs9', AgencyIndicatorSources>>> =
  fc.record(
    {
      cs5: fc.record({ data: points.map((p) => ({ points: p, note: 'd' })) }, { requiredKeys: [] }),
      cs6: fc.record({ appraisal: points.map((p) => ({ points: p, note: 'a' })) }, { requiredKeys: [] }),
      cs8: fc.record({ self: points.map((p) => ({ points: p, note: 's' })) }, { requiredKeys: [] }),
      cs9: fc.record({ data: points.map((p) => ({ points: p, note: 'd' })) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );

// ------------------------------------------------------------------ properties

describe('property: scores stay in bounds', () => {
  it('per dossier: every indicator 0, 1, 2 or not scored; unit points 0–2', () => {
    fc.assert(
      fc.property(schemeArb, factsArb, (scheme, facts) => {
        const score = scoreDossierTt01(scheme, facts);
        for (const o of score.indicators) expect([null, 0, 1, 2]).toContain(o.points);
        for (const u of score.unitPoints) expect([0, 1, 2]).toContain(u.points);
      }),
    );
  });

  it('indicator tenths 0–20; official total 0–100; agency total 0–180, under both policies', () => {
    fc.assert(
      fc.property(schemeArb, fc.array(factsArb, { maxLength: 30 }), levelArb, (scheme, dossiers, level) => {
        const { agency, officials } = accumulate(scheme, dossiers);
        for (const a of Object.values(agency)) {
          const score = indicatorScore(a.sum, a.count);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(20);
        }
        for (const acc of officials.values()) {
          const r = aggregateOfficial(scheme, acc);
          for (const t of [r.total, r.classifiedTotal]) {
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThanOrEqual(100);
          }
          expect(r.classifiedTotal).toBeGreaterThanOrEqual(r.total);
          expect(r.scored).toBeLessThanOrEqual(5);
        }
        const r = aggregateAgency(scheme, agency, level);
        for (const t of [r.total, r.classifiedTotal]) {
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(180);
        }
        expect(r.scored).toBe(Object.values(r.indicators).filter((i) => i.score !== null).length);
      }),
    );
  });

  it('766: each sub-indicator 0–max, total 0–100', () => {
    const rate = fc.option(fc.record({ numerator: fc.nat({ max: 500 }), denominator: fc.nat({ max: 500 }) }));
    const ids = qd766.groups.flatMap((g) => g.indicators.map((i) => i.id));
    fc.assert(
      fc.property(fc.array(rate, { minLength: ids.length, maxLength: ids.length }), (rates) => {
        const r = scoreQd766(qd766, Object.fromEntries(ids.map((id, i) => [id, rates[i] ?? null])));
        for (const i of r.indicators) {
          if (i.points !== null) {
            expect(i.points).toBeGreaterThanOrEqual(0);
            expect(i.points).toBeLessThanOrEqual(i.max);
          }
        }
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});

describe('property: aggregation does not depend on input order', () => {
  it('a shuffled dossier list gives the same accumulators, official and agency results', () => {
    fc.assert(
      fc.property(
        schemeArb,
        fc
          .array(factsArb, { maxLength: 25 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        levelArb,
        (scheme, [list, shuffled], level) => {
          const a = accumulate(scheme, list);
          const b = accumulate(scheme, shuffled);
          expect(b.agency).toEqual(a.agency);
          expect([...b.officials.keys()]).toEqual([...a.officials.keys()]);
          for (const [id, acc] of a.officials) {
            expect(aggregateOfficial(scheme, b.officials.get(id) ?? {})).toEqual(
              aggregateOfficial(scheme, acc),
            );
          }
          expect(aggregateAgency(scheme, b.agency, level)).toEqual(aggregateAgency(scheme, a.agency, level));
        },
      ),
    );
  });

  it('ranking a shuffled table gives the same ranks in the same order', () => {
    const row = fc.record({
      id: fc.uuid(),
      name: fc.constantFrom('Ân Thi', 'Bình Lục', 'Đông Hà', 'Sở Tư pháp'),
      total: fc.nat({ max: 180 }),
    });
    fc.assert(
      fc.property(
        fc
          .array(row, { maxLength: 20 })
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            ),
          ),
        fc.constantFrom('shared_rank' as const, 'dense_rank' as const),
        ([rows, shuffled], tieRule) => {
          expect(rankAgencies(shuffled, tieRule)).toEqual(rankAgencies(rows, tieRule));
        },
      ),
    );
  });
});

describe('property: a better fact never lowers a score', () => {
  it('cs1 and cs7: earlier is never worse (whatever the citizen answered and the precedence)', () => {
    fc.assert(
      fc.property(schemeArb, factsArb, betterWorse, (scheme, facts, [better, worse]) => {
        for (const indicator of ['cs1', 'cs7'] as const) {
          const good = pointsOf({ ...facts, timeliness: better }, scheme, indicator);
          const bad = pointsOf({ ...facts, timeliness: worse }, scheme, indicator);
          expect(good).toBeGreaterThanOrEqual(bad);
        }
      }),
    );
  });

  it('cs2: a step done earlier never lowers the dossier or any unit', () => {
    fc.assert(
      fc.property(schemeArb, factsArb, betterWorse, fc.nat(), (scheme, facts, [better, worse], pick) => {
        if (facts.steps.length === 0) return;
        const at = pick % facts.steps.length;
        const withStep = (t: Timeliness): DossierFacts => ({
          ...facts,
          steps: facts.steps.map((s, i) => (i === at ? { ...s, timeliness: t } : s)),
        });
        const good = scoreDossierTt01(scheme, withStep(better));
        const bad = scoreDossierTt01(scheme, withStep(worse));
        expect(pointsOf(withStep(better), scheme, 'cs2')).toBeGreaterThanOrEqual(
          pointsOf(withStep(worse), scheme, 'cs2'),
        );
        good.unitPoints.forEach((u, i) =>
          expect(u.points).toBeGreaterThanOrEqual(bad.unitPoints[i]?.points ?? 0),
        );
      }),
    );
  });

  it('cs3: fewer supplement requests never lower the points', () => {
    fc.assert(
      fc.property(schemeArb, factsArb, fc.nat({ max: 5 }), fc.nat({ max: 5 }), (scheme, facts, x, y) => {
        const [fewer, more] = x <= y ? [x, y] : [y, x];
        expect(pointsOf({ ...facts, supplementsNotAtFault: fewer }, scheme, 'cs3')).toBeGreaterThanOrEqual(
          pointsOf({ ...facts, supplementsNotAtFault: more }, scheme, 'cs3'),
        );
      }),
    );
  });

  it('766: a higher rate never lowers the points', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 12_000 }),
        fc.nat({ max: 12_000 }),
        fc.integer({ min: 0, max: 2_200 }),
        fc.option(fc.integer({ min: 1, max: 10_000 })),
        (x, y, max, threshold) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          expect(qd766Points(high, max, threshold)).toBeGreaterThanOrEqual(qd766Points(low, max, threshold));
        },
      ),
    );
  });
});
