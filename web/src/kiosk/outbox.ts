import { DEVICE_SIGNATURE_HEADER, type DeviceRatingBody } from '#shared/device-protocol.ts';
import { signText } from './device-key.ts';
import { idb, STORES } from './idb.ts';

/** A rating signed on the device and kept until the server has it. */
export interface OutboxItem {
  id: string;
  deviceId: string;
  payload: string;
  signature: string;
  keptAt: string;
}

/** A rating the server refused for good (e.g. a forged QR), kept on the device with the reason. */
export interface RefusedItem extends OutboxItem {
  code: string;
  message: string;
}

/**
 * Signs the rating and writes it to the outbox before anything else: the citizen is thanked
 * only once it is on the device's disk; delivery comes after, now or when the server is back.
 */
export async function keepRating(
  deviceId: string,
  privateKey: CryptoKey,
  body: DeviceRatingBody,
): Promise<void> {
  const payload = JSON.stringify(body);
  const item: OutboxItem = {
    id: body.id,
    deviceId,
    payload,
    signature: await signText(privateKey, payload),
    keptAt: new Date().toISOString(),
  };
  await idb.put(STORES.outbox, item);
}

export function waitingCount(): Promise<number> {
  return idb.count(STORES.outbox);
}

type Outcome = 'delivered' | 'refused' | 'retry';

async function deliverOne(item: OutboxItem): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/devices/${item.deviceId}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEVICE_SIGNATURE_HEADER]: item.signature },
      body: item.payload,
    });
  } catch {
    return 'retry';
  }
  if (response.ok) {
    await idb.delete(STORES.outbox, item.id);
    return 'delivered';
  }
  // Server trouble, rate limiting, or this device not (yet) recognised: keep it and try again later.
  if (response.status >= 500 || response.status === 429 || response.status === 401 || response.status === 408)
    return 'retry';
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  await idb.put(STORES.refused, {
    ...item,
    code: body?.error?.code ?? String(response.status),
    message: body?.error?.message ?? response.statusText,
  } satisfies RefusedItem);
  await idb.delete(STORES.outbox, item.id);
  return 'refused';
}

let delivering: Promise<void> | null = null;

/**
 * Sends what the outbox holds, oldest first, stopping at the first network failure. The
 * server recognises each rating by its id, so a rating sent twice (e.g. the answer was lost
 * on the way back) is stored once: delivery is exactly once.
 */
export function deliverOutbox(): Promise<void> {
  delivering ??= (async () => {
    try {
      const items = (await idb.all<OutboxItem>(STORES.outbox)).sort((a, b) =>
        a.keptAt.localeCompare(b.keptAt),
      );
      for (const item of items) {
        if ((await deliverOne(item)) === 'retry') break;
      }
    } finally {
      delivering = null;
    }
  })();
  return delivering;
}
