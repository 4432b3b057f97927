import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail } from '#shared/dossier.view.ts';
import type { DossierScoreView } from '#shared/score.view.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { countRows, createTestApp, type TestApp } from '#test/support/http.ts';

interface Issued {
  token: string;
  url: string;
  verificationCode: string;
  dossierCode: string;
}

describe('citizen online rating: /r/<token> and /danh-gia (issue 4)', () => {
  let t: TestApp;
  let finished: DossierDetail;
  let open: DossierDetail;
  const form = (fields: Record<string, string>) => ({
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    const receive = async (receivedAt: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          payload: {
            agencyCode: TEST_CATALOG.department,
            procedureCode: TEST_CATALOG.procedure5Days,
            channel: 'in_person',
            receivedAt,
          },
        })
      ).json<DossierDetail>();
    finished = await receive('2025-07-07T09:00:00+07:00');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${finished.id}/events`,
      payload: { type: 'finished', occurredAt: '2025-07-10T09:00:00+07:00' },
    });
    open = await receive('2025-07-15T09:00:00+07:00');
  });
  afterAll(async () => {
    await t.close();
  });

  const issue = async (ref: string) =>
    (await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${ref}/rating-token` })).json<Issued>();

  it('issues one stable, unguessable token per dossier, with a verification code', async () => {
    const first = await issue(finished.code);
    const again = await issue(finished.id);
    expect(first.token).toBe(again.token);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(first.verificationCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await issue(open.code)).token).not.toBe(first.token);
  });

  it('serves a plain HTML form that needs no JavaScript, in Vietnamese and English', async () => {
    const { url } = await issue(finished.code);
    const page = await t.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="vi"');
    expect(page.body).toContain('Rất hài lòng');
    expect(page.body).toContain(finished.code);
    expect(page.body).not.toContain('<script');
    const english = await t.app.inject({ method: 'GET', url: `${url}?lang=en` });
    expect(english.body).toContain('Very satisfied');
  });

  it('refuses forged tokens before any look-up, and tokens of another key or shape', async () => {
    const { token } = await issue(finished.code);
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [flipped, 'abc', `${token}x`, 'A'.repeat(44)]) {
      const response = await t.app.inject({ method: 'GET', url: `/r/${bad}` });
      expect(response.statusCode, bad).toBe(403);
      expect(response.body).toContain('Mã đánh giá không hợp lệ');
    }
    const before = await countRows(t.deps, ['dossier']);
    const post = await t.app.inject({ method: 'POST', url: `/r/${flipped}`, ...form({ satisfaction: '5' }) });
    expect(post.statusCode).toBe(403);
    expect(await countRows(t.deps, ['dossier'])).toEqual(before);
  });

  it('refuses to rate a dossier that has no result yet', async () => {
    const { url } = await issue(open.code);
    const response = await t.app.inject({ method: 'POST', url, ...form({ satisfaction: '4' }) });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('chưa có kết quả');
  });

  it('asks again when no satisfaction level is chosen', async () => {
    const { url } = await issue(finished.code);
    const response = await t.app.inject({ method: 'POST', url, ...form({ cs1: '2' }) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('role="alert"');
  });

  it('records the rating once, counts it in the score, and refuses the used token', async () => {
    const { url } = await issue(finished.code);
    const response = await t.app.inject({
      method: 'POST',
      url,
      ...form({
        satisfaction: '2',
        cs1: '2',
        cs3: '1',
        cs4: '1',
        conduct: 'no',
        comment: 'Phải đi lại <b>hai</b> lần',
      }),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).toContain('Cảm ơn');
    const score = (
      await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${finished.code}/score` })
    ).json<DossierScoreView>();
    expect(score.indicators.find((i) => i.indicator === 'cs3')).toMatchObject({
      citizenPoints: 1,
      source: 'citizen',
      disagreement: true,
    });
    const rating = await t.deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', finished.id)
      .executeTakeFirstOrThrow();
    expect(rating).toMatchObject({
      channel: 'qr',
      satisfaction: 2,
      is_duplicate: false,
      comment: 'Phải đi lại <b>hai</b> lần',
    });
    const reused = await t.app.inject({ method: 'POST', url, ...form({ satisfaction: '5' }) });
    expect(reused.statusCode).toBe(409);
    expect(reused.body).toContain('đã được đánh giá');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(409);
    expect(await countRows(t.deps, ['dossier'])).toBeDefined();
    const ratings = await t.deps.db
      .selectFrom('rating')
      .select('id')
      .where('dossier_id', '=', finished.id)
      .execute();
    expect(ratings).toHaveLength(1);
  });

  it('finds the token from the dossier code and the verification code typed on /danh-gia', async () => {
    const issued = await issue(open.code);
    const lookup = await t.app.inject({ method: 'GET', url: '/danh-gia' });
    expect(lookup.body).toContain('Mã xác thực');
    const typed = `${issued.verificationCode.slice(0, 4).toLowerCase()} ${issued.verificationCode.slice(4)}`;
    const found = await t.app.inject({
      method: 'POST',
      url: '/danh-gia',
      ...form({ code: open.code.toLowerCase(), verification: typed }),
    });
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/r/${issued.token}?lang=vi`);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/danh-gia?lang=en',
      ...form({ code: open.code, verification: 'AAAAAAAA' }),
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('not valid');
  });
});
