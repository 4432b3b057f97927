import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/** The entries of the header's main navigation, in order (none: the navigation is not there). */
function navigation(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link').allTextContents();
}

async function signInWithForm(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('the back office follows the session: sign-in redirect, navigation by permission', () => {
  let server: E2eServer;

  beforeAll(async () => {
    // Real time: the browser keeps the session cookie only until its (real) expiry.
    server = await startE2eServer({ now: () => Date.now() });
    const department = await server.deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department)
      .executeTakeFirstOrThrow();
    await createStaffUser(server.deps, {
      username: 'motcua',
      role: 'counter_official',
      agencyId: department.id,
    });
    await createStaffUser(server.deps, { username: 'quantri', role: 'system_admin', agencyId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends a signed-out visitor to sign in and back; a counter official sees only their entries', async () => {
    const { browser, base } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) refusals.push(new URL(response.url()).pathname);
    });

    await page.goto(`${base}/diem/co-quan`);
    await expect.poll(() => page.url()).toBe(`${base}/dang-nhap?tiep=%2Fdiem%2Fco-quan`);
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Đăng nhập');
    expect(await navigation(page)).toEqual([]);
    // The score page was never shown nor asked for: the session answer came first.
    expect(refusals).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);

    await signInWithForm(page, 'motcua');
    // The score page then adds its default period to the query: the path is what matters.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/diem/co-quan');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Xếp hạng cơ quan, đơn vị');
    await expect
      .poll(() => navigation(page))
      .toEqual([
        'Hồ sơ',
        'Phiếu giấy',
        'Tổng quan',
        'Xếp hạng',
        'Cán bộ',
        'Chỉ số 766',
        'Hài lòng',
        'Theo lĩnh vực',
        'Báo cáo đơn vị',
      ]);

    // A page outside the role, opened by its address: the server's refusal, in the page.
    await page.goto(`${base}/nguoi-dung`);
    const refusal = page.locator('.alert[data-code="FORBIDDEN"]');
    await expect.poll(() => refusal.textContent()).toContain('Bạn không có quyền thực hiện thao tác này.');

    // The session ends elsewhere (signed out on another device, expired): the next request
    // answers 401 and the back office asks the user to sign in again, then comes back.
    await page.goto(`${base}/diem/co-quan`);
    await expect.poll(() => navigation(page)).toContain('Hồ sơ');
    await server.deps.db.updateTable('staff_session').set({ revoked_at: new Date() }).execute();
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ' })
      .click();
    await expect.poll(() => page.url()).toBe(`${base}/dang-nhap?tiep=%2Fho-so`);
    expect(refusals).toContain('/api/v1/dossiers');
    expect(await navigation(page)).toEqual([]);
    await signInWithForm(page, 'motcua');
    await expect.poll(() => page.url()).toBe(`${base}/ho-so`);
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Danh sách hồ sơ');
    await context.close();
  });

  it('shows an administrator every entry, never follows `tiep` off the site, signs out to the sign-in page', async () => {
    const { browser, base } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/dang-nhap?tiep=${encodeURIComponent('//evil.example/ho-so')}`);
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Đăng nhập');
    await signInWithForm(page, 'quantri');
    await expect.poll(() => page.url()).toBe(`${base}/ho-so`);
    await expect
      .poll(() => navigation(page))
      .toEqual([
        'Hồ sơ',
        'Phiếu giấy',
        'Thiết bị tại quầy',
        'Tổng quan',
        'Xếp hạng',
        'Cán bộ',
        'Chỉ số 766',
        'Hài lòng',
        'Theo lĩnh vực',
        'Báo cáo đơn vị',
        'Bất thường',
        'Người dùng',
        'Kiểm toán',
      ]);

    await page.getByTestId('user-menu').locator('summary').click();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${base}/dang-nhap`);
    await expect.poll(() => page.getByTestId('sign-in-link').count()).toBe(1);
    expect(await navigation(page)).toEqual([]);
    await context.close();
  });
});
