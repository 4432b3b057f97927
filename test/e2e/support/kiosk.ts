import type { Page } from 'playwright-core';
import type { AppDeps } from '#app/deps.ts';
import { registerRatingDevice } from '#app/devices/register-rating-device.ts';

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
