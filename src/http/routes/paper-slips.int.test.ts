import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { createStaffUser, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { createTestApp, signInAs, type TestApp, type TestSession } from '#test/support/http.ts';

describe('paper slips keyed in by the focal official (issue 4)', () => {
  let t: TestApp;
  let dossier: TestDossier;
  /** The focal official (KSTTHC) of the department, whose account is linked to CB001. */
  let focal: { userId: string; officialId: string; session: TestSession };
  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    dossier = await finishedTestDossier(t.deps);
    const official = await t.deps.db
      .selectFrom('official')
      .select('id')
      .where('code', '=', TEST_CATALOG.counterOfficial)
      .executeTakeFirstOrThrow();
    const department = await t.deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department)
      .executeTakeFirstOrThrow();
    const userId = await createStaffUser(t.deps, {
      username: 'dau-moi',
      role: 'focal_official',
      agencyId: department.id,
      officialId: official.id,
    });
    focal = { userId, officialId: official.id, session: await signInAs(t.app, 'dau-moi', TEST_PASSWORD) };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Keys a slip in with `session` (default the focal official's; null: no session at all). */
  const slip = (
    scanned: string,
    extra: Record<string, unknown> = {},
    session: TestSession | null = focal.session,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      ...(session === null ? {} : { headers: session.headers }),
      payload: {
        scanned,
        satisfaction: 4,
        answers: { cs1: 2, cs3: 2 },
        submittedAt: '2025-07-11T09:00:00+07:00',
        ...extra,
      },
    });

  it('finds the dossier from a typed barcode or from the QR link, and refuses a forged link', async () => {
    const typed = await t.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(dossier.code.toLowerCase())}`,
    });
    expect(typed.json()).toMatchObject({
      dossier: { code: dossier.code, agencyName: 'Sở Tư pháp' },
      alreadyRated: false,
    });
    const issued = (
      await t.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.code}/rating-token` })
    ).json<{ url: string; token: string }>();
    const viaQr = await t.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(`https://dvc.example.vn${issued.url}`)}`,
    });
    expect(viaQr.json()).toMatchObject({ dossier: { code: dossier.code } });
    const forged = await t.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(`/r/${issued.token.slice(0, -4)}AAAA`)}`,
    });
    expect(forged.json()).toMatchObject({ error: { code: 'RATING_TOKEN_INVALID' } });
  });

  it('records the slip with the signed-in account that keyed it (and its official), whatever the body names; keying it again is a no-op; a rating from another channel is a duplicate', async () => {
    // The old body field naming the keyer is not who acts: the session is.
    const first = await slip(dossier.code, { keyedByOfficialCode: 'CB003' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ counts: true, dossierCode: dossier.code });
    expect((await slip(dossier.code)).statusCode).toBe(200);
    const rows = await t.deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'paper',
      keyed_by_user_id: focal.userId,
      keyed_by_official_id: focal.officialId,
      slip_reference: dossier.code,
    });
    // The same citizen also rates online through the QR link: stored, not counted.
    const issued = (
      await t.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.code}/rating-token` })
    ).json<{ url: string }>();
    const online = await t.inject({
      method: 'POST',
      url: issued.url,
      payload: 'satisfaction=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(online.statusCode).toBe(201);
    expect(online.body).toContain('không tính thêm');
    const all = await t.deps.db
      .selectFrom('rating')
      .select(['channel', 'is_duplicate'])
      .where('dossier_id', '=', dossier.id)
      .orderBy('submitted_at')
      .execute();
    expect(all).toEqual([
      { channel: 'paper', is_duplicate: false },
      { channel: 'qr', is_duplicate: true },
    ]);
    const listed = (await t.inject({ method: 'GET', url: `/api/v1/dossiers/${dossier.code}/ratings` })).json<
      {
        channel: string;
        counts: boolean;
        keyedBy: { userId: string | null; name: string; official: { code: string } | null } | null;
      }[]
    >();
    expect(listed.map((row) => [row.channel, row.counts, row.keyedBy])).toEqual([
      [
        'paper',
        true,
        {
          userId: focal.userId,
          name: 'Cán bộ dau-moi',
          official: { id: focal.officialId, code: TEST_CATALOG.counterOfficial, name: 'Nguyễn Văn An' },
        },
      ],
      ['qr', false, null],
    ]);
    const lookup = await t.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${dossier.code}`,
    });
    expect(lookup.json()).toMatchObject({ alreadyRated: true });
  });

  it('refuses an unknown dossier with a code and an anonymous caller, writing nothing', async () => {
    const before = await t.deps.db.selectFrom('rating').select('id').execute();
    expect((await slip('H99.01-990101-0001')).json()).toMatchObject({ error: { code: 'DOSSIER_NOT_FOUND' } });
    const anonymous = await slip(dossier.code, { submittedAt: '2025-07-12T09:00:00+07:00' }, null);
    expect(anonymous.statusCode).toBe(401);
    expect(await t.deps.db.selectFrom('rating').select('id').execute()).toEqual(before);
  });

  it('an account linked to no official keys slips in too: the account is recorded, no official', async () => {
    const other = await finishedTestDossier(t.deps);
    const counter = await t.signInWithRole('counter_official', TEST_CATALOG.department);
    const keyed = await slip(other.code, {}, counter);
    expect(keyed.statusCode, keyed.body).toBe(201);
    const me = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: counter.cookie } })
    ).json<{ user: { id: string; displayName: string } }>().user;
    const row = await t.deps.db
      .selectFrom('rating')
      .select(['keyed_by_user_id', 'keyed_by_official_id'])
      .where('id', '=', keyed.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ keyed_by_user_id: me.id, keyed_by_official_id: null });
    const listed = (await t.inject({ method: 'GET', url: `/api/v1/dossiers/${other.code}/ratings` })).json<
      { keyedBy: unknown }[]
    >();
    expect(listed.map((item) => item.keyedBy)).toEqual([
      { userId: me.id, name: me.displayName, official: null },
    ]);
  });
});
