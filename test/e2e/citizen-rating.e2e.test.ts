import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRatingToken } from '#app/ratings/rating-tokens.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('a citizen rates a dossier on a phone, without JavaScript (issue 4)', () => {
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

  it('types the slip codes on /danh-gia, rates with the keyboard-free form, and the rating counts', async () => {
    const { deps, browser, base } = server;
    const issued = await issueRatingToken(deps, { id: dossierId });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 740 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto(`${base}/danh-gia`);
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Mã xác thực (8 ký tự)').fill(issued.verificationCode);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.url()).toContain(`/r/${issued.token}`);
    await expect.poll(() => page.locator('code').first().textContent()).toBe(code);
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page
      .getByRole('group', { name: /Số lần phải liên hệ/ })
      .getByRole('radio', { name: 'Không lần nào' })
      .check();
    await page
      .getByRole('group', { name: /phiền hà/ })
      .getByRole('radio', { name: 'Không', exact: true })
      .check();
    await page.getByLabel(/Góp ý thêm/).fill('Cán bộ hướng dẫn tận tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(code);
    const rating = await deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .executeTakeFirstOrThrow();
    expect(rating).toMatchObject({ satisfaction: 4, channel: 'qr', is_duplicate: false });
    expect(rating.answers).toMatchObject({ cs3: 2 });

    // The QR link again: the token was used once and is refused with a clear message.
    await page.goto(`${base}/r/${issued.token}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('đã được đánh giá');
    // A forged token is refused, in English on request.
    await page.goto(`${base}/r/${issued.token.slice(0, -4)}AAAA?lang=en`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');
    await context.close();
  });

  it('with JavaScript: face buttons, a spoken check of the level, capitals, a counter, one submit', async () => {
    const { deps, browser, base } = server;
    const second = await finishedTestDossier(deps, {
      receivedAt: '2025-07-08T09:00:00+07:00',
      finishedAt: '2025-07-10T09:00:00+07:00',
    });
    const issued = await issueRatingToken(deps, { id: second.id });
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    // The strict CSP (no 'unsafe-inline') must not block anything the page needs.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${base}/danh-gia`);
    await page.getByLabel('Mã hồ sơ').fill(second.code.toLowerCase());
    const typed = `${issued.verificationCode.slice(0, 4).toLowerCase()}${issued.verificationCode.slice(4)}`;
    await page.getByLabel('Mã xác thực (8 ký tự)').pressSequentially(typed);
    await expect
      .poll(() => page.getByLabel('Mã xác thực (8 ký tự)').inputValue())
      .toBe(issued.verificationCode);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.url()).toContain(`/r/${issued.token}`);

    // The five levels became large face buttons (≥ 44 px targets).
    const level = page.locator('fieldset.faces.enhanced label.choice');
    await expect.poll(() => level.count()).toBe(5);
    const box = await level.first().boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);

    // Comment counter.
    await page.getByLabel(/Góp ý thêm/).fill('Tốt');
    await expect.poll(() => page.locator('#comment-count').textContent()).toBe('Còn 997 ký tự');

    // No level chosen: the message is shown (aria-live) and nothing is sent.
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    const live = page.locator('[data-live]');
    await expect.poll(() => live.textContent()).toBe('Vui lòng chọn mức độ hài lòng.');
    expect(await live.getAttribute('aria-live')).toBe('assertive');
    expect(page.url()).toContain(`/r/${issued.token}`);
    const stored = () =>
      deps.db.selectFrom('rating').select(['satisfaction']).where('dossier_id', '=', second.id).execute();
    expect(await stored()).toEqual([]);
    // Focus went to the level, so the keyboard user is there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('satisfaction');

    // Choosing a level shows it as selected and clears the message; sending stores it once.
    await page.getByRole('radio', { name: 'Rất hài lòng' }).check();
    await expect.poll(() => page.locator('label.choice.selected').textContent()).toContain('Rất hài lòng');
    await expect.poll(() => live.textContent()).toBe('');
    const button = page.getByRole('button', { name: 'Gửi đánh giá' });
    await button.dblclick();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(second.code);
    const rows = await stored();
    expect(rows).toEqual([{ satisfaction: 5 }]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
