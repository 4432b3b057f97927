import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRating } from '#app/ratings/record-rating.ts';
import type {
  AgencyScoresView,
  DossierScoreView,
  OfficialScoresView,
  SatisfactionView,
  ScoredDossiersView,
} from '#shared/score.view.ts';
import { finishedTestDossier, receivedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

describe('score API (Thông tư 01/2018 Điều 13–15)', () => {
  let t: TestApp;
  const finishedAt = ['2025-07-08T10:00:00+07:00', '2025-07-09T10:00:00+07:00', '2025-07-11T10:00:00+07:00'];
  beforeAll(async () => {
    t = await createTestApp();
    // Three dossiers received Mon 2025-07-07, due Mon 2025-07-14 (5 working days): early, early, early —
    // then one finished on the due date (on time) and one after it (late).
    const finishes = [...finishedAt, '2025-07-14T16:00:00+07:00', '2025-07-16T10:00:00+07:00'];
    for (const [index, at] of finishes.entries()) {
      await finishedTestDossier(t.deps, {
        channel: index === 0 ? 'online' : 'in_person',
        officialCode: TEST_CATALOG.counterOfficial,
        finishedAt: at,
        finishedBy: TEST_CATALOG.handlingOfficial,
      });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the agency table: cs1 = (2+2+2+1+0)/5 = 1.4, total, n/9, grade and rank', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025-Q3' });
    expect(response.statusCode, response.body).toBe(200);
    const table = response.json<AgencyScoresView>();
    expect(table.scheme.id).toBe('tt01-2018');
    const row = table.rows.find((r) => r.agency.code === TEST_CATALOG.department)!;
    expect(row.indicators.cs1.score).toBe(1.4);
    expect(row.indicators.cs3.score).toBe(2);
    expect(row.rank).toBe(1);
    expect(row.scored).toBeGreaterThanOrEqual(6);
    expect(row.total).toBe(
      Object.values(row.indicators).reduce((sum, indicator) => sum + (indicator.score ?? 0), 0),
    );
    expect(row.grade.label).toMatch(/Xuất sắc|Tốt|Khá|Trung bình|Yếu/);
    const year = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025' })
    ).json<AgencyScoresView>();
    expect(year.rows.find((r) => r.agency.code === TEST_CATALOG.department)?.indicators.cs1.score).toBe(1.4);
  });

  it('serves the official table with the handling official classified', async () => {
    const table = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/officials?period=2025-Q3' })
    ).json<OfficialScoresView>();
    const handling = table.rows.find((r) => r.official.code === TEST_CATALOG.handlingOfficial)!;
    expect(handling.indicators.cs1).toBe(1.4);
    expect(handling.indicators.cs7).toBe(1.4);
    expect(handling.class.label).toContain('Hoàn thành');
    const detail = await t.inject({
      method: 'GET',
      url: `/api/v1/scores/officials/${handling.official.id}?period=2025-Q3`,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      basis: { cs1: { sum: 7, count: 5 } },
      rule: expect.stringContaining('Điều 15') as unknown,
    });
    const unknown = await t.inject({
      method: 'GET',
      url: `/api/v1/scores/officials/${handling.agency.id}?period=2025-Q3`,
    });
    expect(unknown.json()).toMatchObject({ error: { code: 'OFFICIAL_NOT_FOUND' } });
  });

  it('drills down to the dossiers behind a number', async () => {
    const agencies = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025-Q3' })
    ).json<AgencyScoresView>();
    const agencyId = agencies.rows.find((r) => r.agency.code === TEST_CATALOG.department)!.agency.id;
    const all = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/scores/dossiers?period=2025-Q3&subjectKind=agency&subjectId=${agencyId}&indicator=cs1`,
      })
    ).json<ScoredDossiersView>();
    expect(all.total).toBe(5);
    const late = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/scores/dossiers?period=2025-Q3&subjectKind=agency&subjectId=${agencyId}&indicator=cs1&points=0`,
      })
    ).json<ScoredDossiersView>();
    expect(late.items.map((item) => item.timeliness)).toEqual(['late']);
  });

  it('computes the Quyết định 766 index from the rates the data gives, N/A for the rest', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/scores/qd766?period=2025-Q3' });
    expect(response.statusCode, response.body).toBe(200);
    const table = response.json<{
      rows: {
        agency: { code: string };
        total: number;
        class: { label: string };
        indicators: {
          id: string;
          numerator: number | null;
          denominator: number | null;
          ratePercent: number | null;
          points: number | null;
        }[];
      }[];
    }>();
    const row = table.rows.find((r) => r.agency.code === TEST_CATALOG.department)!;
    const rate = (id: string) => row.indicators.find((indicator) => indicator.id === id)!;
    // 2.1: 4 of the 5 finished dossiers early or on time → 80%, no threshold: 20 × 0.8 = 16 points.
    expect(rate('2.1')).toMatchObject({ numerator: 4, denominator: 5, ratePercent: 80, points: 16 });
    // 3.3: one online dossier of 5 received, paper result without an electronic one → 0 counted (threshold 50%).
    expect(rate('3.3')).toMatchObject({ numerator: 0, denominator: 5, points: 0 });
    expect(rate('1.1').points).toBeNull();
    expect(row.total).toBeGreaterThanOrEqual(16);
    expect(row.class.label).toBe('Yếu');
  });

  it('explains a dossier score, and says why an open dossier has none', async () => {
    const list = (await t.inject({ method: 'GET', url: '/api/v1/dossiers?timeliness=late' })).json<{
      items: { code: string }[];
    }>();
    const score = (
      await t.inject({ method: 'GET', url: `/api/v1/dossiers/${list.items[0]!.code}/score` })
    ).json<DossierScoreView>();
    expect(score.scored).toBe(true);
    const cs1 = score.indicators.find((i) => i.indicator === 'cs1')!;
    expect(cs1).toMatchObject({ points: 0, source: 'system' });
    expect(cs1.rule).toContain('Điều 13');
    expect(score.stored?.schemeVersion).toBe(score.scheme?.version);
    const open = await receivedTestDossier(t.deps, {
      channel: 'post',
      receivedAt: '2025-07-20T09:00:00+07:00',
    });
    const none = (
      await t.inject({ method: 'GET', url: `/api/v1/dossiers/${open.id}/score` })
    ).json<DossierScoreView>();
    expect(none).toMatchObject({ scored: false, indicators: [] });
    expect(none.reason).toContain('chỉ chấm điểm khi đã có kết quả');
  });

  it('records self-assessment and appraisal side by side; the appraisal counts', async () => {
    const put = (source: string, points: number) =>
      t.inject({
        method: 'PUT',
        url: '/api/v1/scores/assessments',
        payload: {
          agencyCode: TEST_CATALOG.department,
          period: '2025-Q3',
          indicator: 'cs8',
          source,
          points,
          note: `Minh chứng ${source}`,
        },
      });
    expect((await put('self', 2)).statusCode).toBe(204);
    expect((await put('appraisal', 1)).statusCode).toBe(204);
    const table = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025-Q3' })
    ).json<AgencyScoresView>();
    const cs8 = table.rows.find((r) => r.agency.code === TEST_CATALOG.department)!.indicators.cs8;
    expect(cs8.score).toBe(1);
    expect(cs8.source).toBe('appraisal');
    expect(cs8.candidates.map((c) => c.source).sort()).toEqual(['appraisal', 'self']);
  });

  it('explains one agency: candidates with sums and counts, the grade rule, the sector breakdown', async () => {
    const agencies = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025-Q3' })
    ).json<AgencyScoresView>();
    const agencyId = agencies.rows.find((r) => r.agency.code === TEST_CATALOG.department)!.agency.id;
    const response = await t.inject({
      method: 'GET',
      url: `/api/v1/scores/agencies/${agencyId}?period=2025-Q3`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<{
      rule: string;
      basis: Record<string, { source: string; sum: number | null; count: number | null }[]>;
      sectors: { sector: string; indicators: Record<string, { score: number; count: number } | null> }[];
    }>();
    expect(detail.rule).toContain('Điều 15');
    expect(detail.basis.cs1).toEqual([{ source: 'dossiers', score: 1.4, sum: 7, count: 5 }]);
    expect(detail.sectors).toEqual([expect.objectContaining({ sector: 'Tư pháp' })]);
    expect(detail.sectors[0]!.indicators.cs1).toEqual({ score: 1.4, sum: 7, count: 5 });
  });

  it("takes the citizen's answers into the score, keeps later ratings as duplicates, and counts satisfaction", async () => {
    const early = (
      await t.inject({ method: 'GET', url: '/api/v1/dossiers?timeliness=early&pageSize=10' })
    ).json<{
      items: { id: string; code: string }[];
    }>();
    const [first, second] = early.items;
    // The citizen says one extra contact was needed (cs3 = 1) where the system saw none (2): the citizen wins for cs3.
    const counted = await recordRating(t.deps, {
      dossierId: first!.id,
      channel: 'qr',
      satisfaction: 4,
      answers: { cs3: 1 },
      submittedAt: '2025-07-20T10:00:00+07:00',
    });
    expect(counted.counts).toBe(true);
    const duplicate = await recordRating(t.deps, {
      dossierId: first!.id,
      channel: 'device',
      satisfaction: 1,
      submittedAt: '2025-07-21T10:00:00+07:00',
    });
    expect(duplicate.counts).toBe(false);
    await recordRating(t.deps, {
      dossierId: second!.id,
      channel: 'online',
      satisfaction: 5,
      submittedAt: '2025-07-22T10:00:00+07:00',
    });
    const score = (
      await t.inject({ method: 'GET', url: `/api/v1/dossiers/${first!.code}/score` })
    ).json<DossierScoreView>();
    expect(score.indicators.find((i) => i.indicator === 'cs3')).toMatchObject({
      points: 1,
      source: 'citizen',
      systemPoints: 2,
      citizenPoints: 1,
      disagreement: true,
    });
    const table = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025-Q3' })
    ).json<AgencyScoresView>();
    expect(table.rows.find((r) => r.agency.code === TEST_CATALOG.department)!.indicators.cs3.score).toBe(1.8); // (1+2+2+2+2)/5
    const satisfaction = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/satisfaction?period=2025-Q3' })
    ).json<SatisfactionView>();
    expect(satisfaction.overall.total).toBe(2);
    expect(satisfaction.overall.counts).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 });
    expect(satisfaction.overall.threeLevel.counts).toEqual({
      rat_hai_long: 1,
      hai_long: 1,
      chua_hai_long: 0,
    });
    expect(satisfaction.overall.threeLevel.sharesPercent.rat_hai_long).toBe(50);
    expect(satisfaction.officials.map((row) => row.official.code).sort()).toEqual([
      TEST_CATALOG.counterOfficial,
      TEST_CATALOG.handlingOfficial,
    ]);
  });

  it('refuses a bad period with PERIOD_INVALID', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/scores/agencies?period=2025-Q5' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'PERIOD_INVALID' } });
  });
});
