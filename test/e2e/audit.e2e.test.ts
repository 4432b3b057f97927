import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpoint } from '#app/audit/create-checkpoint.ts';
import { createStaffUser, TEST_PASSWORD } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('the audit log page: log, signed checkpoints, "Kiểm tra ngay" (issue 5, points 3–4)', () => {
  let server: E2eServer;

  beforeAll(async () => {
    server = await startE2eServer();
    await createStaffUser(server.deps, { username: 'quantri', role: 'system_admin', agencyId: null });
    await createCheckpoint(server.deps);
  });

  afterAll(async () => {
    await server.close();
  });

  it('an administrator sees the log, the checkpoints, and verifies the chain', async () => {
    const { browser, base } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/ho-so`);
    await page.getByTestId('sign-in-link').click();
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('quantri');

    await page.getByRole('link', { name: 'Kiểm toán' }).click();
    await expect.poll(() => page.url()).toContain('/kiem-toan');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nhật ký kiểm toán');
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByRole('link', { name: 'Tải về' }).count()).toBe(1);

    await page.getByLabel('Hành động (vd. rating.)').fill('catalog.procedure.');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await expect.poll(() => page.url()).toContain('action=catalog.procedure.');
    await expect
      .poll(async () =>
        (await page.locator('tbody tr').allTextContents()).every((row) => row.includes('catalog.procedure.')),
      )
      .toBe(true);

    await page.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await expect.poll(() => page.getByRole('status').getAttribute('data-ok')).toBe('true');
    expect(await page.getByRole('status').textContent()).toContain('Toàn vẹn');
    await context.close();
  });

  it('the checkpoints are public (no sign-in)', async () => {
    const response = await fetch(`${server.base}/api/v1/audit/checkpoints`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { checkpoints: unknown[] }).checkpoints).toHaveLength(1);
  });
});
