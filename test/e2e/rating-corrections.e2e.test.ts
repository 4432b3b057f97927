import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyInPaperSlip } from '#app/ratings/key-in-paper-slip.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('a mis-keyed paper slip corrected by two staff members on the dossier page (issue 4 point 8)', () => {
  let server: E2eServer;
  let code: string;
  let ratingId: string;

  beforeAll(async () => {
    let clock = Date.parse('2025-07-20T10:00:00+07:00');
    server = await startE2eServer({ now: () => (clock += 1000) });
    ({ code } = await finishedTestDossier(server.deps, {
      officialCode: TEST_CATALOG.counterOfficial,
      finishedBy: TEST_CATALOG.handlingOfficial,
    }));
    // The slip said "no contact needed" (2 points); it was keyed in as 0.
    ratingId = (
      await keyInPaperSlip(server.deps, {
        scanned: code,
        keyedByOfficialCode: TEST_CATALOG.counterOfficial,
        satisfaction: 2,
        answers: { cs1: 2, cs3: 0 },
        submittedAt: '2025-07-11T12:00:00+07:00',
      })
    ).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('propose → same person refused with the message → another approves: both versions shown, the counted one marked, the score follows', async () => {
    const { deps, browser, base } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
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
    // Sent without a reason: the form says what is missing and sends nothing.
    await form.getByLabel('Cán bộ đề nghị').selectOption({ label: 'Nguyễn Văn An (CB001)' });
    await form.getByRole('button', { name: 'Gửi đề nghị sửa' }).click();
    await expect.poll(() => form.textContent()).toContain('Cần nêu lý do.');
    await form.getByLabel('Lý do').fill('Nhập nhầm phiếu giấy: người dân đánh dấu "Không lần nào"');
    await form.getByRole('button', { name: 'Gửi đề nghị sửa' }).click();

    const pending = review.locator('[data-testid="rating-version"][data-status="pending"]');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.textContent()).toContain('Chờ duyệt');

    // The proposer tries to approve their own correction: refused, the message is shown.
    const decision = pending.getByTestId('decision-form');
    await decision
      .getByLabel('Cán bộ duyệt (khác người đề nghị)')
      .selectOption({ label: 'Nguyễn Văn An (CB001)' });
    await decision.getByRole('button', { name: 'Duyệt' }).click();
    const refused = decision.getByRole('alert');
    await expect.poll(() => refused.textContent()).toContain('hai cán bộ khác nhau');
    expect(await refused.getAttribute('data-code')).toBe('CORRECTION_SAME_PERSON');
    expect(await review.getAttribute('data-counted')).toBe('original');

    await decision
      .getByLabel('Cán bộ duyệt (khác người đề nghị)')
      .selectOption({ label: 'Trần Thị Bình (CB002)' });
    await decision.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => review.getAttribute('data-counted')).toMatch(/^correction:/);

    // Both versions are shown; only the approved correction is marked as counted.
    const versions = review.getByTestId('rating-version');
    expect(await versions.count()).toBe(2);
    const original = review.locator('[data-testid="rating-version"][data-version="original"]');
    expect(await original.getAttribute('data-counted')).toBe('false');
    expect(await original.textContent()).toContain('Không hài lòng');
    expect(await original.textContent()).toContain('Không tính');
    const corrected = review.locator('[data-testid="rating-version"][data-status="approved"]');
    expect(await corrected.getAttribute('data-counted')).toBe('true');
    const correctedText = await corrected.textContent();
    expect(correctedText).toContain('Bản được tính');
    expect(correctedText).toContain('Hài lòng');
    expect(correctedText).toContain('Trần Thị Bình (CB002)');
    expect(await page.getByTestId('rating-row').getAttribute('data-counted')).toMatch(/^correction:/);

    // The score of the dossier was recomputed from the corrected answers.
    await page.reload();
    await expect.poll(() => cs3Points.textContent()).toContain('2');
    const stored = await deps.db
      .selectFrom('rating')
      .selectAll()
      .where('id', '=', ratingId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ satisfaction: 2, answers: { cs1: 2, cs3: 0 } });

    // The rated official appeals; the appeal is listed, the rating is untouched.
    const reviewAgain = page.locator(`[data-testid="rating-review"][data-rating-id="${ratingId}"]`);
    await reviewAgain.getByRole('button', { name: 'Khiếu nại đánh giá' }).click();
    const appeal = reviewAgain.getByTestId('appeal-form');
    await appeal.getByLabel('Cán bộ khiếu nại').selectOption({ label: 'Trần Thị Bình (CB002)' });
    await appeal.getByLabel('Lý do').fill('Hồ sơ được trả trước hạn, đánh giá không đúng thực tế');
    await appeal.getByRole('button', { name: 'Gửi khiếu nại' }).click();
    const appeals = reviewAgain.getByTestId('rating-appeal');
    await expect.poll(() => appeals.count()).toBe(1);
    expect(await appeals.textContent()).toContain('Khiếu nại của Trần Thị Bình (CB002)');
    await context.close();
  });
});
