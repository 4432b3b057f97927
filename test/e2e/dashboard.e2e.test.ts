import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '#shared/dashboard.view.ts';
import { testDatabaseKind } from '#test/support/db.ts';
import { openBackOfficePage } from './support/back-office.ts';
import {
  SCORE_SCENARIO_NOW,
  SCORE_SCENARIO_PERIOD,
  seedScoreScenario,
  type ScoreScenario,
} from './support/score-scenario.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/** Screenshots of end-to-end runs (git-ignored). */
const ARTIFACTS = 'test-artifacts';
/** The colour of the ranking's bars (dashboard-charts.ts). */
const RANK_COLOR = '#0a58a8';

/** The bars of a chart drawn in `color` (ECharts writes the fill as given or as rgb()). */
function bars(chart: Locator, color: string): Locator {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
  return chart.locator(`svg path[fill="${color}"], svg path[fill="rgb(${r},${g},${b})"]`);
}

describe('back office: the dashboard in Chromium — charts, live within 2 s, drill-down to a score explanation', () => {
  let server: E2eServer;
  let context: BrowserContext;
  let page: Page;
  let scenario: ScoreScenario;
  let browserErrors: string[];

  beforeAll(async () => {
    server = await startE2eServer({ now: () => SCORE_SCENARIO_NOW });
    scenario = await seedScoreScenario(server.deps);
    // The browser keeps its real clock (charts animate with it): the period is picked on the page.
    ({ context, page, errors: browserErrors } = await openBackOfficePage(server));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const dashboardApi = async (): Promise<DashboardView> => {
    const response = await server.inject({
      method: 'GET',
      url: `/api/v1/dashboard?period=${SCORE_SCENARIO_PERIOD}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DashboardView>();
  };

  it('draws every chart of the quarter that has ended, with the API numbers', async () => {
    await page.goto(`${server.base}/ho-so`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tổng quan', exact: true })
      .click();
    // The default period is written into the address at once (a bookmark keeps it).
    await page.waitForURL((url) => url.pathname === '/tong-quan' && url.searchParams.has('period'));
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await page.getByLabel('Năm', { exact: true }).selectOption('2025');
    await page.getByLabel('Quý', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/tong-quan' && url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    expect(
      await page.getByRole('link', { name: 'Tổng quan', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor();

    const api = await dashboardApi();
    // Scenario: five ratings submitted in 2025-Q3, one of them a resent duplicate.
    expect(api.ratings).toMatchObject({ received: 5, counting: 4 });
    const summary = page.getByTestId('ratings-received');
    expect(await summary.getAttribute('data-count')).toBe('5');
    expect(await summary.textContent()).toContain('5 lượt đánh giá đã nhận');

    for (const chart of ['trend', 'satisfaction', 'ranking', 'heatmap', 'integrity']) {
      const figure = page.locator(`[data-testid="${chart}-chart"][data-state="ready"]`);
      await figure.waitFor();
      const drawing = page.getByTestId(`${chart}-chart-drawing`);
      expect(await drawing.getAttribute('role')).toBe('img');
      expect((await drawing.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(10);
      // An SVG of the drawing's size with shapes in it (bars, cells, axes).
      const svg = drawing.locator('svg');
      await svg.waitFor();
      const box = await svg.boundingBox();
      expect(box?.width ?? 0, chart).toBeGreaterThan(200);
      expect(box?.height ?? 0, chart).toBeGreaterThan(100);
      expect(await drawing.locator('svg path').count(), chart).toBeGreaterThan(3);
    }
    // The trend's table says what the bars say: six finished dossiers, 2 + 2 in July/August early…
    const finished = api.timeliness.reduce((sum, month) => sum + month.early + month.onTime + month.late, 0);
    expect(finished).toBe(scenario.finished.length);
    const trendRows = await page
      .getByTestId('trend-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-month')));
    expect(trendRows).toEqual(['2025-07', '2025-08', '2025-09']);
    // One bar per agency in the ranking, one text row each in its table.
    const rankingRows = page.getByTestId('ranking-table').locator('tbody tr');
    expect(await rankingRows.count()).toBe(api.agencies.length);
    expect(await bars(page.getByTestId('ranking-chart-drawing'), RANK_COLOR).count()).toBe(
      api.agencies.length,
    );
  });

  it('shows a rating recorded through the API within 2 seconds, without reloading', async () => {
    await page.locator('[data-testid="live-status"][data-live="live"]').waitFor();
    const level5 = page.getByTestId('satisfaction-table').locator('tr[data-level="5"] td').first();
    expect(await level5.textContent()).toBe('2');
    // A paper slip of the fifth finished dossier (not rated yet), keyed by the focal official.
    const dossier = scenario.finished[4]!;
    expect(scenario.ratings.some((rating) => rating.dossierId === dossier.id)).toBe(false);
    const keyed = await server.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: { scanned: dossier.code, satisfaction: 5, submittedAt: '2025-08-20T10:00:00+07:00' },
    });
    expect(keyed.statusCode, keyed.body).toBe(201);
    await page.locator('[data-testid="ratings-received"][data-count="6"]').waitFor({ timeout: 2000 });
    expect(await level5.textContent()).toBe('3');
    expect(await page.getByTestId('dashboard').getAttribute('data-state')).toBe('ready');
    // The picture after the charts' update animation (about half a second) has ended.
    await page.waitForTimeout(1000);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-${testDatabaseKind()}.png`, fullPage: true });
  });

  it('drills down by clicks: ranking → agency → official → dossier → its score explanation', async () => {
    const api = await dashboardApi();
    const justice = api.agencies.find((row) => row.agency.code === 'H99.01')!;
    // Click the bar of Sở Tư pháp: the one level with its name on the axis.
    const drawing = page.getByTestId('ranking-chart-drawing');
    await drawing.scrollIntoViewIfNeeded();
    const label = drawing.locator('svg text', { hasText: 'Sở Tư pháp' }).first();
    const labelBox = (await label.boundingBox())!;
    const candidates = bars(drawing, RANK_COLOR);
    const boxes = await Promise.all(
      Array.from({ length: await candidates.count() }, (_, index) => candidates.nth(index).boundingBox()),
    );
    const middle = (box: { y: number; height: number }) => box.y + box.height / 2;
    const bar = boxes
      .filter((box) => box !== null)
      .sort((a, b) => Math.abs(middle(a) - middle(labelBox)) - Math.abs(middle(b) - middle(labelBox)))[0]!;
    await page.mouse.click(bar.x + bar.width / 2, middle(bar));

    // The agency: its officials in the official table of its subtree.
    await page.waitForURL(
      (url) =>
        url.pathname === '/diem/can-bo' &&
        url.searchParams.get('agencyId') === justice.agency.id &&
        url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    await page.locator('[data-testid="official-scores"][data-state="ready"]').waitFor();
    expect(await page.getByLabel('Cơ quan, đơn vị', { exact: true }).inputValue()).toBe(justice.agency.id);
    const agencies = await page
      .getByTestId('official-score-row')
      .locator('.cell--agency')
      .evaluateAll((cells) => [...new Set(cells.map((cell) => cell.textContent?.trim()))]);
    expect(agencies).toEqual(['Sở Tư pháp']);

    // The official: every scored dossier they handled in the period.
    await page
      .locator('[data-testid="official-score-row"][data-official-code="CB002"]')
      .getByTestId('official-dossiers-link')
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/diem/ho-so' && url.searchParams.get('subjectKind') === 'official',
    );
    await page.locator('[data-testid="drill-results"][data-state="ready"]').waitFor();
    const codes = await page
      .getByTestId('drill-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
    expect(codes.sort()).toEqual(scenario.finished.map((dossier) => dossier.code).sort());

    // The dossier, and the explanation of its score.
    const late = scenario.finished.find((dossier) => dossier.timeliness === 'late')!;
    await page
      .locator(`[data-testid="drill-row"][data-code="${late.code}"]`)
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === `/ho-so/${late.id}`);
    await page.locator('[data-testid="dossier-score"][data-state="ready"]').waitFor();
    const cs1 = page.locator('[data-testid="score-row"][data-indicator="cs1"]');
    expect(await cs1.getByTestId('score-points').textContent()).toBe('0');
    expect(await cs1.getByTestId('score-rule').textContent()).toContain('Điều 13');
    expect(browserErrors).toEqual([]);
  });
});
