import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  DEVICE_SIGNATURE_HEADER,
  deviceStreamMessage,
  type DeviceRatingBody,
} from '#shared/device-protocol.ts';

/** A counter device played by the test, with its own ECDSA P-256 key (as the kiosk page makes with WebCrypto). */
export interface TestDevice {
  publicKeyBase64: string;
  privateKey: KeyObject;
  sign(message: string): string;
  streamQuery(deviceId: string, now?: number): string;
  ratingRequest(body: DeviceRatingBody): { payload: string; headers: Record<string, string> };
}

export function makeTestDevice(): TestDevice {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signText = (message: string): string =>
    sign('sha256', Buffer.from(message), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString(
      'base64url',
    );
  return {
    publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey,
    sign: signText,
    streamQuery: (deviceId, now = Date.now()) =>
      `ts=${now}&sig=${signText(deviceStreamMessage(deviceId, now))}`,
    ratingRequest: (body) => {
      const payload = JSON.stringify(body);
      return {
        payload,
        headers: { 'content-type': 'application/json', [DEVICE_SIGNATURE_HEADER]: signText(payload) },
      };
    },
  };
}

/** Reads a server-sent-events response event by event. */
export function eventReader(response: Response): {
  next(wanted: string, timeoutMs?: number): Promise<{ data: unknown; receivedAt: number }>;
  cancel(): Promise<void>;
} {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const take = (wanted: string): unknown => {
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === wanted && data !== undefined) return JSON.parse(data);
    }
    return undefined;
  };
  return {
    async next(wanted, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = take(wanted);
        if (found !== undefined) return { data: found, receivedAt: Date.now() };
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no "${wanted}" event within ${timeoutMs} ms`)),
              Math.max(0, deadline - Date.now()),
            );
          }),
        ]).finally(() => clearTimeout(timer));
        if (chunk.done) throw new Error(`stream ended without a "${wanted}" event`);
        buffer += chunk.value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

/**
 * A one-stop desk with one counter under the test province's department, made through the catalog API
 * by whatever `app` stands for (a signed-in administrator: the catalog routes need catalog.write).
 */
export async function createTestCounter(
  app: {
    inject(options: {
      method: 'POST';
      url: string;
      payload: object;
    }): Promise<{ statusCode: number; json(): unknown }>;
  },
  agencyCode: string,
  counterCode = 'Q01',
): Promise<string> {
  // A refused request (no session, wrong role) must fail here, not as an undefined id later.
  const created = async (url: string, payload: object): Promise<unknown> => {
    const response = await app.inject({ method: 'POST', url, payload });
    if (response.statusCode !== 201 && response.statusCode !== 200)
      throw new Error(`POST ${url}: ${response.statusCode} ${JSON.stringify(response.json())}`);
    return response.json();
  };
  await created('/api/v1/desks', { agencyCode, code: 'BP1C', name: 'Bộ phận Một cửa', kind: 'desk' });
  const counter = await created('/api/v1/counters', {
    agencyCode,
    deskCode: 'BP1C',
    code: counterCode,
    name: `Quầy ${counterCode}`,
  });
  return (counter as { id: string }).id;
}
