import { afterEach, describe, expect, it } from 'vitest';
import { currentRequestContext } from '#app/request-context.ts';
import { ACTIONS } from '#domain/auth/policy.ts';
import { buildApp } from '#http/app.ts';
import { publicAccess } from '#http/auth/route-access.ts';
import { createStaffUser, TEST_PASSWORD } from '#test/support/factories.ts';
import { createTestApp, signInAs, type TestApp } from '#test/support/http.ts';

const START = Date.parse('2025-06-30T10:00:00+07:00');
const MINUTE = 60_000;

let clock = START;
let testApp: TestApp | undefined;

async function setUp(): Promise<TestApp> {
  clock = START;
  testApp = await createTestApp({ now: () => clock });
  await createStaffUser(testApp.deps, { username: 'quantri', role: 'system_admin', agencyId: null });
  return testApp;
}

afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function session(t: TestApp, cookie?: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/auth/session',
    ...(cookie ? { headers: { cookie } } : {}),
  });
  expect(response.statusCode).toBe(200);
  return response.json<{
    signedIn: boolean;
    user?: { username: string };
    grants?: unknown[];
    actions?: string[];
  }>();
}

function signInRequest(t: TestApp, username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
}

describe('staff sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie holding a token the database does not store', async () => {
    const t = await setUp();
    const response = await signInRequest(t, 'QuanTri ', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'hl_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    const body = response.json<{ signedIn: boolean; csrfToken: string; grants: unknown[] }>();
    expect(body).toMatchObject({ signedIn: true, grants: [{ role: 'system_admin', agencyId: null }] });
    // An administrator holds every action of the policy, listed sorted.
    expect(body).toMatchObject({ actions: [...ACTIONS].sort() });
    const rows = await t.deps.db.selectFrom('staff_session').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(cookie?.value);
    const hash = await t.deps.db.selectFrom('staff_user').select('password_hash').executeTakeFirstOrThrow();
    expect(hash.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('marks the cookie Secure over HTTPS or with HAILONG_SECURE_COOKIES', async () => {
    const t = await setUp();
    const secureApp = await buildApp({
      context: { deps: t.deps, databaseKind: t.database.kind, version: 'test' },
      logLevel: 'silent',
      secureCookies: true,
    });
    try {
      const response = await secureApp.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'quantri', password: TEST_PASSWORD },
      });
      expect(response.cookies.find((item) => item.name === 'hl_session')?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('makes the signed-in staff member the actor of the request context', async () => {
    const t = await setUp();
    const probe = await buildApp({
      context: { deps: t.deps, databaseKind: t.database.kind, version: 'test' },
      logLevel: 'silent',
    });
    // Every /api route declares its access (the app refuses to start otherwise).
    probe.get(
      '/api/v1/test/actor',
      { config: { access: publicAccess('test probe') } },
      () => currentRequestContext().actor,
    );
    try {
      const anonymous = await probe.inject({ method: 'GET', url: '/api/v1/test/actor' });
      expect(anonymous.json()).toEqual({ kind: 'anonymous' });
      const signed = await signInAs(probe, 'quantri', TEST_PASSWORD);
      const who = await probe.inject({
        method: 'GET',
        url: '/api/v1/test/actor',
        headers: { cookie: signed.cookie },
      });
      expect(who.json()).toMatchObject({
        kind: 'staff',
        username: 'quantri',
        grants: [{ role: 'system_admin' }],
      });
      const forged = await probe.inject({
        method: 'GET',
        url: '/api/v1/test/actor',
        headers: { cookie: 'hl_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      });
      expect(forged.json()).toEqual({ kind: 'anonymous' });
    } finally {
      await probe.close();
    }
  });

  it('refuses a wrong password and an unknown user alike, in Vietnamese', async () => {
    const t = await setUp();
    const wrong = await signInRequest(t, 'quantri', 'không phải mật khẩu');
    const unknown = await signInRequest(t, 'khongco', 'không phải mật khẩu');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        error: { code: 'SIGN_IN_FAILED', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password, then unlocks', async () => {
    const t = await setUp();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await signInRequest(t, 'quantri', `sai mật khẩu lần ${attempt}`);
      expect(response.json()).toMatchObject({
        error: { code: 'SIGN_IN_FAILED', details: { attemptsLeft: 5 - attempt } },
      });
    }
    const fifth = await signInRequest(t, 'quantri', 'sai mật khẩu lần 5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    expect(fifth.json<{ error: { message: string } }>().error.message).toContain('tạm thời bị khóa');
    clock += 14 * MINUTE;
    expect((await signInRequest(t, 'quantri', TEST_PASSWORD)).statusCode).toBe(423);
    clock += 1 * MINUTE + 1;
    expect((await signInRequest(t, 'quantri', TEST_PASSWORD)).statusCode).toBe(200);
    const user = await t.deps.db
      .selectFrom('staff_user')
      .select(['failed_attempts', 'locked_until'])
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('keeps sessions across a restart (a new app on the same database accepts the same cookie)', async () => {
    const t = await setUp();
    const signed = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    await t.app.close();
    const restarted = await buildApp({
      context: { deps: t.deps, databaseKind: t.database.kind, version: 'test' },
      logLevel: 'silent',
    });
    try {
      const response = await restarted.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie: signed.cookie },
      });
      expect(response.json()).toMatchObject({
        signedIn: true,
        user: { username: 'quantri' },
        csrfToken: signed.csrfToken,
      });
    } finally {
      await restarted.close();
    }
  });

  it('slides the expiry with use and ends an idle session after 12 hours', async () => {
    const t = await setUp();
    const signed = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    clock += 11 * 60 * MINUTE;
    expect((await session(t, signed.cookie)).signedIn).toBe(true);
    clock += 11 * 60 * MINUTE;
    expect((await session(t, signed.cookie)).signedIn).toBe(true);
    clock += 12 * 60 * MINUTE + 1;
    expect((await session(t, signed.cookie)).signedIn).toBe(false);
  });

  it('requires the CSRF token on state-changing requests made with the session cookie', async () => {
    const t = await setUp();
    const signed = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    for (const headers of [{ cookie: signed.cookie }, { cookie: signed.cookie, 'x-csrf-token': 'giả mạo' }]) {
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    }
    expect((await session(t, signed.cookie)).signedIn).toBe(true);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: signed.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((item) => item.name === 'hl_session')?.value).toBe('');
    expect((await session(t, signed.cookie)).signedIn).toBe(false);
    // Without a session cookie there is nothing to forge: no token is asked for.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(204);
  });

  it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const t = await setUp();
    await createStaffUser(t.deps, { username: 'kiemtra', role: 'auditor', agencyId: null });
    const laptop = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    const phone = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    const other = await signInAs(t.app, 'kiemtra', TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: phone.headers,
    });
    expect(response.json()).toEqual({ ended: 2 });
    expect((await session(t, laptop.cookie)).signedIn).toBe(false);
    expect((await session(t, phone.cookie)).signedIn).toBe(false);
    const kept = await session(t, other.cookie);
    expect(kept.signedIn).toBe(true);
    // An auditor only reads (and verifies the audit chain).
    expect(kept.actions).toEqual(expect.arrayContaining(['audit.read', 'audit.verify', 'dossier.read']));
    expect(kept.actions).not.toContain('dossier.write');
    expect(kept.actions).not.toContain('user.manage');
  });

  it('lists the actions a role holds somewhere, whatever agency its grant covers', async () => {
    const t = await setUp();
    const counter = await t.signInWithRole('counter_official', 'H99.01');
    const answer = await session(t, counter.cookie);
    expect(answer).toMatchObject({ signedIn: true, grants: [{ role: 'counter_official' }] });
    expect(answer.actions).toEqual(
      expect.arrayContaining(['dossier.read', 'dossier.write', 'rating.key_paper', 'score.read']),
    );
    for (const action of ['user.manage', 'audit.read', 'device.manage', 'integrity.read']) {
      expect(answer.actions).not.toContain(action);
    }
    expect(answer.actions).toEqual([...(answer.actions ?? [])].sort());
    // Signed out: no actions at all, only signedIn: false.
    expect(await session(t)).toEqual({ signedIn: false });
  });

  it('changes the password under the rules, keeping this session and ending the others', async () => {
    const t = await setUp();
    const here = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    const elsewhere = await signInAs(t.app, 'quantri', TEST_PASSWORD);
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: here.headers,
        payload: { currentPassword, newPassword },
      });
    const wrongCurrent = await change('không đúng đâu nhé', 'một mật khẩu mới dài');
    expect(wrongCurrent.json()).toMatchObject({ error: { code: 'PASSWORD_INCORRECT' } });
    const weak = await change(TEST_PASSWORD, 'ngắn quá');
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({
      error: {
        code: 'PASSWORD_WEAK',
        problems: [{ field: 'newPassword', message: 'mật khẩu phải có ít nhất 12 ký tự' }],
      },
    });
    const withUsername = await change(TEST_PASSWORD, 'quantri-2025-mới');
    expect(withUsername.json()).toMatchObject({ error: { code: 'PASSWORD_WEAK' } });
    expect((await change(TEST_PASSWORD, 'một mật khẩu mới dài')).statusCode).toBe(204);
    expect((await session(t, here.cookie)).signedIn).toBe(true);
    expect((await session(t, elsewhere.cookie)).signedIn).toBe(false);
    expect((await signInRequest(t, 'quantri', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signInRequest(t, 'quantri', 'một mật khẩu mới dài')).statusCode).toBe(200);
  });
});
