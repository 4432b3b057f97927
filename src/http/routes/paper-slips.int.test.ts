import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

describe('paper slips keyed in by the focal official (issue 4)', () => {
  let t: TestApp;
  let dossier: TestDossier;
  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    dossier = await finishedTestDossier(t.deps);
  });
  afterAll(async () => {
    await t.close();
  });

  const slip = (scanned: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: {
        scanned,
        keyedByOfficialCode: TEST_CATALOG.counterOfficial,
        satisfaction: 4,
        answers: { cs1: 2, cs3: 2 },
        submittedAt: '2025-07-11T09:00:00+07:00',
        ...extra,
      },
    });

  it('finds the dossier from a typed barcode or from the QR link, and refuses a forged link', async () => {
    const typed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(dossier.code.toLowerCase())}`,
    });
    expect(typed.json()).toMatchObject({
      dossier: { code: dossier.code, agencyName: 'Sở Tư pháp' },
      alreadyRated: false,
    });
    const issued = (
      await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.code}/rating-token` })
    ).json<{ url: string; token: string }>();
    const viaQr = await t.app.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(`https://dvc.example.vn${issued.url}`)}`,
    });
    expect(viaQr.json()).toMatchObject({ dossier: { code: dossier.code } });
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(`/r/${issued.token.slice(0, -4)}AAAA`)}`,
    });
    expect(forged.json()).toMatchObject({ error: { code: 'RATING_TOKEN_INVALID' } });
  });

  it('records the slip with who keyed it; keying it again is a no-op; a rating from another channel is a duplicate', async () => {
    const first = await slip(dossier.code);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ counts: true, dossierCode: dossier.code });
    expect((await slip(dossier.code)).statusCode).toBe(200);
    const rows = await t.deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .execute();
    expect(rows).toHaveLength(1);
    const official = await t.deps.db
      .selectFrom('official')
      .select('id')
      .where('code', '=', TEST_CATALOG.counterOfficial)
      .executeTakeFirstOrThrow();
    expect(rows[0]).toMatchObject({
      channel: 'paper',
      keyed_by_official_id: official.id,
      slip_reference: dossier.code,
    });
    // The same citizen also rates online through the QR link: stored, not counted.
    const issued = (
      await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.code}/rating-token` })
    ).json<{ url: string }>();
    const online = await t.app.inject({
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
    const listed = (
      await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossier.code}/ratings` })
    ).json<{ channel: string; counts: boolean; keyedBy: { code: string } | null }[]>();
    expect(listed.map((row) => [row.channel, row.counts, row.keyedBy?.code ?? null])).toEqual([
      ['paper', true, TEST_CATALOG.counterOfficial],
      ['qr', false, null],
    ]);
    const lookup = await t.app.inject({
      method: 'GET',
      url: `/api/v1/paper-slips/lookup?scanned=${dossier.code}`,
    });
    expect(lookup.json()).toMatchObject({ alreadyRated: true });
  });

  it('refuses an unknown dossier or official with a code, writing nothing', async () => {
    expect((await slip('H99.01-990101-0001')).json()).toMatchObject({ error: { code: 'DOSSIER_NOT_FOUND' } });
    expect(
      (
        await slip(dossier.code, { keyedByOfficialCode: 'NOPE', submittedAt: '2025-07-12T09:00:00+07:00' })
      ).json(),
    ).toMatchObject({
      error: { code: 'OFFICIAL_NOT_FOUND' },
    });
  });
});
