import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitReportView } from '#shared/report.view.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

const NOW = Date.parse('2025-10-15T10:00:00+07:00');
const REMEDIES = 'Tăng cường tập huấn cán bộ tiếp nhận; niêm yết lại thủ tục tại quầy.';

/** A signed-in page of a role, in a browser living on 15/10/2025 (the default period is 2025-Q3). */
async function pageOf(
  server: E2eServer,
  role: 'focal_official' | 'provincial_office',
  agencyCode: string | null,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await server.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await server.signIn(context, role, agencyCode);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.clock.setFixedTime(NOW);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

describe('the unit report to the level above, in Chromium (Thông tư 01/2018 Điều 15 khoản 4)', () => {
  let server: E2eServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startE2eServer({ now: () => NOW });
    await finishedTestDossier(server.deps, {
      officialCode: TEST_CATALOG.counterOfficial,
      finishedBy: TEST_CATALOG.handlingOfficial,
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
  });

  it('a focal official writes the remedies and submits; the provincial office sees the report submitted', async () => {
    const focal = await pageOf(server, 'focal_official', TEST_CATALOG.department);
    contexts.push(focal.context);
    const { page } = focal;
    await page.goto(`${server.base}/ho-so`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Báo cáo đơn vị', exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/bao-cao' && url.searchParams.get('period') === '2025-Q3',
    );
    const row = page.locator(
      `[data-testid="unit-report-row"][data-agency-code="${TEST_CATALOG.department}"]`,
    );
    expect(await row.getByTestId('status').textContent()).toBe('Chưa lập');
    await row.getByRole('link', { name: 'Xem' }).click();
    await page.waitForURL((url) => url.pathname === `/bao-cao/${TEST_CATALOG.department}`);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của Sở Tư pháp' }).waitFor();
    // The figures of the quarter: one early dossier.
    expect(await page.getByTestId('timeliness-table').textContent()).toContain('100,0%');

    await page.getByRole('textbox', { name: 'Biện pháp khắc phục đề xuất' }).fill(REMEDIES);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu bản nháp.').waitFor();
    await page.locator('[data-testid="unit-report"][data-status="draft"]').waitFor();

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('không sửa được');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Gửi cấp trên' }).click();
    await page.locator('[data-testid="unit-report"][data-status="submitted"]').waitFor();
    await page.getByTestId('report-submitted').waitFor();
    expect(await page.getByTestId('report-revisions').textContent()).toContain(REMEDIES);
    expect(focal.errors).toEqual([]);

    const office = await pageOf(server, 'provincial_office', null);
    contexts.push(office.context);
    await office.page.goto(`${server.base}/bao-cao?period=2025-Q3`);
    const sent = office.page.locator(
      `[data-testid="unit-report-row"][data-agency-code="${TEST_CATALOG.department}"]`,
    );
    await sent.locator('[data-status="submitted"]').waitFor();
    expect(await sent.getByTestId('status').textContent()).toBe('Đã gửi');
    await sent.getByRole('link', { name: 'Xem' }).click();
    await office.page.locator('[data-testid="unit-report"][data-status="submitted"]').waitFor();
    expect(await office.page.getByTestId('report-revisions').textContent()).toContain(REMEDIES);
    expect(office.errors).toEqual([]);

    const api = await server.inject({
      method: 'GET',
      url: `/api/v1/reports/units/${TEST_CATALOG.department}?period=2025-Q3`,
    });
    const view = api.json<UnitReportView>();
    expect(view.revisions.map((r) => [r.revision, r.status, r.remedies])).toEqual([
      [1, 'submitted', REMEDIES],
    ]);
  });
});
