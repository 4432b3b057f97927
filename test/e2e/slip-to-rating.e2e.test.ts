import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierScoreView } from '#shared/score.view.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/** Runs a Debian tool (poppler-utils, zbar-tools); they are required here, as in CI. */
function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} is needed (apt-get install poppler-utils zbar-tools)`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Issue 4 acceptance, end to end over a real listening server: the slip PDF fetched over HTTP →
 * rendered to PNG by poppler (`pdftoppm`) → its QR decoded by an independent decoder (`zbarimg`)
 * → that URL opened in Chromium → rated → shown on the dossier page and counted in its score.
 */
describe('slip → QR → rating in Chromium, counted in the score (issue 4 acceptance)', () => {
  let server: E2eServer;
  let dir: string;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hailong-slip-e2e-'));
    server = await startE2eServer({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    ({ code } = await finishedTestDossier(server.deps));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the slip, decodes its QR, rates in the browser, and the dossier shows and counts it', async () => {
    const { browser, base } = server;
    // The counter official of the dossier's agency: prints the slip and reads its score and ratings.
    const { cookie } = await server.signInWithRole('counter_official', TEST_CATALOG.department);
    const scoreOf = async () =>
      (await (
        await fetch(`${base}/api/v1/dossiers/${encodeURIComponent(code)}/score`, { headers: { cookie } })
      ).json()) as DossierScoreView;
    const cs4 = (score: DossierScoreView) => score.indicators.find((i) => i.indicator === 'cs4');
    expect(cs4(await scoreOf())).toMatchObject({ source: 'system', citizenPoints: null });

    // 1. The slip over HTTP, as the desk prints it.
    const slip = await fetch(`${base}/api/v1/dossiers/${encodeURIComponent(code)}/slip.pdf`, {
      headers: { cookie },
    });
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toBe('application/pdf');
    const pdf = join(dir, 'slip.pdf');
    writeFileSync(pdf, Buffer.from(await slip.arrayBuffer()));

    // 2. PDF → PNG (poppler) → QR decoded (zbar), independently of our code.
    run('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'slip')]);
    const decoded = run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(dir, 'slip.png')])
      .split('\n')
      .filter((line) => line !== '');
    expect(decoded).toHaveLength(1);
    const url = decoded[0]!;
    expect(url).toMatch(new RegExp(`^${base}/r/[A-Za-z0-9_-]{44}$`));

    // 3. The citizen's phone opens that URL and rates (JavaScript on, as on most phones).
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
    const page = await phone.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('code').first().textContent()).toBe(code);
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page
      .getByRole('group', { name: /Số cơ quan, tổ chức phải liên hệ/ })
      .getByRole('radio', { name: 'Nhiều hơn một cơ quan' })
      .check();
    await page.getByLabel(/Góp ý thêm/).fill('Quét mã QR trên phiếu');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(code);
    await phone.close();

    // 4. The API lists it as the rating that counts; the score counts the citizen's answer.
    const ratings = (await (
      await fetch(`${base}/api/v1/dossiers/${encodeURIComponent(code)}/ratings`, { headers: { cookie } })
    ).json()) as { channel: string; satisfaction: number; counts: boolean; comment: string | null }[];
    expect(ratings).toEqual([
      expect.objectContaining({
        channel: 'qr',
        satisfaction: 4,
        counts: true,
        comment: 'Quét mã QR trên phiếu',
      }),
    ]);
    expect(cs4(await scoreOf())).toMatchObject({ source: 'citizen', citizenPoints: 0, points: 0 });

    // 5. The back office's dossier page shows it, counted.
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await server.signIn(office, 'counter_official', TEST_CATALOG.department);
    const dossierPage = await office.newPage();
    await dossierPage.goto(`${base}/ho-so/${encodeURIComponent(code)}`);
    const row = dossierPage.getByTestId('rating-row');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('Mã QR');
    expect(text).toContain('Được tính');
    expect(text).toContain('Hài lòng');
    await office.close();
  });
});
