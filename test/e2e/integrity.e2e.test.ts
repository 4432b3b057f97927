import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRating } from '#app/ratings/record-rating.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

describe('the integrity signals page shows faked-looking ratings and leads to their dossiers (issue 4, point 9)', () => {
  let server: E2eServer;
  const dossiers: TestDossier[] = [];

  beforeAll(async () => {
    server = await startE2eServer({ now: () => Date.parse('2025-07-31T10:00:00+07:00') });
    const { deps } = server;
    for (let index = 0; index < 22; index += 1) {
      dossiers.push(
        await finishedTestDossier(deps, {
          receivedAt: '2025-07-01T09:00:00+07:00',
          finishedAt: '2025-07-03T09:00:00+07:00',
        }),
      );
    }
    const agencyId = dossiers[0]!.agencyId;
    const deskId = crypto.randomUUID();
    const counterId = crypto.randomUUID();
    const deviceId = crypto.randomUUID();
    await deps.db
      .insertInto('desk')
      .values({ id: deskId, agency_id: agencyId, code: 'BP1', name: 'Bộ phận Một cửa Sở' })
      .execute();
    await deps.db
      .insertInto('counter')
      .values({ id: counterId, desk_id: deskId, code: 'Q1', name: 'Quầy 1' })
      .execute();
    await deps.db
      .insertInto('rating_device')
      .values({ agency_id: agencyId, id: deviceId, counter_id: counterId, name: 'Máy đánh giá quầy 1' })
      .execute();
    // Twenty "Rất hài lòng" in a row on the counter device, each a minute after its invitation.
    for (let index = 0; index < 20; index += 1) {
      const submitted = Date.parse('2025-07-15T08:00:00+07:00') + index * 600_000;
      const invitationId = crypto.randomUUID();
      await deps.db
        .insertInto('rating_invitation')
        .values({
          agency_id: agencyId,
          id: invitationId,
          device_id: deviceId,
          dossier_id: dossiers[index]!.id,
          invited_at: new Date(submitted - 60_000),
        })
        .execute();
      await recordRating(deps, {
        dossierId: dossiers[index]!.id,
        channel: 'device',
        satisfaction: 5,
        submittedAt: new Date(submitted).toISOString(),
        deviceId,
        invitationId,
      });
    }
    // Two ratings sent from inside the agency's own network.
    for (const index of [20, 21]) {
      await recordRating(deps, {
        dossierId: dossiers[index]!.id,
        channel: 'qr',
        satisfaction: 5,
        submittedAt: `2025-07-16T1${index - 20}:00:00+07:00`,
        origin: { network: 'staffnet', staffNetwork: true },
      });
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts the streak and the staff-network ratings, and a dossier link opens the dossier', async () => {
    const { browser, base } = server;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await server.signIn(context);
    const page = await context.newPage();
    await page.goto(`${base}/diem/hai-long`);
    await page.getByRole('link', { name: 'Bất thường' }).click();
    await expect.poll(() => page.url()).toContain('/tin-hieu-toan-ven');
    // The period picker: July 2025.
    await page.getByLabel('Từ ngày').fill('2025-07-01');
    await page.getByLabel('Đến ngày').fill('2025-07-31');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect.poll(() => page.url()).toContain('from=2025-07-01&to=2025-07-31');
    await expect.poll(() => page.getByTestId('integrity').getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dấu hiệu bất thường');

    const summaryRow = (kind: string) =>
      page.locator(`[data-testid="integrity-summary-row"][data-kind="${kind}"]`);
    expect(await summaryRow('top_streak').getByTestId('summary-signals').textContent()).toBe('1');
    expect(await summaryRow('top_streak').getByTestId('summary-ratings').textContent()).toBe('20');
    expect(await summaryRow('staff_network').getByTestId('summary-ratings').textContent()).toBe('2');
    expect(await summaryRow('shared_network').getByTestId('summary-signals').textContent()).toBe('0');

    const streak = page.locator('[data-testid="integrity-kind"][data-kind="top_streak"]');
    expect(await streak.getByTestId('signal-count').textContent()).toBe('20');
    const streakWhere = await streak.getByTestId('integrity-signal').textContent();
    expect(streakWhere).toContain('Máy: Máy đánh giá quầy 1');
    expect(streakWhere).toContain('Quầy: Quầy 1');
    const staff = page.locator('[data-testid="integrity-kind"][data-kind="staff_network"]');
    expect(await staff.getByTestId('signal-count').textContent()).toBe('2');
    expect(await staff.getByRole('rowheader').textContent()).toContain('Sở Tư pháp');

    await staff.getByText('Xem 2 hồ sơ').click();
    const link = staff.getByRole('link', { name: dossiers[20]!.code });
    await link.click();
    await expect.poll(() => page.url()).toContain(`/ho-so/${dossiers[20]!.id}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(dossiers[20]!.code);

    // English labels.
    await page.goBack();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Integrity signals');
    await context.close();
  });
});
