import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgencyScoresView,
  OfficialScoresView,
  Qd766View,
  SatisfactionView,
} from '#shared/score.view.ts';
import { openBackOfficePage } from './support/back-office.ts';
import {
  SCORE_SCENARIO_NOW,
  SCORE_SCENARIO_PERIOD,
  seedScoreScenario,
  type ScoreScenario,
} from './support/score-scenario.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/** Thông tư 01/2018 Điều 13, chỉ số 1: finished before the due date 2, on it 1, after it 0. */
const CS1_POINTS: Readonly<Record<string, number>> = { early: 2, on_time: 1, late: 0 };

/**
 * Điều 15 khoản 2: indicator score = sum of points / number of dossiers, rounded half up to
 * one decimal — in integer tenths, as the law's example is written by hand.
 */
function averageTenths(points: readonly number[]): number {
  const sum = points.reduce((a, b) => a + b, 0);
  return Math.floor((20 * sum + points.length) / (2 * points.length));
}

/** Điều 15 khoản 3, agencies: inclusive lower bounds 15 / 12 / 9 / 6 (of 18). */
function expectedGrade(total: number): string {
  if (total >= 15) return 'Xuất sắc';
  if (total >= 12) return 'Tốt';
  if (total >= 9) return 'Khá';
  if (total >= 6) return 'Trung bình';
  return 'Yếu';
}

/** Điều 15 khoản 3, officials: ≥ 5 → 100%, 3.5 to < 5 → 70% to < 100%, < 3.5 → below 70% (of 10). */
function expectedClass(total: number): string {
  if (total >= 5) return 'Hoàn thành 100% nhiệm vụ';
  if (total >= 3.5) return 'Hoàn thành từ 70% đến dưới 100% nhiệm vụ';
  return 'Hoàn thành dưới 70% nhiệm vụ';
}

/** Quyết định 766 classes of the total /100 (the scheme's bounds 90 / 80 / 70 / 50, not yet confirmed). */
function expectedQd766Class(total: number): string {
  if (total >= 90) return 'Xuất sắc';
  if (total >= 80) return 'Tốt';
  if (total >= 70) return 'Khá';
  if (total >= 50) return 'Trung bình';
  return 'Yếu';
}

/** Two decimals as the back office writes them in Vietnamese: "17,14", "85,71%". */
const viHundredths = (value: number) => value.toFixed(2).replace('.', ',');
const viPercent = (value: number) => `${viHundredths(value)}%`;

/** Tenths as the back office writes them: "1,3" in Vietnamese, "1.3" in English. */
const viDecimal = (tenths: number) => `${Math.floor(tenths / 10)},${tenths % 10}`;
const enDecimal = (tenths: number) => `${Math.floor(tenths / 10)}.${tenths % 10}`;

