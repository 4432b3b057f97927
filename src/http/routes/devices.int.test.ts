import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInvitation, DeviceRatingBody } from '#shared/device-protocol.ts';
import { createTestCounter, eventReader, makeTestDevice, type TestDevice } from '#test/support/device.ts';
import { finishedTestDossier, receivedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { countRows, createTestApp, type TestApp } from '#test/support/http.ts';

describe('counter rating devices: pairing, "Mời đánh giá", signed ratings (issue 4)', () => {
  let t: TestApp;
  let base: string;
  let counterId: string;
  let device: TestDevice;
  let deviceId: string;
  const dossiers: TestDossier[] = [];

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    counterId = await createTestCounter(t, TEST_CATALOG.department);
    dossiers.push(
      await finishedTestDossier(t.deps),
      await finishedTestDossier(t.deps),
      await receivedTestDossier(t.deps),
    );
    device = makeTestDevice();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers a device to a counter and pairs it once with its one-time code', async () => {
    const unknownCounter = await t.inject({
      method: 'POST',
      url: '/api/v1/devices',
      payload: { counterId: '00000000-0000-4000-8000-000000000000', name: 'Máy tính bảng' },
    });
    expect(unknownCounter.json()).toMatchObject({ error: { code: 'COUNTER_NOT_FOUND' } });
    const registered = await t.inject({
      method: 'POST',
      url: '/api/v1/devices',
      payload: { counterId, name: 'Máy tính bảng quầy 1' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const { pairingCode, deviceId: id } = registered.json<{ pairingCode: string; deviceId: string }>();
    deviceId = id;
    expect(pairingCode).toMatch(/^[A-Z2-9]{8}$/);
    const stored = await t.deps.db.selectFrom('rating_device').selectAll().executeTakeFirstOrThrow();
    expect(stored.pairing_code_digest).not.toContain(pairingCode);

    const wrong = await t.inject({
      method: 'POST',
      url: '/api/v1/devices/pair',
      payload: { pairingCode: 'ZZZZZZZZ', publicKey: device.publicKeyBase64 },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: 'DEVICE_PAIRING_INVALID' } });
    const notP256 = await t.inject({
      method: 'POST',
      url: '/api/v1/devices/pair',
      payload: { pairingCode, publicKey: Buffer.alloc(64, 7).toString('base64') },
    });
    expect(notP256.statusCode).toBe(400);

    const paired = await t.inject({
      method: 'POST',
      url: '/api/v1/devices/pair',
      payload: { pairingCode: pairingCode.toLowerCase(), publicKey: device.publicKeyBase64 },
    });
    expect(paired.statusCode, paired.body).toBe(200);
    expect(paired.json()).toMatchObject({ deviceId, name: 'Máy tính bảng quầy 1' });
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/devices/pair',
      payload: { pairingCode, publicKey: makeTestDevice().publicKeyBase64 },
    });
    expect(again.json()).toMatchObject({ error: { code: 'DEVICE_PAIRING_INVALID' } });
    const listed = (await t.inject({ method: 'GET', url: '/api/v1/devices' })).json<{
      devices: { deviceId: string; status: string }[];
    }>();
    expect(listed.devices).toEqual([expect.objectContaining({ deviceId, status: 'paired' })]);
  });

  it('opens the event stream only with the device signature, and pushes "Mời đánh giá" to it', async () => {
    const unsigned = await fetch(`${base}/api/v1/devices/${deviceId}/events?ts=${Date.now()}&sig=AAAA`);
    expect(unsigned.status).toBe(401);
    const otherKey = await fetch(
      `${base}/api/v1/devices/${deviceId}/events?${makeTestDevice().streamQuery(deviceId, Date.parse('2025-07-20T10:00:00+07:00'))}`,
    );
    expect(otherKey.status).toBe(401);

    const stream = await fetch(
      `${base}/api/v1/devices/${deviceId}/events?${device.streamQuery(deviceId, Date.parse('2025-07-20T10:00:00+07:00'))}`,
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = eventReader(stream);
    expect((await events.next('ready')).data).toMatchObject({ deviceId });

    const notReady = await t.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossiers[2]!.code}/rating-invitations`,
      payload: { deviceId },
    });
    expect(notReady.json()).toMatchObject({ error: { code: 'RATING_NOT_READY' } });

    const invited = await t.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossiers[0]!.code}/rating-invitations`,
      payload: { deviceId },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    // The official's browser gets no token: only the device can rate.
    expect(invited.body).not.toMatch(/token/i);
    const pushed = (await events.next('invitation')).data as DeviceInvitation;
    expect(pushed).toMatchObject({
      dossierCode: dossiers[0]!.code,
      invitationId: invited.json<{ invitationId: string }>().invitationId,
    });
    expect(pushed.token.length).toBeGreaterThan(20);
    await events.cancel();
  });

  it('records a signed device rating exactly once; unsigned or wrongly signed ones change nothing', async () => {
    const stream = await fetch(
      `${base}/api/v1/devices/${deviceId}/events?${device.streamQuery(deviceId, Date.parse('2025-07-20T10:00:00+07:00'))}`,
    );
    const events = eventReader(stream);
    // Reconnecting within the minute gives the device the invitation it has not answered yet.
    const invitation = (await events.next('invitation')).data as DeviceInvitation;
    await events.cancel();
    const body: DeviceRatingBody = {
      id: 'kiosk-rating-0001',
      token: invitation.token,
      invitationId: invitation.invitationId,
      satisfaction: 5,
      cs1: 2,
      conduct: 'no',
      ratedAt: '2025-07-20T09:59:30+07:00',
    };
    const before = await countRows(t.deps, ['rating']);
    const official = makeTestDevice().ratingRequest(body);
    const forged = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      ...official,
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ error: { code: 'DEVICE_UNAUTHORIZED' } });
    const signed = device.ratingRequest(body);
    const tampered = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      headers: signed.headers,
      payload: signed.payload.replace('"satisfaction":5', '"satisfaction":1'),
    });
    expect(tampered.statusCode).toBe(401);
    expect(await countRows(t.deps, ['rating'])).toEqual(before);

    const first = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      ...signed,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ counts: true, dossierCode: dossiers[0]!.code });
    const resent = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      ...signed,
    });
    expect(resent.statusCode).toBe(200);
    const rows = await t.deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', dossiers[0]!.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'device',
      device_id: deviceId,
      invitation_id: invitation.invitationId,
      satisfaction: 5,
      answers: { cs1: 2, cs7: 2 },
      is_duplicate: false,
    });
    expect(rows[0]!.submitted_at.toISOString()).toBe('2025-07-20T02:59:30.000Z');
    // The token is spent: the QR link now refuses, and the dossier's score has the citizen's answers.
    const qr = await t.inject({ method: 'GET', url: `/r/${invitation.token}` });
    expect(qr.statusCode).toBe(409);
  });

  it('keeps a device rating of an already rated dossier as a duplicate, and refuses forged tokens', async () => {
    const issued = (
      await t.inject({ method: 'POST', url: `/api/v1/dossiers/${dossiers[1]!.code}/rating-token` })
    ).json<{ token: string }>();
    await t.inject({
      method: 'POST',
      url: `/r/${issued.token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'satisfaction=4',
    });
    const later = device.ratingRequest({
      id: 'kiosk-rating-0002',
      token: issued.token,
      satisfaction: 1,
      ratedAt: '2025-07-20T09:00:00+07:00',
    });
    const duplicate = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      ...later,
    });
    expect(duplicate.statusCode, duplicate.body).toBe(201);
    expect(duplicate.json()).toMatchObject({ counts: false });
    const forged = device.ratingRequest({
      id: 'kiosk-rating-0003',
      token: `${issued.token.slice(0, -4)}AAAA`,
      satisfaction: 5,
      ratedAt: '2025-07-20T09:00:00+07:00',
    });
    const refused = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      ...forged,
    });
    expect(refused.json()).toMatchObject({ error: { code: 'RATING_TOKEN_INVALID' } });
    const future = device.ratingRequest({
      id: 'kiosk-rating-0004',
      token: issued.token,
      satisfaction: 5,
      ratedAt: '2025-07-21T09:00:00+07:00',
    });
    expect(
      (await t.inject({ method: 'POST', url: `/api/v1/devices/${deviceId}/ratings`, ...future })).statusCode,
    ).toBe(400);
  });

  it('a revoked device can neither stream nor deliver', async () => {
    expect((await t.inject({ method: 'POST', url: `/api/v1/devices/${deviceId}/revoke` })).statusCode).toBe(
      204,
    );
    const late = device.ratingRequest({
      id: 'kiosk-rating-0005',
      token: 'x'.repeat(30),
      satisfaction: 5,
      ratedAt: '2025-07-20T09:00:00+07:00',
    });
    const refused = await t.inject({
      method: 'POST',
      url: `/api/v1/devices/${deviceId}/ratings`,
      ...late,
    });
    expect(refused.json()).toMatchObject({ error: { code: 'DEVICE_UNAUTHORIZED' } });
    const invite = await t.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossiers[1]!.code}/rating-invitations`,
      payload: { deviceId },
    });
    expect(invite.json()).toMatchObject({ error: { code: 'DEVICE_NOT_FOUND' } });
  });
});

describe('counter device pairing is rate-limited (issue 4: public endpoints)', () => {
  it('refuses the (max+1)th pairing attempt from one address with 429, pairing nothing', async () => {
    const t = await createTestApp({ publicRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const counterId = await createTestCounter(t, TEST_CATALOG.department);
      const registered = await t.inject({
        method: 'POST',
        url: '/api/v1/devices',
        payload: { counterId, name: 'Ki-ốt' },
      });
      const { pairingCode } = registered.json<{ pairingCode: string }>();
      const device = makeTestDevice();
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const guess = await t.inject({
          method: 'POST',
          url: '/api/v1/devices/pair',
          payload: { pairingCode: `GUESS${attempt}AA`, publicKey: device.publicKeyBase64 },
        });
        expect(guess.statusCode).toBe(403);
      }
      const limited = await t.inject({
        method: 'POST',
        url: '/api/v1/devices/pair',
        payload: { pairingCode, publicKey: device.publicKeyBase64 },
      });
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(limited.headers['retry-after']).toBeDefined();
      const stored = await t.deps.db
        .selectFrom('rating_device')
        .select('public_key')
        .executeTakeFirstOrThrow();
      expect(stored.public_key).toBeNull();
    } finally {
      await t.close();
    }
  });
});
