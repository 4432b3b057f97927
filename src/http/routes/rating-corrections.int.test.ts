import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeAllScores } from '#app/scoring/recompute-all-scores.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

interface Listed {
  id: string;
  satisfaction: number;
  answers: Record<string, unknown>;
  counts: boolean;
  counted: string;
  corrections: { id: string; status: string; corrected: { satisfaction: number } }[];
  appeals: { official: { code: string }; reason: string }[];
}

describe('rating corrections (two people) and appeals by the rated official (issue 4 point 8)', () => {
  let t: TestApp;
  let dossier: TestDossier;
  let ratingId: string;
  const officials: Record<string, string> = {};

  beforeAll(async () => {
    // A moving clock: each proposal and decision happens a minute after the previous one.
    let clock = Date.parse('2025-07-20T10:00:00+07:00');
    t = await createTestApp({ now: () => (clock += 60_000) });
    for (const row of await t.deps.db.selectFrom('official').select(['id', 'code']).execute())
      officials[row.code] = row.id;
    dossier = await finishedTestDossier(t.deps, {
      officialCode: TEST_CATALOG.counterOfficial,
      finishedBy: TEST_CATALOG.handlingOfficial,
    });
    // A paper slip keyed in with a slip's "contacts" answer mis-keyed as 0 instead of 2.
    const slip = await t.app.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: {
        scanned: dossier.code,
        keyedByOfficialCode: TEST_CATALOG.counterOfficial,
        satisfaction: 2,
        answers: { cs1: 2, cs3: 0 },
        submittedAt: '2025-07-11T12:00:00+07:00',
      },
    });
    expect(slip.statusCode, slip.body).toBe(201);
    ratingId = slip.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const propose = (id: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/ratings/${id}/corrections`,
      payload: {
        satisfaction: 4,
        answers: { cs1: 2, cs3: 2 },
        reason: 'Nhập nhầm phiếu giấy: người dân đánh dấu "Không lần nào"',
        proposedByOfficialId: officials[TEST_CATALOG.counterOfficial],
        ...extra,
      },
    });
  const decide = (id: string, decision: 'approved' | 'rejected', by: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/rating-corrections/${id}/decision`,
      payload: { decision, decidedByOfficialId: officials[by], reason: 'Đã đối chiếu phiếu gốc' },
    });
  const listed = async () =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossier.code}/ratings` })).json<Listed[]>();
  const storedScore = () =>
    t.deps.db
      .selectFrom('dossier_score')
      .select(['cs3'])
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirstOrThrow();
  const satisfaction = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/scores/satisfaction?period=2025-Q3' })).json<{
      overall: { counts: Record<string, number> };
    }>().overall.counts;
  const counts = async () => ({
    corrections: (await t.deps.db.selectFrom('rating_correction').selectAll().execute()).length,
    decisions: (await t.deps.db.selectFrom('rating_correction_decision').selectAll().execute()).length,
    appeals: (await t.deps.db.selectFrom('rating_appeal').selectAll().execute()).length,
  });

  it('refuses bad proposals with a code, writing nothing', async () => {
    expect((await storedScore()).cs3).toBe(0);
    const before = await counts();
    const unknownRating = await propose('00000000-0000-4000-8000-000000000000');
    expect(unknownRating.statusCode).toBe(404);
    expect(unknownRating.json()).toMatchObject({ error: { code: 'RATING_NOT_FOUND' } });
    const blank = await propose(ratingId, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const badPoints = await propose(ratingId, { answers: { cs3: 5 } });
    expect(badPoints.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const nobody = await propose(ratingId, { proposedByOfficialId: '00000000-0000-4000-8000-000000000001' });
    expect(nobody.json()).toMatchObject({ error: { code: 'OFFICIAL_NOT_FOUND' } });
    expect(await counts()).toEqual(before);
  });

  it('a rejected correction does not count; the same person cannot decide; a decision is final', async () => {
    const proposed = await propose(ratingId, { satisfaction: 5 });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correctionId = proposed.json<{ id: string }>().id;
    // A second proposal while one waits is refused.
    const second = await propose(ratingId);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'CORRECTION_PENDING' } });

    const pending = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rating-corrections?status=pending' })
    ).json<{ id: string; status: string; original: { satisfaction: number } }[]>();
    expect(pending.map((item) => [item.id, item.status, item.original.satisfaction])).toEqual([
      [correctionId, 'pending', 2],
    ]);

    const before = await counts();
    const same = await decide(correctionId, 'approved', TEST_CATALOG.counterOfficial);
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ error: { code: 'CORRECTION_SAME_PERSON' } });
    expect(same.json<{ error: { message: string } }>().error.message).toContain('hai cán bộ khác nhau');
    expect(await counts()).toEqual(before);

    const rejected = await decide(correctionId, 'rejected', TEST_CATALOG.handlingOfficial);
    expect(rejected.statusCode, rejected.body).toBe(201);
    expect(rejected.json()).toMatchObject({ decision: 'rejected', counts: false });
    const again = await decide(correctionId, 'approved', 'CB003');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'CORRECTION_ALREADY_DECIDED' } });
    const missing = await decide('00000000-0000-4000-8000-000000000000', 'approved', 'CB003');
    expect(missing.json()).toMatchObject({ error: { code: 'CORRECTION_NOT_FOUND' } });

    expect((await storedScore()).cs3).toBe(0);
    const [rating] = await listed();
    expect(rating).toMatchObject({ satisfaction: 2, counted: 'original', counts: true });
    expect(rating?.corrections.map((item) => item.status)).toEqual(['rejected']);
    expect((await satisfaction())['2']).toBe(1);
  });

  it('an approved correction counts and rescores; the original row and both versions stay', async () => {
    const original = await t.deps.db.selectFrom('rating').selectAll().where('id', '=', ratingId).execute();
    const proposed = await propose(ratingId);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correctionId = proposed.json<{ id: string }>().id;
    const approved = await decide(correctionId, 'approved', TEST_CATALOG.handlingOfficial);
    expect(approved.json()).toMatchObject({ decision: 'approved', counts: true });

    expect((await storedScore()).cs3).toBe(2);
    const counted = await satisfaction();
    expect([counted['2'], counted['4']]).toEqual([0, 1]);
    const [rating] = await listed();
    expect(rating).toMatchObject({ satisfaction: 2, answers: { cs1: 2, cs3: 0 }, counts: true });
    expect(rating?.counted).toBe(`correction:${correctionId}`);
    expect(rating?.corrections.map((item) => [item.status, item.corrected.satisfaction])).toEqual([
      ['rejected', 5],
      ['approved', 4],
    ]);
    expect(await t.deps.db.selectFrom('rating').selectAll().where('id', '=', ratingId).execute()).toEqual(
      original,
    );
    // The full recompute reads the same effective values as the incremental rescore.
    const rollups = () =>
      t.deps.db
        .selectFrom('score_rollup')
        .select([
          'period',
          'subject_kind',
          'subject_id',
          'sector',
          'indicator',
          'points_sum',
          'dossier_count',
        ])
        .orderBy('period')
        .orderBy('subject_kind')
        .orderBy('subject_id')
        .orderBy('sector')
        .orderBy('indicator')
        .execute();
    const incremental = await rollups();
    await recomputeAllScores(t.deps);
    expect((await storedScore()).cs3).toBe(2);
    expect(await rollups()).toEqual(incremental);
    const approvedList = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rating-corrections?status=approved' })
    ).json<{ id: string }[]>();
    expect(approvedList.map((item) => item.id)).toEqual([correctionId]);
  });

  it('a correction of a duplicate rating is kept but never counts', async () => {
    const issued = (
      await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.code}/rating-token` })
    ).json<{ url: string }>();
    await t.app.inject({
      method: 'POST',
      url: issued.url,
      payload: 'satisfaction=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const duplicate = (await listed()).find((row) => !row.counts)!;
    expect(duplicate.counted).toBe('none');
    const proposed = await propose(duplicate.id, { satisfaction: 5 });
    const approved = await decide(proposed.json<{ id: string }>().id, 'approved', 'CB003');
    expect(approved.json()).toMatchObject({ counts: false });
    expect((await listed()).find((row) => row.id === duplicate.id)?.counted).toBe('none');
    expect((await satisfaction())['4']).toBe(1);
    expect((await satisfaction())['5']).toBe(0);
  });

  it('the receiving or handling official can appeal with a reason; others cannot; nothing else changes', async () => {
    const before = await counts();
    const score = await storedScore();
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ratings/${ratingId}/appeals`,
      payload: { officialId: officials.CB003, reason: 'Không đúng' },
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({ error: { code: 'APPEAL_NOT_RATED_OFFICIAL' } });
    const blank = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ratings/${ratingId}/appeals`,
      payload: { officialId: officials[TEST_CATALOG.handlingOfficial], reason: ' ' },
    });
    expect(blank.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await counts()).toEqual(before);

    for (const code of [TEST_CATALOG.handlingOfficial, TEST_CATALOG.counterOfficial]) {
      const filed = await t.app.inject({
        method: 'POST',
        url: `/api/v1/ratings/${ratingId}/appeals`,
        payload: { officialId: officials[code], reason: `Khiếu nại của ${code}: hồ sơ trả sớm hạn` },
      });
      expect(filed.statusCode, filed.body).toBe(201);
    }
    const [rating] = await listed();
    expect(rating?.appeals.map((appeal) => appeal.official.code)).toEqual([
      TEST_CATALOG.handlingOfficial,
      TEST_CATALOG.counterOfficial,
    ]);
    expect(rating?.appeals[0]?.reason).toContain('hồ sơ trả sớm hạn');
    expect(await storedScore()).toEqual(score);
  });

  it('lists corrections by status and agency (with the units under it), and documents every route', async () => {
    const agencies = new Map(
      (await t.deps.db.selectFrom('agency').select(['id', 'code']).execute()).map((row) => [
        row.code,
        row.id,
      ]),
    );
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/rating-corrections?${query}` })).json<
        { dossierCode: string; status: string }[]
      >();
    expect((await list(`status=all&agencyId=${agencies.get(TEST_CATALOG.province)}`)).length).toBe(3);
    expect((await list(`status=all&agencyId=${agencies.get(TEST_CATALOG.department)}`)).length).toBe(3);
    expect(await list(`status=all&agencyId=${agencies.get(TEST_CATALOG.department2)}`)).toEqual([]);
    expect(await list('status=pending')).toEqual([]);
    expect((await list('status=rejected')).map((item) => item.dossierCode)).toEqual([dossier.code]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/rating-corrections?status=nope' })).statusCode,
    ).toBe(400);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/api/v1/ratings/{id}/corrections'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/rating-corrections/{id}/decision'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/ratings/{id}/appeals'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/rating-corrections'] ?? {})).toEqual(['get']);
  });
  it('two staff members deciding at the same moment: one decision is stored, the other is told', async () => {
    const proposed = await propose(ratingId, { satisfaction: 3 });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correctionId = proposed.json<{ id: string }>().id;
    const answers = await Promise.all([
      decide(correctionId, 'approved', TEST_CATALOG.handlingOfficial),
      decide(correctionId, 'rejected', 'CB003'),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)?.json()).toMatchObject({
      error: { code: 'CORRECTION_ALREADY_DECIDED' },
    });
    const decisions = await t.deps.db
      .selectFrom('rating_correction_decision')
      .selectAll()
      .where('correction_id', '=', correctionId)
      .execute();
    expect(decisions).toHaveLength(1);
  });
});
