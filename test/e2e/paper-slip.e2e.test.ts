import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { createStaffUser, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { signInAs } from '#test/support/http.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('the focal official keys in a paper evaluation slip with a USB scanner (issue 4)', () => {
  let server: E2eServer;
  let dossierId: string;
  let code: string;

  beforeAll(async () => {
    server = await startE2eServer({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    ({ id: dossierId, code } = await finishedTestDossier(server.deps));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** What a USB scanner does: types the code into the focused field, then presses Enter. */
  async function scan(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('scans, ticks, saves as the signed-in official; a second scan warns; the dossier page lists it', async () => {
    const { deps, browser, base } = server;
    // The focal official (KSTTHC) of the department, whose account is linked to CB001.
    const official = await deps.db
      .selectFrom('official')
      .select('id')
      .where('code', '=', TEST_CATALOG.counterOfficial)
      .executeTakeFirstOrThrow();
    const department = await deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department)
      .executeTakeFirstOrThrow();
    const userId = await createStaffUser(deps, {
      username: 'dau-moi',
      role: 'focal_official',
      agencyId: department.id,
      officialId: official.id,
    });
    const session = await signInAs(server.app, 'dau-moi', TEST_PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await context.addCookies([
      {
        name: 'hl_session',
        value: session.cookie.slice(session.cookie.indexOf('=') + 1),
        url: base,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${base}/phieu-giay`);
    const scanField = page.getByLabel('Quét mã vạch hoặc mã QR trên phiếu');
    // The scan field has the focus on arrival: the scanner can type at once.
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true);
    await scan(page, code);

    const dossierBlock = page.getByTestId('slip-dossier');
    await expect.poll(() => dossierBlock.textContent()).toContain(code);
    expect(await dossierBlock.textContent()).toContain('Sở Tư pháp');
    expect(await page.getByTestId('already-rated').count()).toBe(0);

    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page
      .getByRole('group', { name: /Thời gian giải quyết/ })
      .getByRole('radio', { name: 'Sớm hơn hẹn' })
      .check();
    await page
      .getByRole('group', { name: /Số lần phải liên hệ/ })
      .getByRole('radio', { name: 'Không lần nào' })
      .check();
    // Nobody to choose: the slip is keyed in as the signed-in account, and the form says so.
    await expect
      .poll(() => page.getByTestId('slip-keyed-by').textContent())
      .toContain('Người nhập phiếu: Cán bộ dau-moi');
    expect(await page.getByLabel('Cán bộ nhập phiếu').count()).toBe(0);
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();

    const saved = page.getByTestId('slip-saved');
    await expect.poll(() => saved.textContent()).toContain(`Đã lưu phiếu của hồ sơ ${code}`);
    expect(await saved.getAttribute('data-counts')).toBe('true');
    // Ready for the next slip of the stack: empty scan field, focused.
    expect(await scanField.inputValue()).toBe('');
    expect(await scanField.evaluate((el) => el === document.activeElement)).toBe(true);

    const ratings = await deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .execute();
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({
      channel: 'paper',
      satisfaction: 4,
      is_duplicate: false,
      keyed_by_user_id: userId,
      keyed_by_official_id: official.id,
    });
    expect(ratings[0]?.answers).toEqual({ cs1: 2, cs3: 2 });

    // The same slip scanned again: the dossier is rated already, and the page says so.
    await scan(page, code);
    await expect.poll(() => page.getByTestId('already-rated').textContent()).toContain('đã được đánh giá');

    // The dossier page lists the rating: paper slip, counted, keyed by the account linked to CB001.
    await page.goto(`${base}/ho-so/${encodeURIComponent(code)}`);
    const row = page.getByTestId('rating-row');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('Phiếu giấy');
    expect(text).toContain('Được tính');
    expect(text).toContain('Hài lòng');
    expect(text).toContain(`Cán bộ dau-moi (${TEST_CATALOG.counterOfficial})`);
    expect(await page.getByRole('link', { name: /In phiếu đánh giá \(PDF\)/ }).getAttribute('href')).toBe(
      `/api/v1/dossiers/${dossierId}/slip.pdf`,
    );
    await context.close();

    // Issuing a rating code is the counter official's (rating.issue_token), on the same page.
    const counter = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await server.signIn(counter, 'counter_official', TEST_CATALOG.department);
    const counterPage = await counter.newPage();
    await counterPage.goto(`${base}/ho-so/${encodeURIComponent(code)}`);
    await counterPage.getByRole('button', { name: 'Tạo mã đánh giá' }).click();
    await expect.poll(() => counterPage.getByTestId('rating-link').textContent()).toContain(`${base}/r/`);
    expect(await counterPage.getByTestId('verification-code').textContent()).toMatch(/^\S{4,}$/);
    await counter.close();
  });
});
