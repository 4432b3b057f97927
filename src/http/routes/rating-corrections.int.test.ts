import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#domain/auth/actor.ts';
import { recomputeAllScores } from '#app/scoring/recompute-all-scores.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { createStaffUser, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { createTestApp, signInAs, type TestApp, type TestSession } from '#test/support/http.ts';

interface Staff {
  userId: string | null;
  name: string;
  official: { code: string } | null;
}

interface Listed {
  id: string;
  satisfaction: number;
  answers: Record<string, unknown>;
  counts: boolean;
  counted: string;
  corrections: {
    id: string;
    status: string;
    corrected: { satisfaction: number };
    proposedBy: Staff;
    decision: { decidedBy: Staff } | null;
  }[];
  appeals: { official: { code: string }; filedBy: Staff | null; reason: string }[];
}

/** A signed-in staff member: the session and the account id the records must name. */
interface Member {
  userId: string;
  session: TestSession;
}

describe('rating corrections (two people) and appeals by the rated official (issue 4 point 8)', () => {
  let t: TestApp;
  let dossier: TestDossier;
  let ratingId: string;
  const officials: Record<string, string> = {};
  // Accounts without a linked official, signed in through the harness.
  let focal: Member;
  let leader: Member;

  /** A request made with `member`'s session (cookie + CSRF token). */
  const as = (member: Member, options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...member.session.headers, ...options.headers } });

  const signedIn = async (role: Role, agencyCode: string | null): Promise<Member> => {
    const session = await t.signInWithRole(role, agencyCode);
    const answer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    });
    return { userId: answer.json<{ user: { id: string } }>().user.id, session };
  };

  let accounts = 0;
  /** A new account linked to the official `officialCode`, holding `role` over the department, signed in. */
  const linked = async (role: Role, officialCode: string): Promise<Member> => {
    const agency = await t.deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department)
      .executeTakeFirstOrThrow();
    accounts += 1;
    const username = `lien-ket-${accounts}`;
    const userId = await createStaffUser(t.deps, {
      username,
      role,
      agencyId: agency.id,
      officialId: officials[officialCode] ?? null,
    });
    return { userId, session: await signInAs(t.app, username, TEST_PASSWORD) };
  };

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
    focal = await signedIn('focal_official', TEST_CATALOG.department);
    leader = await signedIn('agency_leader', TEST_CATALOG.department);
    // A paper slip keyed in with a slip's "contacts" answer mis-keyed as 0 instead of 2.
    const slip = await as(focal, {
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: {
        scanned: dossier.code,
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

  const propose = (by: Member, id: string, extra: Record<string, unknown> = {}) =>
    as(by, {
      method: 'POST',
      url: `/api/v1/ratings/${id}/corrections`,
      payload: {
        satisfaction: 4,
        answers: { cs1: 2, cs3: 2 },
        reason: 'Nhập nhầm phiếu giấy: người dân đánh dấu "Không lần nào"',
        ...extra,
      },
    });
  const decide = (
    by: Member,
    id: string,
    decision: 'approved' | 'rejected',
    extra: Record<string, unknown> = {},
  ) =>
    as(by, {
      method: 'POST',
      url: `/api/v1/rating-corrections/${id}/decision`,
      payload: { decision, reason: 'Đã đối chiếu phiếu gốc', ...extra },
    });
  const appeal = (by: Member, reason: string, extra: Record<string, unknown> = {}) =>
    as(by, { method: 'POST', url: `/api/v1/ratings/${ratingId}/appeals`, payload: { reason, ...extra } });
  const listed = async () =>
    (await t.inject({ method: 'GET', url: `/api/v1/dossiers/${dossier.code}/ratings` })).json<Listed[]>();
  const storedScore = () =>
    t.deps.db
      .selectFrom('dossier_score')
      .select(['cs3'])
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirstOrThrow();
  const satisfaction = async () =>
    (await t.inject({ method: 'GET', url: '/api/v1/scores/satisfaction?period=2025-Q3' })).json<{
      overall: { counts: Record<string, number> };
    }>().overall.counts;
  const counts = async () => ({
    corrections: (await t.deps.db.selectFrom('rating_correction').selectAll().execute()).length,
    decisions: (await t.deps.db.selectFrom('rating_correction_decision').selectAll().execute()).length,
    appeals: (await t.deps.db.selectFrom('rating_appeal').selectAll().execute()).length,
  });
  const storedCorrection = (id: string) =>
    t.deps.db
      .selectFrom('rating_correction')
      .select(['proposed_by_user_id', 'proposed_by_official_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const storedDecision = (correctionId: string) =>
    t.deps.db
      .selectFrom('rating_correction_decision')
      .select(['decided_by_user_id', 'decided_by_official_id'])
      .where('correction_id', '=', correctionId)
      .executeTakeFirstOrThrow();

  it('refuses bad proposals with a code, writing nothing; only a signed-in staff member may propose', async () => {
    expect((await storedScore()).cs3).toBe(0);
    const before = await counts();
    const unknownRating = await propose(focal, '00000000-0000-4000-8000-000000000000');
    expect(unknownRating.statusCode).toBe(404);
    expect(unknownRating.json()).toMatchObject({ error: { code: 'RATING_NOT_FOUND' } });
    const blank = await propose(focal, ratingId, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const badPoints = await propose(focal, ratingId, { answers: { cs3: 5 } });
    expect(badPoints.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ratings/${ratingId}/corrections`,
      payload: { satisfaction: 4, reason: 'Nhập nhầm' },
    });
    expect(anonymous.statusCode).toBe(401);
    // A leader decides corrections but does not propose them.
    const notAllowed = await propose(leader, ratingId);
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await counts()).toEqual(before);
  });

  it('records the signed-in proposer and decider, whatever the body names; one person cannot decide their own proposal; a decision is final', async () => {
    // Naming another official in the body (the old fields) changes nothing: the session acts.
    const proposed = await propose(focal, ratingId, {
      satisfaction: 5,
      proposedByOfficialId: officials[TEST_CATALOG.handlingOfficial],
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correctionId = proposed.json<{ id: string }>().id;
    expect(await storedCorrection(correctionId)).toEqual({
      proposed_by_user_id: focal.userId,
      proposed_by_official_id: null,
    });
    // A second proposal while one waits is refused.
    const second = await propose(focal, ratingId);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'CORRECTION_PENDING' } });

    const pending = (
      await t.inject({ method: 'GET', url: '/api/v1/rating-corrections?status=pending' })
    ).json<{ id: string; status: string; original: { satisfaction: number }; proposedBy: Staff }[]>();
    expect(pending.map((item) => [item.id, item.status, item.original.satisfaction])).toEqual([
      [correctionId, 'pending', 2],
    ]);
    expect(pending[0]?.proposedBy).toMatchObject({ userId: focal.userId, official: null });
    expect(pending[0]?.proposedBy.name).toMatch(/^Cán bộ thu-focal-official-/);

    // The focal official may decide corrections, but not their own: the body cannot name another decider.
    const before = await counts();
    const same = await decide(focal, correctionId, 'approved', {
      decidedByOfficialId: officials[TEST_CATALOG.handlingOfficial],
    });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ error: { code: 'CORRECTION_SAME_PERSON' } });
    expect(same.json<{ error: { message: string } }>().error.message).toContain('hai cán bộ khác nhau');
    expect(await counts()).toEqual(before);

    const rejected = await decide(leader, correctionId, 'rejected');
    expect(rejected.statusCode, rejected.body).toBe(201);
    expect(rejected.json()).toMatchObject({ decision: 'rejected', counts: false });
    expect(await storedDecision(correctionId)).toEqual({
      decided_by_user_id: leader.userId,
      decided_by_official_id: null,
    });
    const other = await signedIn('agency_leader', TEST_CATALOG.department);
    const again = await decide(other, correctionId, 'approved');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'CORRECTION_ALREADY_DECIDED' } });
    const missing = await decide(other, '00000000-0000-4000-8000-000000000000', 'approved');
    expect(missing.json()).toMatchObject({ error: { code: 'CORRECTION_NOT_FOUND' } });

    expect((await storedScore()).cs3).toBe(0);
    const [rating] = await listed();
    expect(rating).toMatchObject({ satisfaction: 2, counted: 'original', counts: true });
    expect(rating?.corrections.map((item) => item.status)).toEqual(['rejected']);
    expect(rating?.corrections[0]?.decision?.decidedBy).toMatchObject({
      userId: leader.userId,
      official: null,
    });
    expect((await satisfaction())['2']).toBe(1);
  });

  it('two accounts of the same official are one person; an approved correction counts and rescores; the original row and both versions stay', async () => {
    const original = await t.deps.db.selectFrom('rating').selectAll().where('id', '=', ratingId).execute();
    const proposer = await linked('focal_official', TEST_CATALOG.counterOfficial);
    const proposed = await propose(proposer, ratingId);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correctionId = proposed.json<{ id: string }>().id;
    expect(await storedCorrection(correctionId)).toEqual({
      proposed_by_user_id: proposer.userId,
      proposed_by_official_id: officials[TEST_CATALOG.counterOfficial],
    });
    // Another account, but the same official (CB001): still the proposer.
    const sameOfficial = await linked('agency_leader', TEST_CATALOG.counterOfficial);
    const refused = await decide(sameOfficial, correctionId, 'approved');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'CORRECTION_SAME_PERSON' } });

    const approver = await linked('agency_leader', TEST_CATALOG.handlingOfficial);
    const approved = await decide(approver, correctionId, 'approved');
    expect(approved.json()).toMatchObject({ decision: 'approved', counts: true });
    expect(await storedDecision(correctionId)).toEqual({
      decided_by_user_id: approver.userId,
      decided_by_official_id: officials[TEST_CATALOG.handlingOfficial],
    });

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
    const shown = rating?.corrections[1];
    expect(shown?.proposedBy).toMatchObject({
      userId: proposer.userId,
      official: { code: TEST_CATALOG.counterOfficial },
    });
    expect(shown?.decision?.decidedBy).toMatchObject({
      userId: approver.userId,
      official: { code: TEST_CATALOG.handlingOfficial },
    });
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
      await t.inject({ method: 'GET', url: '/api/v1/rating-corrections?status=approved' })
    ).json<{ id: string }[]>();
    expect(approvedList.map((item) => item.id)).toEqual([correctionId]);
  });

  it('a correction of a duplicate rating is kept but never counts', async () => {
    const issued = (
      await t.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.code}/rating-token` })
    ).json<{ url: string }>();
    await t.app.inject({
      method: 'POST',
      url: issued.url,
      payload: 'satisfaction=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const duplicate = (await listed()).find((row) => !row.counts)!;
    expect(duplicate.counted).toBe('none');
    const proposed = await propose(focal, duplicate.id, { satisfaction: 5 });
    const approved = await decide(leader, proposed.json<{ id: string }>().id, 'approved');
    expect(approved.json()).toMatchObject({ counts: false });
    expect((await listed()).find((row) => row.id === duplicate.id)?.counted).toBe('none');
    expect((await satisfaction())['4']).toBe(1);
    expect((await satisfaction())['5']).toBe(0);
  });

  it('the receiving or handling official appeals as their signed-in account; others cannot; nothing else changes', async () => {
    const before = await counts();
    const score = await storedScore();
    // An account linked to no official cannot appeal: whose appeal would it be?
    const unlinked = await signedIn('handling_official', TEST_CATALOG.department);
    const noOfficial = await appeal(unlinked, 'Không đúng', {
      officialId: officials[TEST_CATALOG.handlingOfficial],
    });
    expect(noOfficial.statusCode).toBe(403);
    expect(noOfficial.json()).toMatchObject({ error: { code: 'ACCOUNT_NOT_LINKED_TO_OFFICIAL' } });
    expect(noOfficial.json<{ error: { message: string } }>().error.message).toContain('chưa được gắn');
    // CB003 neither received nor handled the dossier, even when the body names CB002.
    const stranger = await appeal(await linked('handling_official', 'CB003'), 'Không đúng', {
      officialId: officials[TEST_CATALOG.handlingOfficial],
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({ error: { code: 'APPEAL_NOT_RATED_OFFICIAL' } });
    const handler = await linked('handling_official', TEST_CATALOG.handlingOfficial);
    const blank = await appeal(handler, ' ');
    expect(blank.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await counts()).toEqual(before);

    const receiver = await linked('counter_official', TEST_CATALOG.counterOfficial);
    const appellants: [Member, string][] = [
      [handler, TEST_CATALOG.handlingOfficial],
      [receiver, TEST_CATALOG.counterOfficial],
    ];
    for (const [member, code] of appellants) {
      const filed = await appeal(member, `Khiếu nại của ${code}: hồ sơ trả sớm hạn`);
      expect(filed.statusCode, filed.body).toBe(201);
      const stored = await t.deps.db
        .selectFrom('rating_appeal')
        .select(['official_id', 'filed_by_user_id'])
        .where('id', '=', filed.json<{ id: string }>().id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ official_id: officials[code], filed_by_user_id: member.userId });
    }
    const [rating] = await listed();
    expect(rating?.appeals.map((item) => [item.official.code, item.filedBy?.userId])).toEqual([
      [TEST_CATALOG.handlingOfficial, handler.userId],
      [TEST_CATALOG.counterOfficial, receiver.userId],
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
      (await t.inject({ method: 'GET', url: `/api/v1/rating-corrections?${query}` })).json<
        { dossierCode: string; status: string }[]
      >();
    expect((await list(`status=all&agencyId=${agencies.get(TEST_CATALOG.province)}`)).length).toBe(3);
    expect((await list(`status=all&agencyId=${agencies.get(TEST_CATALOG.department)}`)).length).toBe(3);
    expect(await list(`status=all&agencyId=${agencies.get(TEST_CATALOG.department2)}`)).toEqual([]);
    expect(await list('status=pending')).toEqual([]);
    expect((await list('status=rejected')).map((item) => item.dossierCode)).toEqual([dossier.code]);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/rating-corrections?status=nope' })).statusCode,
    ).toBe(400);
    const doc = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    expect(Object.keys(doc.paths['/api/v1/ratings/{id}/corrections'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/rating-corrections/{id}/decision'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/ratings/{id}/appeals'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/rating-corrections'] ?? {})).toEqual(['get']);
    // Who acts is the session: no route documents a body field naming a staff member.
    const bodies = JSON.stringify([
      doc.paths['/api/v1/ratings/{id}/corrections']?.post?.requestBody,
      doc.paths['/api/v1/rating-corrections/{id}/decision']?.post?.requestBody,
      doc.paths['/api/v1/ratings/{id}/appeals']?.post?.requestBody,
    ]);
    expect(bodies).toContain('"reason"');
    expect(bodies).not.toMatch(/proposedBy|decidedBy|officialId/);
  });

  it('two staff members deciding at the same moment: one decision is stored, the other is told', async () => {
    const proposed = await propose(focal, ratingId, { satisfaction: 3 });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correctionId = proposed.json<{ id: string }>().id;
    const second = await linked('agency_leader', TEST_CATALOG.handlingOfficial);
    const answers = await Promise.all([
      decide(leader, correctionId, 'approved'),
      decide(second, correctionId, 'rejected'),
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
