import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail } from '#shared/dossier.view.ts';
import { createStaffUser, TEST_PASSWORD } from '#test/support/factories.ts';
import { signInAs } from '#test/support/http.ts';
import { openBackOfficePage } from './support/back-office.ts';
import { seedDossierScenario, type DossierScenario } from './support/dossier-scenario.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/** What the back office must call each event, in Vietnamese (the default language) and English. */
const VI_LABELS: Readonly<Record<string, string>> = {
  received: 'Tiếp nhận',
  forwarded: 'Chuyển xử lý',
  step_received: 'Đơn vị nhận xử lý',
  step_handed_over: 'Bàn giao',
  supplement_requested: 'Yêu cầu bổ sung',
  supplement_completed: 'Đã bổ sung',
  finished: 'Có kết quả',
  result_returned: 'Trả kết quả',
};
const EN_LABELS: Readonly<Record<string, string>> = {
  received: 'Received',
  forwarded: 'Forwarded for handling',
  step_received: 'Taken over by a unit',
  step_handed_over: 'Handed over',
  supplement_requested: 'Supplement requested',
  supplement_completed: 'Supplement completed',
  finished: 'Result ready',
  result_returned: 'Result returned',
};

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way Vietnamese offices write dates. */
function ddmmyyyy(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

describe('back office: dossier list and detail in Chromium', () => {
  let server: E2eServer;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let scenario: DossierScenario;
  let browserErrors: string[];

  beforeAll(async () => {
    server = await startE2eServer();
    scenario = await seedDossierScenario(server.deps);
    baseUrl = server.base;
    // A browser far from Vietnam: times must still be shown in Asia/Ho_Chi_Minh.
    ({ context, page, errors: browserErrors } = await openBackOfficePage(server));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const rowCodes = (): Promise<string[]> =>
    page
      .getByTestId('dossier-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));

  /** Waits until the list shows exactly these dossiers (in any order). */
  const expectRows = async (codes: readonly string[]): Promise<void> => {
    await page.locator('[data-testid="dossier-results"][data-state="ready"]').waitFor();
    await expect.poll(async () => (await rowCodes()).sort(), { timeout: 10_000 }).toEqual([...codes].sort());
  };

  const allCodes = (): string[] => {
    const { full, late, open, overdue, apology, refused } = scenario;
    return [full, late, open, overdue, apology, refused].map((dossier) => dossier.code);
  };

  const apiDetail = async (id: string): Promise<DossierDetail> => {
    const response = await server.inject({ method: 'GET', url: `/api/v1/dossiers/${id}` });
    expect(response.statusCode).toBe(200);
    return response.json<DossierDetail>();
  };

  it('redirects / to the dossier list, in Vietnamese, with every dossier', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/ho-so`);
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectRows(allCodes());
    expect(await page.getByTestId('dossier-total').textContent()).toContain('Tìm thấy 6 hồ sơ');
    const lateRow = page.locator(`[data-testid="dossier-row"][data-code="${scenario.late.code}"]`);
    // Received 02/06/2025 09:30 in Vietnam, due 09/06/2025, finished late.
    expect(await lateRow.textContent()).toContain('02/06/2025 09:30');
    expect(await lateRow.textContent()).toContain('09/06/2025');
    expect(await lateRow.getByTestId('timeliness-badge').textContent()).toBe('Trễ hạn');
  });

  it('searches by code, opens the dossier and shows its timeline, due dates, steps and supplements', async () => {
    const { full } = scenario;
    const search = page.getByLabel('Mã hồ sơ');
    await search.fill(full.code);
    await search.press('Enter');
    await page.waitForURL((url) => url.pathname === '/ho-so' && url.searchParams.get('q') === full.code);
    await expectRows([full.code]);

    await page.getByRole('link', { name: full.code }).click();
    await page.waitForURL(`${baseUrl}/ho-so/${full.id}`);
    await page.locator('[data-testid="dossier-detail"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('dossier-code').textContent()).toBe(full.code);
    expect(await page.title()).toContain(full.code);

    // Every event, in order, with its Vietnamese label and its local (Vietnam) date-time.
    const events = page.getByTestId('timeline-event');
    expect(await events.evaluateAll((items) => items.map((item) => item.getAttribute('data-type')))).toEqual(
      full.eventTypes,
    );
    expect(await page.getByTestId('timeline-label').allTextContents()).toEqual(
      full.eventTypes.map((type) => VI_LABELS[type]),
    );
    const times = await page.getByTestId('timeline-time').allTextContents();
    expect(times[0]).toBe('02/06/2025 09:00');
    expect(times.at(-1)).toBe('11/06/2025 09:00');
    const supplementEvent = events.nth(full.eventTypes.indexOf('supplement_requested'));
    expect(await supplementEvent.textContent()).toContain('Thiếu bản sao giấy tờ tùy thân');

    // The due dates are the API's, written dd/mm/yyyy; the legal one restarted after the supplement.
    const detail = await apiDetail(full.id);
    expect(detail.dueDate).not.toBe(detail.dueInitialDate);
    expect(await page.getByTestId('due-legal').textContent()).toBe(ddmmyyyy(detail.dueDate));
    expect(await page.getByTestId('due-initial').textContent()).toBe(ddmmyyyy(detail.dueInitialDate));
    expect(await page.getByTestId('timeliness-legal').textContent()).toBe('Sớm hạn');
    expect(await page.getByTestId('time-limit').textContent()).toBe('5 ngày làm việc');

    // Inter-unit steps: unit, and timeliness as the API computed it (the first was handed over late).
    const steps = page.getByTestId('step-row');
    expect(await steps.count()).toBe(detail.steps.length);
    const firstStep = steps.first();
    const firstApiStep = detail.steps[0]!;
    expect(firstApiStep.timeliness).toBe('late');
    expect(await firstStep.textContent()).toContain('Sở Tư pháp');
    expect(await firstStep.textContent()).toContain(ddmmyyyy(firstApiStep.dueDate));
    expect(await firstStep.getByTestId('timeliness-badge').getAttribute('data-value')).toBe('late');
    expect(await firstStep.getByTestId('timeliness-badge').textContent()).toBe('Trễ hạn');
    expect(await steps.nth(1).getByTestId('timeliness-badge').textContent()).toBe('Sớm hạn');

    const supplements = page.getByTestId('supplement-row');
    expect(await supplements.count()).toBe(1);
    expect(await supplements.first().textContent()).toContain('Thiếu bản sao giấy tờ tùy thân');
  });

  it('filters by timeliness and agency through the URL; reload and back keep the list', async () => {
    // The way back from the detail returns to the list the user came from.
    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/ho-so' && url.searchParams.get('q') === scenario.full.code,
    );
    await expectRows([scenario.full.code]);
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL(`${baseUrl}/ho-so`);
    await expectRows(allCodes());

    await page.getByLabel('Tiến độ').selectOption('late');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL((url) => url.searchParams.get('timeliness') === 'late');
    await expectRows([scenario.late.code]);
    expect(await page.getByTestId('timeliness-badge').allTextContents()).toEqual(['Trễ hạn']);

    // A bookmarked filtered list opens filtered.
    await page.reload();
    await expectRows([scenario.late.code]);
    expect(await page.getByLabel('Tiến độ').inputValue()).toBe('late');

    // Back restores the unfiltered list, and the form with it.
    await page.goBack();
    await page.waitForURL(`${baseUrl}/ho-so`);
    await expectRows(allCodes());
    expect(await page.getByLabel('Tiến độ').inputValue()).toBe('');

    // An agency includes its subtree: the province holds every dossier, the commune only its own.
    const agencies = page.getByLabel('Cơ quan, đơn vị');
    const communeId = await agencies.locator('option', { hasText: 'UBND xã An Hòa' }).getAttribute('value');
    await agencies.selectOption(communeId ?? '');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL((url) => url.searchParams.get('agencyId') === communeId);
    await expectRows([scenario.overdue.code]);
    expect(await page.getByTestId('timeliness-badge').allTextContents()).toEqual(['Quá hạn']);
    const provinceId = await agencies
      .locator('option', { hasText: 'UBND tỉnh Thử Nghiệm' })
      .getAttribute('value');
    await agencies.selectOption(provinceId ?? '');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL((url) => url.searchParams.get('agencyId') === provinceId);
    await expectRows(allCodes());
  });

  it('switches to English, keeps the choice after a reload, and switches back', async () => {
    await page.goto(`${baseUrl}/ho-so?timeliness=late`);
    await expectRows([scenario.late.code]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossier list' }).waitFor();
    // <html lang> follows the switch right after the render (an effect): wait for it.
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.getByRole('columnheader', { name: 'Timeliness' }).count()).toBe(1);
    expect(await page.getByTestId('timeliness-badge').allTextContents()).toEqual(['Late']);
    expect(await page.getByTestId('dossier-total').textContent()).toContain('1 dossier found');

    await page.goto(`${baseUrl}/ho-so/${scenario.full.id}`);
    await page.locator('[data-testid="dossier-detail"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('timeline-label').allTextContents()).toEqual(
      scenario.full.eventTypes.map((type) => EN_LABELS[type]),
    );
    expect(await page.getByTestId('step-row').first().getByTestId('timeliness-badge').textContent()).toBe(
      'Late',
    );
    expect(await page.getByRole('heading', { level: 2, name: 'Timeline', exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Diễn biến xử lý' }).waitFor();
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
  });

  it('says clearly when a dossier does not exist, and shows API errors in an alert', async () => {
    await page.goto(`${baseUrl}/ho-so/H99.01-991231-9999`);
    const notFound = page.getByRole('alert');
    await notFound.waitFor();
    expect(await notFound.textContent()).toContain('Không tìm thấy hồ sơ');
    expect(await notFound.getAttribute('data-code')).toBe('DOSSIER_NOT_FOUND');

    // A reference longer than the API accepts is an unknown dossier too: the access check looks
    // the dossier up before the schema validation, and a reference it cannot find is not found.
    await page.goto(`${baseUrl}/ho-so/${'X'.repeat(81)}`);
    const tooLong = page.getByRole('alert');
    await tooLong.waitFor();
    expect(await tooLong.getAttribute('data-code')).toBe('DOSSIER_NOT_FOUND');
    expect(await tooLong.textContent()).toContain('Không tìm thấy hồ sơ');

    // Any other refusal is the server's error, shown as is: here an account that holds no role.
    await createStaffUser(server.deps, { username: 'khongvaitro' });
    const { cookie } = await signInAs(server.app, 'khongvaitro', TEST_PASSWORD);
    const other = await server.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await other.addCookies([
      { name: 'hl_session', value: cookie.slice(cookie.indexOf('=') + 1), url: baseUrl, httpOnly: true },
    ]);
    const refused = await other.newPage();
    await refused.goto(`${baseUrl}/ho-so/${scenario.full.id}`);
    const forbidden = refused.getByRole('alert');
    await forbidden.waitFor();
    expect(await forbidden.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await forbidden.textContent()).toContain('Bạn không có quyền thực hiện thao tác này.');
    // Sending the same request again cannot help: no retry button.
    expect(await forbidden.getByRole('button').count()).toBe(0);
    await other.close();

    expect(browserErrors).toEqual([]);
  });
});
