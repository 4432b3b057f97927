import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedResultView } from '#shared/public-results.view.ts';
import { testDatabaseKind } from '#test/support/db.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import {
  SCORE_SCENARIO_NOW,
  SCORE_SCENARIO_PERIOD,
  seedScoreScenario,
  type ScoreScenario,
} from './support/score-scenario.ts';
import { WEB_ROOT } from './support/browser.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/** Screenshots of end-to-end runs (git-ignored). */
const ARTIFACTS = 'test-artifacts';
/** The officials of the test catalog: no public page may name them. */
const OFFICIAL_NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
const OFFICIAL_CODES = ['CB001', 'CB002', 'CB003'];

/** Every file of the built web that the public page loads, statically or on demand (from its index.html). */
function publicBundleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const html = readFileSync(join(WEB_ROOT, 'cong-khai', 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
  while (pending.length > 0) {
    const name = pending.pop() ?? '';
    if (files.has(name)) continue;
    const text = readFileSync(join(WEB_ROOT, 'assets', name), 'utf8');
    files.set(name, text);
    if (name.endsWith('.js')) {
      for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*)["'`]\.\/([^"'`]+\.js)["'`]/g))
        pending.push(m[1] ?? '');
    }
  }
  return files;
}

/** A score as the public page writes it in Vietnamese: one decimal with a comma. */
const viScore = (value: number) => value.toFixed(1).replace('.', ',');

describe('public results at /cong-khai in Chromium, without signing in (issue 6 point 5)', () => {
  let server: E2eServer;
  let context: BrowserContext;
  let page: Page;
  let scenario: ScoreScenario;
  let published: PublishedResultView;
  const apiPaths: string[] = [];
  const browserErrors: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer({ now: () => SCORE_SCENARIO_NOW });
    scenario = await seedScoreScenario(server.deps);
    // An anonymous visitor: no session cookie is ever added to this context.
    context = await server.browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/New_York',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => browserErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        browserErrors.push(message.text());
      }
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiPaths.push(url.pathname);
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const publish = async (reason?: string) => {
    const office = await server.signInWithRole('provincial_office', null);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/results/publications',
      headers: office.headers,
      payload:
        reason === undefined ? { period: SCORE_SCENARIO_PERIOD } : { period: SCORE_SCENARIO_PERIOD, reason },
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  it('is a bundle of its own: no back-office code, no session calls', () => {
    const files = publicBundleFiles();
    expect([...files.keys()].some((name) => name.startsWith('public-'))).toBe(true);
    // ECharts is loaded on demand by the chart component.
    expect([...files.keys()].some((name) => name.startsWith('echarts-setup-'))).toBe(true);
    for (const [name, text] of files) {
      expect(name).not.toMatch(/^main-/);
      expect(text, name).not.toContain('/api/v1/auth/');
      expect(text, name).not.toContain('Điều hướng chính');
    }
  });

  it('says that nothing is published yet before the first publication', async () => {
    // Reached from the sign-in page (the back office's own page: its session check is not counted below).
    await page.goto(`${server.base}/dang-nhap`);
    await page.getByRole('link', { name: 'Xem kết quả đánh giá đã công bố (không cần đăng nhập)' }).click();
    await page.waitForURL((url) => url.pathname === '/cong-khai');
    await page.getByTestId('public-empty').waitFor();
    apiPaths.length = 0;
    await page.reload();
    await page.getByTestId('public-empty').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Chưa có kết quả nào được công bố',
    );
  });

  it('shows the published ranking with the numbers of the public API', async () => {
    await publish();
    await publish('Bổ sung phiếu đánh giá giấy nhận muộn');
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/v1/public/results/${SCORE_SCENARIO_PERIOD}`,
    });
    expect(response.statusCode).toBe(200);
    published = response.json<PublishedResultView>();
    expect(published.version).toBe(2);
    expect(published.rows.length).toBeGreaterThan(0);

    await page.goto(`${server.base}/cong-khai/`);
    await page
      .getByRole('heading', { level: 2, name: /Xếp hạng cơ quan, đơn vị — Quý 3 năm 2025/ })
      .waitFor();
    const rows = page.getByTestId('public-ranking-row');
    expect(await rows.count()).toBe(published.rows.length);
    for (const row of published.rows) {
      const cells = page.locator(`[data-testid="public-ranking-row"][data-agency-code="${row.agency.code}"]`);
      expect(await cells.locator('[data-cell="rank"]').textContent()).toBe(String(row.rank));
      expect(await cells.locator('[data-cell="agency"]').textContent()).toBe(row.agency.name);
      expect(await cells.locator('[data-cell="total"]').textContent()).toBe(viScore(row.total));
      expect(await cells.locator('[data-cell="scored"]').textContent()).toBe(`${row.scored}/9`);
      expect(await cells.locator('[data-cell="grade"]').textContent()).toBe(row.grade.label);
    }
    // The ranking chart is drawn, one bar per agency.
    await page.locator('[data-testid="public-ranking-chart"][data-state="ready"]').waitFor();
    expect(
      await page.getByTestId('public-ranking-chart-drawing').locator('svg path').count(),
    ).toBeGreaterThan(published.rows.length);
    // The scheme, the checkpoint (with the system chain's head) and the recompute line.
    expect(await page.getByTestId('public-scheme').textContent()).toContain(published.scheme.id);
    expect(await page.getByTestId('public-checkpoint').textContent()).toContain(published.checkpoint.id);
    expect(await page.getByTestId('public-checkpoint-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('public-checkpoint-download').getAttribute('href')).toBe(
      published.checkpoint.url,
    );
    expect(await page.locator('body').textContent()).toContain('hailong recompute --open-data FILE');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/public-home-${testDatabaseKind()}.png`, fullPage: true });
  });

  it('keeps the older version readable, marked "Đã có phiên bản mới hơn" with the reason of the new one', async () => {
    expect(await page.getByTestId('public-newer-version').count()).toBe(0);
    expect(await page.getByTestId('public-versions').textContent()).toContain(
      'Bổ sung phiếu đánh giá giấy nhận muộn',
    );
    await page.getByTestId('public-version').selectOption('1');
    await page.waitForURL((url) => url.searchParams.get('version') === '1');
    await page.getByTestId('public-newer-version').waitFor();
    expect(await page.getByTestId('public-newer-version').textContent()).toContain('Đã có phiên bản mới hơn');
    // A deep link to the old version loads the same page from the server.
    await page.goto(`${server.base}/cong-khai/${SCORE_SCENARIO_PERIOD}?version=1`);
    await page.getByTestId('public-newer-version').waitFor();
    await page.getByRole('link', { name: 'Xem phiên bản 2' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.getByTestId('public-ranking-row').first().waitFor();
    expect(await page.getByTestId('public-newer-version').count()).toBe(0);
  });

  it('opens an agency from the ranking: its results over time, with a chart that is drawn', async () => {
    const agency = TEST_CATALOG.department;
    const row = published.rows.find((r) => r.agency.code === agency);
    expect(row).toBeDefined();
    await page
      .locator(`[data-testid="public-ranking-row"][data-agency-code="${agency}"]`)
      .getByRole('link', { name: row?.agency.name })
      .click();
    await page.waitForURL((url) => url.pathname === `/cong-khai/co-quan/${agency}`);
    expect(await page.getByTestId('public-agency-name').textContent()).toBe(row?.agency.name);
    const chart = page.locator('[data-testid="public-agency-chart"][data-state="ready"]');
    await chart.waitFor();
    const drawing = page.getByTestId('public-agency-chart-drawing');
    const box = await drawing.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    expect(await drawing.locator('svg path').count()).toBeGreaterThan(1);
    // The indicators table: the period's total as published.
    const period = page.locator(`[data-testid="public-agency-row"][data-period="${SCORE_SCENARIO_PERIOD}"]`);
    expect(await period.locator('[data-cell="total"]').textContent()).toBe(viScore(row?.total ?? -1));

    mkdirSync(ARTIFACTS, { recursive: true });
    const kind = testDatabaseKind();
    await page.screenshot({
      path: `${ARTIFACTS}/${kind === 'pglite' ? 'public-agency.png' : `public-agency-${kind}.png`}`,
      fullPage: true,
    });

    // A deep link straight to the agency page loads from the server too.
    await page.goto(`${server.base}/cong-khai/co-quan/${agency}`);
    await page.locator('[data-testid="public-agency-chart"][data-state="ready"]').waitFor();
  });

  it('serves working open data downloads: the JSON parses, the CSV has the agency rows', async () => {
    await page.goto(`${server.base}/cong-khai`);
    await page.locator('[data-testid="public-ranking-row"], .p-error').first().waitFor();
    expect(await page.locator('.p-error').count(), await page.locator('main').innerText()).toBe(0);
    const jsonHref = await page.getByTestId('public-download-json').getAttribute('href');
    const csvHref = await page.getByTestId('public-download-csv').getAttribute('href');
    expect(jsonHref).toBe(published.downloads.json);
    expect(csvHref).toBe(published.downloads.csv);
    const files = await page.evaluate(
      async ([json, csv]) => {
        const options: RequestInit = { credentials: 'omit' };
        const [a, b] = await Promise.all([fetch(json, options), fetch(csv, options)]);
        return { json: await a.text(), jsonStatus: a.status, csv: await b.text(), csvStatus: b.status };
      },
      [jsonHref ?? '', csvHref ?? ''] as const,
    );
    expect(files.jsonStatus).toBe(200);
    expect(files.csvStatus).toBe(200);
    const openData = JSON.parse(files.json) as {
      format: string;
      version: number;
      ranking: { agency: string }[];
    };
    expect(openData.format).toBe('hailong-open-data');
    expect(openData.version).toBe(2);
    expect(openData.ranking.map((r) => r.agency).sort()).toEqual(
      published.rows.map((r) => r.agency.code).sort(),
    );
    const csvLines = files.csv.split('\r\n').filter((line) => line !== '');
    for (const row of published.rows) {
      expect(csvLines.some((line) => line.includes(`,${row.agency.code},`))).toBe(true);
    }
  });

  it('switches to English and back', async () => {
    await page.goto(`${server.base}/cong-khai`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ranking of agencies — Q3 2025' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Xếp hạng cơ quan, đơn vị — Quý 3 năm 2025' })
      .waitFor();
  });

  it('shows no personal data, calls only the public API and never signs in', async () => {
    const texts: string[] = [];
    for (const path of ['/cong-khai', `/cong-khai/co-quan/${TEST_CATALOG.department}`]) {
      await page.goto(`${server.base}${path}`);
      await page.locator('.chart[data-state="ready"]').first().waitFor();
      texts.push((await page.locator('body').textContent()) ?? '');
    }
    const personal = [
      ...OFFICIAL_NAMES,
      ...OFFICIAL_CODES,
      ...scenario.finished.map((dossier) => dossier.code),
      scenario.open.code,
    ];
    for (const text of texts) {
      for (const value of personal) expect(text).not.toContain(value);
    }
    expect(apiPaths.length).toBeGreaterThan(0);
    expect(
      apiPaths.filter(
        (path) => !path.startsWith('/api/v1/public/') && !path.startsWith('/api/v1/audit/checkpoints/'),
      ),
    ).toEqual([]);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('hl_session');
    expect(browserErrors).toEqual([]);
  });
});
