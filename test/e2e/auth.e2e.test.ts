import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, TEST_PASSWORD } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('staff sign-in, user management and lockout in the back office (issue 5, point 1)', () => {
  let server: E2eServer;

  beforeAll(async () => {
    server = await startE2eServer({ now: () => Date.now() });
    await createStaffUser(server.deps, { username: 'quantri', role: 'system_admin', agencyId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs in through the page, creates a user with a role, signs out; wrong passwords lock', async () => {
    const { browser, base } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/ho-so`);
    await page.getByTestId('sign-in-link').click();
    await expect.poll(() => page.url()).toContain('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.url()).toContain('/ho-so');
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('Cán bộ quantri');

    await page.goto(`${base}/nguoi-dung`);
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('quantri');
    const form = page.locator('form.inline-form').first();
    await form.getByLabel('Tên đăng nhập').fill('motcua1');
    await form.getByLabel('Họ và tên').fill('Nguyễn Văn Một Cửa');
    await form.getByLabel('Mật khẩu ban đầu').fill('một mật khẩu đủ dài');
    await form.getByLabel('Vai trò').selectOption('counter_official');
    await form.getByLabel('Cơ quan, đơn vị').selectOption({ label: '\u00a0\u00a0Sở Tư pháp' });
    await form.getByRole('button', { name: 'Tạo' }).click();
    await expect.poll(() => page.getByTestId('users-message').textContent()).toContain('motcua1');
    const row = page.locator('tr[data-username="motcua1"]');
    await expect.poll(() => row.textContent()).toContain('Cán bộ một cửa — Sở Tư pháp');

    await page.getByTestId('user-menu').locator('summary').click();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/dang-nhap');
    await expect.poll(() => page.getByTestId('sign-in-link').count()).toBe(1);

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel('Tên đăng nhập').fill('motcua1');
      await page.getByLabel('Mật khẩu').fill(`sai mật khẩu ${attempt}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect
        .poll(() => page.getByTestId('sign-in-error').textContent())
        .toContain(attempt < 5 ? `Còn ${5 - attempt} lần thử` : 'tạm thời bị khóa');
    }
    expect(await page.getByTestId('sign-in-error').getAttribute('data-code')).toBe('ACCOUNT_LOCKED');
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('Có thể đăng nhập lại sau');
    await context.close();
  });
});
