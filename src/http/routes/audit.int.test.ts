import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, TEST_PASSWORD } from '#test/support/factories.ts';
import { createTestApp, signInAs, type TestApp, type TestSession } from '#test/support/http.ts';

let t: TestApp;
let admin: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  await createStaffUser(t.deps, { username: 'quantri', role: 'system_admin', agencyId: null });
  admin = await signInAs(t.app, 'quantri', TEST_PASSWORD);
});

afterAll(async () => {
  await t.close();
});

describe('audit routes', () => {
  it('the log needs a session; an administrator sees the catalog entries of the test set-up', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/entries' })).statusCode).toBe(401);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/entries?action=catalog.&limit=5',
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(200);
    const page = response.json<{ entries: { action: string }[]; total: number }>();
    expect(page.total).toBeGreaterThan(5);
    expect(page.entries).toHaveLength(5);
    expect(page.entries.every((entry) => entry.action.startsWith('catalog.'))).toBe(true);
  });

  it('checkpoints are public and downloadable signed; verify stores its result', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/checkpoints',
      headers: admin.headers,
    });
    expect(created.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/audit/checkpoints' });
    expect(list.statusCode).toBe(200);
    const { checkpoints, publicKey } = list.json<{ checkpoints: { id: string }[]; publicKey: string }>();
    expect(publicKey).toContain('BEGIN PUBLIC KEY');
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/checkpoints/${checkpoints[0]!.id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.json<{ signature: string }>().signature.length).toBeGreaterThan(40);

    expect((await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify' })).statusCode).toBe(401);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: admin.headers,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json<{ ok: boolean; checkpoints: number }>()).toMatchObject({ ok: true, checkpoints: 1 });
    const last = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verification',
      headers: { cookie: admin.cookie },
    });
    expect(last.json<{ verification: { id: string } }>().verification.id).toBe(
      verified.json<{ id: string }>().id,
    );
  });

  it('a bad filter is refused with a clear error', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/entries?from=yesterday',
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(400);
  });
});