describe('back office: score tables in Chromium (Thông tư 01/2018, QĐ 766, satisfaction)', () => {
  let server: E2eServer;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let scenario: ScoreScenario;
  let cs1Tenths: number;
  let browserErrors: string[];

  beforeAll(async () => {
    server = await startE2eServer({ now: () => SCORE_SCENARIO_NOW });
    scenario = await seedScoreScenario(server.deps);
    cs1Tenths = averageTenths(scenario.finished.map((dossier) => CS1_POINTS[dossier.timeliness ?? ''] ?? -1));
    baseUrl = server.base;
    ({ context, page, errors: browserErrors } = await openBackOfficePage(server));
    // The browser lives in October 2025 too: the default period is the quarter that has just ended.
    await page.clock.setFixedTime(SCORE_SCENARIO_NOW);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const apiJson = async <T>(path: string): Promise<T> => {
    const response = await server.inject({ method: 'GET', url: path });
    expect(response.statusCode).toBe(200);
    return response.json<T>();
  };

  const finishedCodes = (): string[] => scenario.finished.map((dossier) => dossier.code).sort();

  const agencyRow = (code: string): Locator =>
    page.locator(`[data-testid="agency-score-row"][data-agency-code="${code}"]`);

  /** Waits for the drill-down and returns its dossier codes, sorted. */
  const drillCodes = async (): Promise<string[]> => {
    await page.locator('[data-testid="drill-results"][data-state="ready"]').waitFor();
    return (
      await page
        .getByTestId('drill-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''))
    ).sort();
  };

  it('built the scenario it meant to: early, on-time and late finishes in 2025-Q3', () => {
    expect(scenario.finished.map((dossier) => dossier.timeliness)).toEqual(
      scenario.finished.map((dossier) => dossier.intended),
    );
    // 2 + 2 + 1 + 0 + 1 + 2 = 8 points over 6 dossiers = 1.33… → 1.3.
    expect(cs1Tenths).toBe(13);
  });

  it('ranks the agencies of the quarter that has ended, with CS1 as computed by hand', async () => {
    await page.goto(`${baseUrl}/ho-so`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Xếp hạng', exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/diem/co-quan' && url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    await page.getByRole('heading', { level: 1, name: 'Xếp hạng cơ quan, đơn vị' }).waitFor();
    expect(await page.getByRole('link', { name: 'Xếp hạng', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.getByLabel('Năm', { exact: true }).inputValue()).toBe('2025');
    expect(await page.getByLabel('Quý', { exact: true }).inputValue()).toBe('3');
    await page.locator('[data-testid="agency-scores"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('score-summary').textContent()).toContain('Quý III/2025');

    const api = await apiJson<AgencyScoresView>(`/api/v1/scores/agencies?period=${SCORE_SCENARIO_PERIOD}`);
    const apiRow = api.rows.find((row) => row.agency.code === 'H99.01');
    expect(apiRow?.indicators.cs1.score).toBe(cs1Tenths / 10);

    const row = agencyRow('H99.01');
    expect(await row.getByRole('rowheader').textContent()).toContain('Sở Tư pháp');
    expect(await row.getByTestId('indicator-cs1').textContent()).toBe(viDecimal(cs1Tenths));
    // Received in the quarter: the six finished dossiers and the open one.
    expect(await row.getByTestId('dossiers').textContent()).toBe('7');
    // Nobody recorded feedback handling (indicator 8): not scored, shown as "–", left out of the total.
    expect(await row.getByTestId('indicator-cs8').getByTestId('score-none').count()).toBe(1);
    expect(await page.getByTestId('score-legend').textContent()).toContain('Điều 15 khoản 4');

    // Grade and rank: the thresholds of Điều 15 khoản 3 applied to the total, ties sharing a rank.
    const total = apiRow?.total ?? Number.NaN;
    expect(await row.getByTestId('grade').textContent()).toBe(expectedGrade(total));
    const rank = 1 + api.rows.filter((other) => other.total > total).length;
    expect(await row.getAttribute('data-rank')).toBe(String(rank));
    expect(await row.getByTestId('rank').textContent()).toBe(String(rank));
    expect(await row.getByTestId('total').textContent()).toContain(viDecimal(Math.round(total * 10)));
    // The step's unit took part (indicator 2): it is ranked too.
    expect(await agencyRow('H99.02').count()).toBe(1);
  });

  it('drills down from the CS1 cell to exactly the dossiers behind it', async () => {
    await agencyRow('H99.01').getByTestId('indicator-cs1').getByRole('link').click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/diem/ho-so' &&
        url.searchParams.get('subjectKind') === 'agency' &&
        url.searchParams.get('indicator') === 'cs1' &&
        url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ được chấm điểm' }).waitFor();
    expect(await drillCodes()).toEqual(finishedCodes());
    expect(await page.getByTestId('drill-total').textContent()).toContain('6 hồ sơ');
    await expect.poll(() => page.getByTestId('drill-subject-name').textContent()).toBe('Sở Tư pháp');
    expect(await page.getByTestId('drill-indicator').textContent()).toBe('CS1 · Thời gian giải quyết');
    for (const dossier of scenario.finished) {
      const cell = page.locator(
        `[data-testid="drill-row"][data-code="${dossier.code}"] [data-testid="points-cs1"]`,
      );
      expect(await cell.textContent()).toBe(String(CS1_POINTS[dossier.intended]));
    }
    // Only the late one scored 0.
    await page.getByLabel('Điểm', { exact: true }).selectOption('0');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.waitForURL((url) => url.searchParams.get('points') === '0');
    const late = scenario.finished.filter((dossier) => dossier.intended === 'late').map((d) => d.code);
    await expect.poll(drillCodes).toEqual(late);
  });

  it('opens a dossier from the drill-down and explains its score with the rule of Điều 13', async () => {
    const late = scenario.finished.find((dossier) => dossier.intended === 'late')!;
    await page.getByRole('link', { name: late.code }).click();
    await page.waitForURL(`${baseUrl}/ho-so/${late.id}`);
    const section = page.locator('[data-testid="dossier-score"][data-state="ready"]');
    await section.waitFor();
    expect(await section.getAttribute('data-scored')).toBe('true');
    expect(
      await section.getByRole('heading', { level: 2, name: 'Điểm đánh giá (Thông tư 01/2018)' }).count(),
    ).toBe(1);
    const cs1 = section.locator('[data-testid="score-row"][data-indicator="cs1"]');
    expect(await cs1.getByTestId('score-points').textContent()).toBe('0');
    expect(await cs1.textContent()).toContain('Hệ thống');
    expect(await cs1.getByTestId('score-rule').textContent()).toContain('Điều 13');
    expect((await cs1.getByTestId('score-facts').textContent())?.length ?? 0).toBeGreaterThan(0);
    expect(await section.getByTestId('score-scheme-version').textContent()).toContain('Thông tư 01/2018');

    // An open dossier is not scored: the section says so and why.
    await page.goto(`${baseUrl}/ho-so/${scenario.open.id}`);
    const open = page.locator('[data-testid="dossier-score"][data-state="ready"]');
    await open.waitFor();
    expect(await open.getAttribute('data-scored')).toBe('false');
    expect(await open.getByTestId('score-reason').textContent()).toContain('chưa được chấm điểm');
  });

  it('lists the handling official in the official table, with the same drill-down', async () => {
    await page.getByRole('link', { name: 'Cán bộ', exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === '/diem/can-bo' && url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    await page.getByRole('heading', { level: 1, name: 'Kết quả đánh giá cán bộ, công chức' }).waitFor();
    await page.locator('[data-testid="official-scores"][data-state="ready"]').waitFor();
    const api = await apiJson<OfficialScoresView>(`/api/v1/scores/officials?period=${SCORE_SCENARIO_PERIOD}`);
    const apiRow = api.rows.find((row) => row.official.code === 'CB002');
    const row = page.locator('[data-testid="official-score-row"][data-official-code="CB002"]');
    expect(await row.getByRole('rowheader').textContent()).toContain('Trần Thị Bình');
    // Indicator 1 counts for the official who finished the dossier: all six.
    expect(await row.getByTestId('indicator-cs1').textContent()).toBe(viDecimal(cs1Tenths));
    expect(await row.getByTestId('class').textContent()).toBe(expectedClass(apiRow?.total ?? Number.NaN));

    await row.getByTestId('indicator-cs1').getByRole('link').click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/diem/ho-so' &&
        url.searchParams.get('subjectKind') === 'official' &&
        url.searchParams.get('subjectId') === apiRow?.official.id,
    );
    expect(await drillCodes()).toEqual(finishedCodes());
    await expect
      .poll(() => page.getByTestId('drill-subject-name').textContent())
      .toBe('Trần Thị Bình (CB002)');
    expect(await page.getByRole('link', { name: 'Cán bộ', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('shows the QĐ 766 index: the agency total, and the 2.1 rate behind it once the row is expanded', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chỉ số 766', exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/diem/766' && url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    await page
      .getByRole('heading', { level: 1, name: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)' })
      .waitFor();
    expect(
      await page.getByRole('link', { name: 'Chỉ số 766', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await page.locator('[data-testid="qd766-scores"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('score-summary').textContent()).toContain('Quý III/2025');

    const api = await apiJson<Qd766View>(`/api/v1/scores/qd766?period=${SCORE_SCENARIO_PERIOD}`);
    const apiRow = api.rows.find((row) => row.agency.code === 'H99.01');
    if (apiRow === undefined) throw new Error('Sở Tư pháp is missing from the QĐ 766 table');
    // 2.1 by hand: of the 7 dossiers handled in the quarter, 5 finished early or on time and the
    // open one is still within time at the quarter's end (the late one is not): 6/7 = 85.71%.
    const api21 = apiRow.indicators.find((indicator) => indicator.id === '2.1');
    expect(api21).toMatchObject({ numerator: 6, denominator: 7, ratePercent: 85.71 });

    const row = page.locator('[data-testid="qd766-row"][data-agency-code="H99.01"]');
    expect(await row.getByRole('rowheader').textContent()).toContain('Sở Tư pháp');
    expect(await row.getByTestId('total').textContent()).toBe(viHundredths(apiRow.total));
    expect(await row.getByTestId('grade').textContent()).toBe(expectedQd766Class(apiRow.total));
    expect(await row.getByTestId('rank').textContent()).toBe(String(apiRow.rank));
    const group2 = apiRow.groups.find((group) => group.id === '2');
    expect(await row.getByTestId('group-2').textContent()).toBe(
      `${viHundredths(group2?.points ?? Number.NaN)}/${group2?.max}`,
    );

    // The sub-indicators open under the row (a disclosure button).
    const toggle = row.getByRole('button', { name: 'Chi tiết các chỉ số thành phần của Sở Tư pháp' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const detail = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    expect(await detail.isVisible()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await detail.getByTestId('qd766-indicators').waitFor();
    const sub21 = detail.locator('[data-testid="qd766-indicator"][data-indicator="2.1"]');
    expect(await sub21.getByTestId('rate-percent').textContent()).toBe(viPercent(api21?.ratePercent ?? 0));
    expect(await sub21.getByTestId('rate-ratio').textContent()).toBe('6/7');
    expect(await sub21.getByTestId('points').textContent()).toBe(
      `${viHundredths(api21?.points ?? Number.NaN)}/${api21?.max}`,
    );
    expect(await sub21.getByTestId('rule').textContent()).toBe(api21?.rule);
    // No data this phase: N/A, 0 points, with the scheme's doubt shown.
    const sub11 = detail.locator('[data-testid="qd766-indicator"][data-indicator="1.1"]');
    expect(await sub11.getByTestId('rate').textContent()).toBe('Chưa có dữ liệu');
    expect(await sub11.getByTestId('confidence').textContent()).toBe('chưa xác nhận');
    expect(await page.getByTestId('legend-na').textContent()).toBe(
      'Chỉ số chưa có dữ liệu được tính 0 điểm (QĐ 766, mô tả kỹ thuật: mẫu số bằng 0)',
    );
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => detail.isVisible()).toBe(false);
  });

  it('shows citizen satisfaction: the ratings that count, overall, per agency and per official', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hài lòng', exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/diem/hai-long' && url.searchParams.get('period') === SCORE_SCENARIO_PERIOD,
    );
    await page.getByRole('heading', { level: 1, name: 'Mức độ hài lòng' }).waitFor();
    await page.locator('[data-testid="satisfaction"][data-state="ready"]').waitFor();

    // The first rating of a dossier counts; the resent one is kept but not counted.
    const counted = scenario.ratings.filter((rating) => rating.counts);
    expect(scenario.ratings.length - counted.length).toBe(1);
    const levels = ['1', '2', '3', '4', '5'] as const;
    const counts = Object.fromEntries(
      levels.map((level) => [
        level,
        counted.filter((rating) => String(rating.satisfaction) === level).length,
      ]),
    );
    expect(counts).toEqual({ '1': 0, '2': 1, '3': 0, '4': 1, '5': 2 });

    const api = await apiJson<SatisfactionView>(
      `/api/v1/scores/satisfaction?period=${SCORE_SCENARIO_PERIOD}`,
    );
    expect(api.overall.total).toBe(counted.length);
    expect(api.overall.counts).toEqual(counts);
    expect(api.overall.threeLevel.counts).toEqual({ rat_hai_long: 2, hai_long: 1, chua_hai_long: 1 });

    const overall = page.getByTestId('satisfaction-overall');
    expect(await overall.getByTestId('overall-total').textContent()).toBe(String(api.overall.total));
    for (const level of levels) {
      const item = overall.locator(`[data-testid="overall-level"][data-level="${level}"]`);
      expect(await item.getByTestId('level-count').textContent()).toBe(`${api.overall.counts[level]} lượt`);
      expect(await item.getByTestId('level-share').textContent()).toBe(
        viPercent(api.overall.sharesPercent[level]),
      );
    }
    for (const level of ['rat_hai_long', 'hai_long', 'chua_hai_long'] as const) {
      const item = overall.locator(`[data-testid="overall-three-level"][data-level="${level}"]`);
      expect(await item.getByTestId('three-level-share').textContent()).toBe(
        viPercent(api.overall.threeLevel.sharesPercent[level]),
      );
    }
    // The bar has a text equivalent.
    expect(
      await overall
        .getByRole('img', { name: /Rất hài lòng: 50,00% \(2 lượt\).*Không hài lòng: 25,00% \(1 lượt\)/ })
        .count(),
    ).toBe(1);

    const apiAgency = api.agencies.find((row) => row.agency.code === 'H99.01');
    expect(apiAgency?.stats.total).toBe(counted.length);
    const agency = page.locator('[data-testid="satisfaction-agency-row"][data-agency-code="H99.01"]');
    expect(await agency.getByRole('rowheader').textContent()).toContain('Sở Tư pháp');
    expect(await agency.getByTestId('total').textContent()).toBe(String(apiAgency?.stats.total));
    for (const level of levels) {
      expect(await agency.getByTestId(`count-${level}`).textContent()).toBe(String(counts[level]));
    }
    expect(await agency.getByTestId('share-rat_hai_long').textContent()).toBe(
      viPercent(apiAgency?.stats.threeLevel.sharesPercent.rat_hai_long ?? Number.NaN),
    );

    // Each rating counts for the receiving (CB001) and the handling (CB002) official.
    for (const code of ['CB001', 'CB002']) {
      const apiOfficial = api.officials.find((row) => row.official.code === code);
      expect(apiOfficial?.stats.total).toBe(counted.length);
      const official = page.locator(
        `[data-testid="satisfaction-official-row"][data-official-code="${code}"]`,
      );
      expect(await official.getByTestId('total').textContent()).toBe(String(apiOfficial?.stats.total));
      expect(await official.getByTestId('count-5').textContent()).toBe(String(counts['5']));
    }

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Citizen satisfaction' }).waitFor();
    expect(
      await overall
        .locator('[data-testid="overall-three-level"][data-level="rat_hai_long"]')
        .getByTestId('three-level-share')
        .textContent(),
    ).toBe('50.00%');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mức độ hài lòng' }).waitFor();
  });

  it('filters by agency subtree, and writes decimals with a point in English', async () => {
    await page.goto(`${baseUrl}/diem/co-quan?period=${SCORE_SCENARIO_PERIOD}`);
    await page.locator('[data-testid="agency-scores"][data-state="ready"]').waitFor();
    const agencies = page.getByLabel('Cơ quan, đơn vị', { exact: true });
    const buildingId = await agencies.locator('option', { hasText: 'Sở Xây dựng' }).getAttribute('value');
    await agencies.selectOption(buildingId ?? '');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.waitForURL((url) => url.searchParams.get('agencyId') === buildingId);
    await page.locator('[data-testid="agency-scores"][data-state="ready"]').waitFor();
    await expect
      .poll(() =>
        page
          .getByTestId('agency-score-row')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-agency-code'))),
      )
      .toEqual(['H99.02']);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/diem/co-quan' && !url.searchParams.has('agencyId'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agency ranking' }).waitFor();
    await page.locator('[data-testid="agency-scores"][data-state="ready"]').waitFor();
    expect(await agencyRow('H99.01').getByTestId('indicator-cs1').textContent()).toBe(enDecimal(cs1Tenths));
    expect(await page.getByTestId('score-summary').textContent()).toContain('Q3 2025');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xếp hạng cơ quan, đơn vị' }).waitFor();

    expect(browserErrors).toEqual([]);
  });
});
