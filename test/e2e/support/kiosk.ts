import type { Page } from 'playwright-core';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { receiveDossier } from '#app/dossiers/receive-dossier.ts';
import type { AppDeps } from '#app/deps.ts';
import { registerRatingDevice } from '#app/devices/register-rating-device.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';

/** A dossier whose result is out (rateable), received and finished a few days before `now`. */
export async function finishedDossier(deps: AppDeps): Promise<{ id: string; code: string }> {
  const received = await receiveDossier(
    deps,
    {
      agencyCode: TEST_CATALOG.department,
      procedureCode: TEST_CATALOG.procedure5Days,
      channel: 'in_person',
      receivedAt: '2025-07-07T09:00:00+07:00',
    },
    'api',
  );
  await appendDossierEvent(
    deps,
    { id: received.dossierId },
    { type: 'finished', occurredAt: '2025-07-09T09:00:00+07:00' },
    'api',
  );
  return { id: received.dossierId, code: received.code };
}

/** A counter with a registered device; returns the device id and its one-time pairing code. */
export async function registeredDevice(
  deps: AppDeps,
  counterId: string,
): Promise<{ deviceId: string; pairingCode: string }> {
  const device = await registerRatingDevice(deps, { counterId, name: 'Máy tính bảng' });
  return { deviceId: device.deviceId, pairingCode: device.pairingCode };
}

/** Opens the kiosk page and pairs it with the code, as the administrator does on the tablet. */
export async function pairKiosk(page: Page, base: string, pairingCode: string): Promise<void> {
  await page.goto(`${base}/quay/`);
  await page.getByLabel(/Mã ghép nối/).fill(pairingCode);
  await page.getByRole('button', { name: 'Ghép nối' }).click();
  await page.locator('[data-screen="idle"]').waitFor();
  await page.locator('[data-connection="online"]').waitFor();
}
