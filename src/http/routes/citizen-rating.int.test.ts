import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierScoreView } from '#shared/score.view.ts';
import { parseStaffNetworks } from '#app/ratings/rating-origin.ts';
import { issueRatingToken } from '#app/ratings/rating-tokens.ts';
import { finishedTestDossier, receivedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { countRows, createTestApp, type TestApp } from '#test/support/http.ts';

interface Issued {
  token: string;
  url: string;
  verificationCode: string;
  dossierCode: string;
}

describe('citizen online rating: /r/<token> and /danh-gia (issue 4)', () => {
  let t: TestApp;
  let finished: TestDossier;
  let open: TestDossier;
  const form = (fields: Record<string, string>) => ({
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    finished = await finishedTestDossier(t.deps, { finishedAt: '2025-07-10T09:00:00+07:00' });
    open = await receivedTestDossier(t.deps, { receivedAt: '2025-07-15T09:00:00+07:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  const issue = async (ref: string) =>
    (await t.inject({ method: 'POST', url: `/api/v1/dossiers/${ref}/rating-token` })).json<Issued>();

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
    // Enhanced by one script file, never inline: the strict CSP (no 'unsafe-inline') holds.
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(page.body).not.toMatch(/<style|\son[a-z]+=/i);
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
      await t.inject({ method: 'GET', url: `/api/v1/dossiers/${finished.code}/score` })
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

/** A test app whose deps and options can be changed (staff networks, rate limits). */
async function openApp(
  options: { staffNetworks?: string; publicRateLimit?: { max: number; timeWindowMs: number } } = {},
): Promise<TestApp & { finishedDossier(): Promise<{ id: string; code: string; url: string }> }> {
  const t = await createTestApp({
    now: () => Date.parse('2025-07-20T10:00:00+07:00'),
    ...(options.publicRateLimit ? { publicRateLimit: options.publicRateLimit } : {}),
    ...(options.staffNetworks !== undefined
      ? { deps: { staffNetworks: parseStaffNetworks(options.staffNetworks) } }
      : {}),
  });
  let day = 1;
  const finishedDossier = async () => {
    day += 1;
    const dossier = await finishedTestDossier(t.deps, {
      receivedAt: `2025-07-0${day}T09:00:00+07:00`,
      finishedAt: `2025-07-1${day}T09:00:00+07:00`,
    });
    const issued = await issueRatingToken(t.deps, { id: dossier.id });
    return { id: dossier.id, code: dossier.code, url: `/r/${issued.token}` };
  };
  return { ...t, finishedDossier };
}

const formOf = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('where a citizen rating came from, without personal data (issue 4, points 9–10)', () => {
  it('flags a rating sent from a staff network and keeps only a network digest', async () => {
    const t = await openApp({ staffNetworks: '10.20.0.0/16' });
    try {
      const inside = await t.finishedDossier();
      const outside = await t.finishedDossier();
      const staff = await t.app.inject({
        method: 'POST',
        url: inside.url,
        remoteAddress: '10.20.30.40',
        ...formOf({ satisfaction: '5' }),
      });
      expect(staff.statusCode, staff.body).toBe(201);
      const citizen = await t.app.inject({
        method: 'POST',
        url: outside.url,
        remoteAddress: '203.0.113.7',
        ...formOf({ satisfaction: '4' }),
      });
      expect(citizen.statusCode, citizen.body).toBe(201);
      const rows = await t.deps.db
        .selectFrom('rating')
        .selectAll()
        .where('dossier_id', 'in', [inside.id, outside.id])
        .execute();
      const byDossier = new Map(rows.map((row) => [row.dossier_id, row]));
      expect(byDossier.get(inside.id)).toMatchObject({ from_staff_network: true });
      expect(byDossier.get(outside.id)).toMatchObject({ from_staff_network: false });
      for (const row of rows) {
        expect(row.origin_network).toMatch(/^[A-Za-z0-9_-]{16}$/);
        // Never the address, nor its prefix, anywhere in the row.
        const stored = JSON.stringify(row);
        for (const part of ['10.20.30.40', '10.20.30', '203.0.113.7', '203.0.113']) {
          expect(stored).not.toContain(part);
        }
      }
      expect(byDossier.get(inside.id)?.origin_network).not.toBe(byDossier.get(outside.id)?.origin_network);
    } finally {
      await t.close();
    }
  });
});

describe('public endpoints are rate-limited per client address (issue 4 acceptance)', () => {
  const limit = { max: 3, timeWindowMs: 60_000 };

  it('refuses the (max+1)th rating post with 429 and a page, and stores nothing', async () => {
    const t = await openApp({ publicRateLimit: limit });
    try {
      const dossier = await t.finishedDossier();
      for (let attempt = 1; attempt <= limit.max; attempt += 1) {
        const asked = await t.app.inject({ method: 'POST', url: dossier.url, ...formOf({ cs1: '2' }) });
        expect(asked.statusCode, `attempt ${attempt}`).toBe(400);
      }
      const refused = await t.app.inject({
        method: 'POST',
        url: `${dossier.url}?lang=en`,
        ...formOf({ satisfaction: '5' }),
      });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.body).toContain('<html lang="en"');
      expect(refused.body).toContain('Too many requests');
      const stored = await t.deps.db.selectFrom('rating').select('id').execute();
      expect(stored).toEqual([]);
      const token = await t.deps.db
        .selectFrom('rating_token')
        .select('used_at')
        .where('dossier_id', '=', dossier.id)
        .executeTakeFirstOrThrow();
      expect(token.used_at).toBeNull();
      // Another address is not affected, and its rating is stored.
      const other = await t.app.inject({
        method: 'POST',
        url: dossier.url,
        remoteAddress: '198.51.100.9',
        ...formOf({ satisfaction: '5' }),
      });
      expect(other.statusCode, other.body).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('limits the /danh-gia page and form and the token page, in Vietnamese by default', async () => {
    const t = await openApp({ publicRateLimit: limit });
    try {
      const dossier = await t.finishedDossier();
      for (const request of [
        { method: 'GET', url: '/danh-gia' },
        { method: 'POST', url: '/danh-gia', ...formOf({ code: dossier.code, verification: 'AAAAAAAA' }) },
        { method: 'GET', url: dossier.url },
      ] as const) {
        for (let attempt = 1; attempt <= limit.max; attempt += 1) {
          expect((await t.app.inject(request)).statusCode).not.toBe(429);
        }
        const refused = await t.app.inject(request);
        expect(refused.statusCode, `${request.method} ${request.url}`).toBe(429);
        expect(refused.headers['retry-after']).toBeDefined();
        expect(refused.body).toContain('Quá nhiều yêu cầu');
      }
      // Staff endpoints are not limited.
      for (let attempt = 0; attempt <= limit.max + 1; attempt += 1) {
        const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
        expect(health.statusCode).not.toBe(429);
      }
    } finally {
      await t.close();
    }
  });

  it('refuses the (max+1)th ingest request with 429, the JSON error shape and retry-after', async () => {
    const t = await openApp({ publicRateLimit: limit });
    try {
      const dossier = await t.finishedDossier();
      const request = {
        method: 'POST',
        url: '/api/v1/ingest/ratings',
        headers: {
          'content-type': 'application/json',
          'x-hailong-integration': '00000000-0000-4000-8000-000000000000',
          'x-hailong-timestamp': String(Date.parse('2025-07-20T10:00:00+07:00')),
          'x-hailong-signature': 'AAAA',
          'idempotency-key': 'k1',
        },
        payload: JSON.stringify({
          dossierCode: dossier.code,
          satisfaction: 5,
          submittedAt: '2025-07-20T09:00:00+07:00',
        }),
      } as const;
      for (let attempt = 1; attempt <= limit.max; attempt += 1) {
        expect((await t.app.inject(request)).statusCode).toBe(401);
      }
      const refused = await t.app.inject(request);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringContaining('Quá nhiều yêu cầu') as unknown,
      });
      expect(await t.deps.db.selectFrom('rating').select('id').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('the pages load little JavaScript, from files (issue 4: ≤ 30 KB gzip)', () => {
  it('serves the script and style sheet cached for good, and all JS of each page is ≤ 30 KB gzip', async () => {
    const t = await openApp();
    try {
      const dossier = await t.finishedDossier();
      for (const url of ['/danh-gia', '/danh-gia?lang=en', dossier.url]) {
        const page = await t.app.inject({ method: 'GET', url });
        expect(page.statusCode).toBe(200);
        const scripts = [...page.body.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
        expect(scripts.length, url).toBeGreaterThan(0);
        let gzipped = 0;
        for (const src of scripts) {
          const script = await t.app.inject({ method: 'GET', url: src });
          expect(script.statusCode, src).toBe(200);
          expect(script.headers['content-type']).toContain('javascript');
          expect(script.headers['cache-control']).toContain('immutable');
          gzipped += gzipSync(script.rawPayload, { level: 9 }).length;
        }
        expect(gzipped, `${url}: gzip bytes of its JavaScript`).toBeLessThanOrEqual(30 * 1024);
        const [style] = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
        const css = await t.app.inject({ method: 'GET', url: style! });
        expect(css.headers['content-type']).toContain('text/css');
      }
      expect((await t.app.inject({ method: 'GET', url: '/assets-public/other.js' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('opt-in contact details for a follow-up, stored apart from the rating (issue 4, point 10)', () => {
  const contactsOf = (t: TestApp, dossierId: string) =>
    t.deps.db.selectFrom('rating_contact').selectAll().where('dossier_id', '=', dossierId).execute();

  it('stores the contact only when ticked, never in the rating row, and lists it for staff', async () => {
    const t = await openApp();
    try {
      const ticked = await t.finishedDossier();
      const typedButNotTicked = await t.finishedDossier();
      const response = await t.app.inject({
        method: 'POST',
        url: ticked.url,
        ...formOf({
          satisfaction: '2',
          contact: 'yes',
          contactName: 'Nguyễn Thị Hoa',
          contactPhone: '0912 345 678',
          contactEmail: 'Hoa@Example.com',
        }),
      });
      expect(response.statusCode, response.body).toBe(201);
      const notTicked = await t.app.inject({
        method: 'POST',
        url: typedButNotTicked.url,
        ...formOf({ satisfaction: '4', contactPhone: '0987654321', contactEmail: 'x@example.com' }),
      });
      expect(notTicked.statusCode, notTicked.body).toBe(201);

      const [contact] = await contactsOf(t, ticked.id);
      const rating = await t.deps.db
        .selectFrom('rating')
        .selectAll()
        .where('dossier_id', '=', ticked.id)
        .executeTakeFirstOrThrow();
      expect(contact).toMatchObject({
        rating_id: rating.id,
        agency_id: rating.agency_id,
        name: 'Nguyễn Thị Hoa',
        phone: '0912345678',
        email: 'hoa@example.com',
      });
      expect(contact?.consented_at).toBeInstanceOf(Date);
      const ratingText = JSON.stringify(rating);
      for (const personal of ['Hoa', '0912', '345678', 'example.com']) {
        expect(ratingText).not.toContain(personal);
      }
      expect(await contactsOf(t, typedButNotTicked.id)).toEqual([]);

      const listed = await t.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${ticked.code}/follow-up-contacts`,
      });
      expect(listed.statusCode).toBe(200);
      expect(listed.headers['cache-control']).toBe('no-store');
      expect(listed.json()).toMatchObject({
        dossierCode: ticked.code,
        contacts: [{ ratingId: rating.id, name: 'Nguyễn Thị Hoa', phone: '0912345678' }],
      });
      const none = await t.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${typedButNotTicked.id}/follow-up-contacts`,
      });
      expect(none.json<{ contacts: unknown[] }>().contacts).toEqual([]);
      const unknown = await t.inject({
        method: 'GET',
        url: '/api/v1/dossiers/H99.01-990101-9999/follow-up-contacts',
      });
      expect(unknown.statusCode).toBe(404);
      const openapi = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      const paths = openapi.json<{ paths: Record<string, { get?: { tags?: string[] } }> }>().paths;
      expect(paths['/api/v1/dossiers/{ref}/follow-up-contacts']?.get?.tags).toEqual(['ratings']);
    } finally {
      await t.close();
    }
  });

  it('refuses a ticked box without a phone or email, or with a bad one: 400, nothing stored', async () => {
    const t = await openApp();
    try {
      const dossier = await t.finishedDossier();
      const cases: [Record<string, string>, string][] = [
        [{ contactName: 'An' }, 'số điện thoại hoặc email'],
        [{ contactPhone: '12345' }, 'Số điện thoại không hợp lệ'],
        [{ contactPhone: '0912 345 678', contactEmail: 'not-an-email' }, 'Email không hợp lệ'],
      ];
      for (const [fields, message] of cases) {
        const response = await t.app.inject({
          method: 'POST',
          url: dossier.url,
          ...formOf({ satisfaction: '5', comment: 'Giữ lại', contact: 'yes', ...fields }),
        });
        expect(response.statusCode, message).toBe(400);
        expect(response.body).toContain(message);
        // What was typed comes back, so nothing has to be typed again.
        expect(response.body).toContain('Giữ lại</textarea>');
        expect(response.body).toMatch(/value="5"[^>]* checked>/);
      }
      const english = await t.app.inject({
        method: 'POST',
        url: `${dossier.url}?lang=en`,
        ...formOf({ satisfaction: '5', contact: 'yes' }),
      });
      expect(english.statusCode).toBe(400);
      expect(english.body).toContain('phone number or an email');
      expect(await t.deps.db.selectFrom('rating').select('id').execute()).toEqual([]);
      expect(await t.deps.db.selectFrom('rating_contact').select('id').execute()).toEqual([]);
      const token = await t.deps.db
        .selectFrom('rating_token')
        .select('used_at')
        .where('dossier_id', '=', dossier.id)
        .executeTakeFirstOrThrow();
      expect(token.used_at).toBeNull();
    } finally {
      await t.close();
    }
  });
});
