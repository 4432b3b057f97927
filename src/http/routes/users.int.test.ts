import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { createTestApp, signInAs, type TestApp, type TestSession } from '#test/support/http.ts';

let t: TestApp;
let admin: TestSession;
let office: TestSession;
let counter: TestSession;
const agencies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const row of await t.deps.db.selectFrom('agency').select(['id', 'code']).execute())
    agencies[row.code] = row.id;
  await createStaffUser(t.deps, { username: 'quantri', role: 'system_admin', agencyId: null });
  // A provincial office scoped to one department only (not the whole province).
  await createStaffUser(t.deps, {
    username: 'vanphong',
    role: 'provincial_office',
    agencyId: agencies[TEST_CATALOG.department] ?? null,
  });
  await createStaffUser(t.deps, {
    username: 'motcua',
    role: 'counter_official',
    agencyId: agencies[TEST_CATALOG.department] ?? null,
  });
  admin = await signInAs(t.app, 'quantri', TEST_PASSWORD);
  office = await signInAs(t.app, 'vanphong', TEST_PASSWORD);
  counter = await signInAs(t.app, 'motcua', TEST_PASSWORD);
});

afterAll(async () => {
  await t.close();
});

const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: `Cán bộ ${username}`,
  password: 'một mật khẩu đủ dài',
  ...extra,
});

describe('user administration: policy(user.manage) and the CSRF token', () => {
  it('401 without a session, 403 without user.manage, the list for an administrator', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: counter.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
    });
    expect(listed.statusCode).toBe(200);
    const users = listed.json<{
      users: { username: string; grants: { role: string; agencyCode: string | null }[] }[];
    }>().users;
    expect(users.map((user) => user.username)).toEqual(['motcua', 'quantri', 'vanphong']);
    expect(users[0]?.grants).toEqual([
      expect.objectContaining({ role: 'counter_official', agencyCode: TEST_CATALOG.department }),
    ]);
    expect(listed.body).not.toContain('argon2');
    // A provincial office scoped to H99.01 sees the people of H99.01 only (not the administrator).
    const scoped = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: office.cookie },
    });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.json<{ users: { username: string }[] }>().users.map((user) => user.username)).toEqual([
      'motcua',
      'vanphong',
    ]);
  });

  it('creates a user with a role; bad input changes nothing', async () => {
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: newUser('tiepnhan1'),
    });
    expect(noCsrf.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser('tiepnhan1', { password: 'tiepnhan1234' }),
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ error: { code: 'PASSWORD_WEAK' } });
    const badName = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser('Nguyễn Văn'),
    });
    expect(badName.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', problems: [{ field: 'username' }] },
    });
    const scopeless = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser('tiepnhan1', { grants: [{ role: 'counter_official', agencyId: null }] }),
    });
    expect(scopeless.json()).toMatchObject({ error: { code: 'ROLE_SCOPE_INVALID' } });
    const count = await t.deps.db
      .selectFrom('staff_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser('tiepnhan1', {
        grants: [{ role: 'counter_official', agencyId: agencies[TEST_CATALOG.commune] }],
      }),
    });
    expect(created.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser('TiepNhan1'),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'USERNAME_TAKEN' } });
    const signed = await signInAs(t.app, 'tiepnhan1', 'một mật khẩu đủ dài');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: signed.cookie },
    });
    expect(me.json()).toMatchObject({
      grants: [{ role: 'counter_official', agencyId: agencies[TEST_CATALOG.commune] }],
    });
  });

  it('grants only inside one’s subtree and never more power than one holds', async () => {
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: newUser('xuly1'),
      })
    ).json<{ id: string }>();
    const grant = (session: TestSession, role: string, agencyId: string | null | undefined, revoke = false) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${id}/roles${revoke ? '/revoke' : ''}`,
        headers: session.headers,
        payload: { role, agencyId },
      });
    const inside = agencies[TEST_CATALOG.department];
    const sibling = agencies[TEST_CATALOG.department2];
    expect((await grant(office, 'handling_official', inside)).statusCode).toBe(204);
    expect((await grant(office, 'handling_official', inside)).statusCode).toBe(204); // idempotent
    expect((await grant(office, 'handling_official', sibling)).statusCode).toBe(403);
    expect((await grant(office, 'system_admin', null)).statusCode).toBe(403);
    expect((await grant(office, 'integration', inside)).statusCode).toBe(403);
    expect((await grant(counter, 'handling_official', inside)).statusCode).toBe(403);
    expect((await grant(admin, 'counter_official', sibling)).statusCode).toBe(204);
    const grants = await t.deps.db
      .selectFrom('staff_role_grant')
      .select(['role', 'agency_id'])
      .where('user_id', '=', id)
      .execute();
    expect(grants).toHaveLength(2);
    expect((await grant(office, 'handling_official', sibling, true)).statusCode).toBe(403);
    expect((await grant(office, 'handling_official', inside, true)).statusCode).toBe(204);
    expect((await grant(office, 'handling_official', inside, true)).statusCode).toBe(404);
    // The remaining grant is in the sibling department: outside the office's reach.
    const disable = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/disable`,
      headers: office.headers,
    });
    expect(disable.statusCode).toBe(403);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: newUser('nghiviec'),
      })
    ).json<{ id: string }>();
    const theirs = await signInAs(t.app, 'nghiviec', 'một mật khẩu đủ dài');
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/disable`,
      headers: admin.headers,
    });
    expect(disabled.statusCode).toBe(204);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: theirs.cookie },
    });
    expect(session.json()).toEqual({ signedIn: false });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'nghiviec', password: 'một mật khẩu đủ dài' },
    });
    expect(signIn.json()).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${(await t.deps.db.selectFrom('staff_user').select('id').where('username', '=', 'quantri').executeTakeFirstOrThrow()).id}/disable`,
      headers: admin.headers,
    });
    expect(self.statusCode).toBe(403);
  });
});
