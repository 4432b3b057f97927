import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#domain/auth/actor.ts';
import { keyInPaperSlip } from '#app/ratings/key-in-paper-slip.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { createStaffUser, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { signInAs } from '#test/support/http.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('a mis-keyed paper slip corrected by two staff members on the dossier page (issue 4 point 8)', () => {
  let server: E2eServer;
  let code: string;
  let ratingId: string;

  const officialId = async (officialCode: string) =>
    (
      await server.deps.db
        .selectFrom('official')
        .select('id')
        .where('code', '=', officialCode)
        .executeTakeFirstOrThrow()
    ).id;

  /** A new account `username` with `role` over the department, linked to an official, signed in to a new browser context. */
  const staffContext = async (
    username: string,
    role: Role,
    officialCode: string,
  ): Promise<BrowserContext> => {
    const department = await server.deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department)
      .executeTakeFirstOrThrow();
    await createStaffUser(server.deps, {
      username,
      role,
      agencyId: department.id,
      officialId: await officialId(officialCode),
    });
    const session = await signInAs(server.app, username, TEST_PASSWORD);
    const context = await server.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
    });
    const value = session.cookie.slice(session.cookie.indexOf('=') + 1);
    await context.addCookies([
      { name: 'hl_session', value, url: server.base, httpOnly: true, sameSite: 'Lax' },
    ]);
    return context;
  };

  beforeAll(async () => {
    let clock = Date.parse('2025-07-20T10:00:00+07:00');
    server = await startE2eServer({ now: () => (clock += 1000) });
    ({ code } = await finishedTestDossier(server.deps, {
      officialCode: TEST_CATALOG.counterOfficial,
      finishedBy: TEST_CATALOG.handlingOfficial,
    }));
    // The slip said "no contact needed" (2 points); it was keyed in as 0.
    const keyer = await officialId(TEST_CATALOG.counterOfficial);
    ratingId = (
      await keyInPaperSlip(server.deps, {
        scanned: code,
        keyedBy: {
          userId: await createStaffUser(server.deps, { username: 'nhap-phieu', officialId: keyer }),
          officialId: keyer,
        },
        satisfaction: 2,
        answers: { cs1: 2, cs3: 0 },
        submittedAt: '2025-07-11T12:00:00+07:00',
      })
    ).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('propose → same person refused with the message → another signed-in user approves: both versions shown, the counted one marked, the score follows', async () => {
    const { deps, base } = server;
    // The focal official (KSTTHC), linked to CB001, proposes; the leader, linked to CB002, decides.
    const context = await staffContext('de-nghi', 'focal_official', TEST_CATALOG.counterOfficial);
    const page = await context.newPage();
    await page.goto(`${base}/ho-so/${encodeURIComponent(code)}`);
    const cs3Points = page.locator(
      '[data-testid="score-row"][data-indicator="cs3"] [data-testid="score-points"]',
    );
    await expect.poll(() => cs3Points.textContent()).toContain('0');

    const review = page.locator(`[data-testid="rating-review"][data-rating-id="${ratingId}"]`);
    await expect.poll(() => review.getAttribute('data-counted')).toBe('original');
    await review.getByRole('button', { name: 'Đề nghị sửa' }).click();
    const form = review.getByTestId('propose-form');
    await form.getByLabel('Mức độ hài lòng đúng').selectOption({ label: 'Hài lòng' });
    await form.getByLabel('Số lần phải liên hệ (chỉ số 3)').selectOption({ label: '2 điểm' });
    // Nobody is chosen: the form acts as the signed-in user and says so.
    expect(await form.getByTestId('acting-as').textContent()).toBe('Người đề nghị: Cán bộ de-nghi');
    expect(await form.locator('select', { hasText: 'Chọn cán bộ' }).count()).toBe(0);
    // Sent without a reason: the form says what is missing and sends nothing.
    await form.getByRole('button', { name: 'Gửi đề nghị sửa' }).click();
    await expect.poll(() => form.textContent()).toContain('Cần nêu lý do.');
    await form.getByLabel('Lý do').fill('Nhập nhầm phiếu giấy: người dân đánh dấu "Không lần nào"');
    await form.getByRole('button', { name: 'Gửi đề nghị sửa' }).click();

    const pending = review.locator('[data-testid="rating-version"][data-status="pending"]');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.textContent()).toContain('Chờ duyệt');

    expect(await pending.textContent()).toContain('Đề nghị: Cán bộ de-nghi (CB001)');
    const stored = await deps.db
      .selectFrom('rating_correction')
      .innerJoin('staff_user', 'staff_user.id', 'rating_correction.proposed_by_user_id')
      .select(['staff_user.username', 'rating_correction.proposed_by_official_id'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      username: 'de-nghi',
      proposed_by_official_id: await officialId(TEST_CATALOG.counterOfficial),
    });

    // The proposer (who may decide corrections too) tries to approve their own: refused, the message is shown.
    const decision = pending.getByTestId('decision-form');
    expect(await decision.getByTestId('acting-as').textContent()).toContain('Người duyệt: Cán bộ de-nghi');
    await decision.getByRole('button', { name: 'Duyệt' }).click();
    const refused = decision.getByRole('alert');
    await expect.poll(() => refused.textContent()).toContain('hai cán bộ khác nhau');
    expect(await refused.getAttribute('data-code')).toBe('CORRECTION_SAME_PERSON');
    expect(await review.getAttribute('data-counted')).toBe('original');
    await context.close();

    // Another person, signed in in another browser, approves.
    const leaderContext = await staffContext('duyet', 'agency_leader', TEST_CATALOG.handlingOfficial);
    const leaderPage = await leaderContext.newPage();
    await leaderPage.goto(`${base}/ho-so/${encodeURIComponent(code)}`);
    const leaderReview = leaderPage.locator(`[data-testid="rating-review"][data-rating-id="${ratingId}"]`);
    const leaderDecision = leaderReview.getByTestId('decision-form');
    await expect
      .poll(() => leaderDecision.getByTestId('acting-as').textContent())
      .toContain('Người duyệt: Cán bộ duyet');
    await leaderDecision.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => leaderReview.getAttribute('data-counted')).toMatch(/^correction:/);

    // Both versions are shown; only the approved correction is marked as counted.
    const versions = leaderReview.getByTestId('rating-version');
    expect(await versions.count()).toBe(2);
    const original = leaderReview.locator('[data-testid="rating-version"][data-version="original"]');
    expect(await original.getAttribute('data-counted')).toBe('false');
    expect(await original.textContent()).toContain('Không hài lòng');
    expect(await original.textContent()).toContain('Không tính');
    const corrected = leaderReview.locator('[data-testid="rating-version"][data-status="approved"]');
    expect(await corrected.getAttribute('data-counted')).toBe('true');
    const correctedText = await corrected.textContent();
    expect(correctedText).toContain('Bản được tính');
    expect(correctedText).toContain('Hài lòng');
    expect(correctedText).toContain('Đề nghị: Cán bộ de-nghi (CB001)');
    expect(correctedText).toContain('Người quyết định: Cán bộ duyet (CB002)');
    expect(await leaderPage.getByTestId('rating-row').getAttribute('data-counted')).toMatch(/^correction:/);
    const decided = await deps.db
      .selectFrom('rating_correction_decision')
      .innerJoin('staff_user', 'staff_user.id', 'rating_correction_decision.decided_by_user_id')
      .select(['staff_user.username', 'rating_correction_decision.decided_by_official_id'])
      .executeTakeFirstOrThrow();
    expect(decided).toEqual({
      username: 'duyet',
      decided_by_official_id: await officialId(TEST_CATALOG.handlingOfficial),
    });

    // The score of the dossier was recomputed from the corrected answers.
    await leaderPage.reload();
    const leaderCs3 = leaderPage.locator(
      '[data-testid="score-row"][data-indicator="cs3"] [data-testid="score-points"]',
    );
    await expect.poll(() => leaderCs3.textContent()).toContain('2');
    const rating = await deps.db
      .selectFrom('rating')
      .selectAll()
      .where('id', '=', ratingId)
      .executeTakeFirstOrThrow();
    expect(rating).toMatchObject({ satisfaction: 2, answers: { cs1: 2, cs3: 0 } });
    await leaderContext.close();

    // The rated official (the handling official CB002, signed in as themself) appeals; the rating is untouched.
    const appellantContext = await staffContext(
      'khieu-nai',
      'handling_official',
      TEST_CATALOG.handlingOfficial,
    );
    const appellantPage = await appellantContext.newPage();
    await appellantPage.goto(`${base}/ho-so/${encodeURIComponent(code)}`);
    const reviewAgain = appellantPage.locator(`[data-testid="rating-review"][data-rating-id="${ratingId}"]`);
    await reviewAgain.getByRole('button', { name: 'Khiếu nại đánh giá' }).click();
    const appeal = reviewAgain.getByTestId('appeal-form');
    expect(await appeal.getByTestId('acting-as').textContent()).toBe('Người khiếu nại: Cán bộ khieu-nai');
    await appeal.getByLabel('Lý do').fill('Hồ sơ được trả trước hạn, đánh giá không đúng thực tế');
    await appeal.getByRole('button', { name: 'Gửi khiếu nại' }).click();
    const appeals = reviewAgain.getByTestId('rating-appeal');
    await expect.poll(() => appeals.count()).toBe(1);
    expect(await appeals.textContent()).toContain('Khiếu nại của Cán bộ khieu-nai (CB002)');
    await appellantContext.close();
  });
});
