import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIntegration } from '#app/ratings/ingest-rating.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

const NOW = Date.parse('2025-07-20T10:00:00+07:00');

describe('POST /api/v1/ingest/ratings: other channels, signed and idempotent (issue 4)', () => {
  let t: TestApp;
  let dossier: TestDossier;
  let integrationId: string;
  const keys = generateKeyPairSync('ed25519');

  const send = (
    body: object,
    options: { key?: string; timestamp?: number; idempotencyKey?: string; tamper?: boolean } = {},
  ) => {
    const raw = JSON.stringify(body);
    const timestamp = String(options.timestamp ?? NOW);
    const signature = sign(null, Buffer.from(`${timestamp}.${raw}`), keys.privateKey).toString('base64');
    return t.inject({
      method: 'POST',
      url: '/api/v1/ingest/ratings',
      headers: {
        'content-type': 'application/json',
        'x-hailong-integration': options.key ?? integrationId,
        'x-hailong-timestamp': timestamp,
        'x-hailong-signature': signature,
        'idempotency-key': options.idempotencyKey ?? 'call-1',
      },
      payload: options.tamper ? raw.replace('"satisfaction":2', '"satisfaction":5') : raw,
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ now: () => NOW });
    dossier = await finishedTestDossier(t.deps);
    integrationId = await registerIntegration(t.deps, {
      name: 'Tổng đài 1022',
      publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      channel: 'hotline',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const body = {
    dossierCode: '',
    satisfaction: 2,
    answers: { cs7: 0 },
    submittedAt: '2025-07-19T15:00:00+07:00',
  };

  it('records a signed rating under the integration channel, once per idempotency key', async () => {
    const first = await send({ ...body, dossierCode: dossier.code });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ counts: true });
    const again = await send({ ...body, dossierCode: dossier.code });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    const rows = await t.deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'hotline', satisfaction: 2, is_duplicate: false });
  });

  it('stores a second rating of the same dossier through another call as a duplicate, not counted', async () => {
    const second = await send(
      { ...body, dossierCode: dossier.code, satisfaction: 5 },
      { idempotencyKey: 'call-2' },
    );
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ counts: false });
  });

  it('refuses a tampered body, a stale timestamp, an unknown integration and a missing signature, writing nothing', async () => {
    const before = await t.deps.db.selectFrom('rating').select('id').execute();
    const cases = [
      await send({ ...body, dossierCode: dossier.code }, { tamper: true, idempotencyKey: 'x1' }),
      await send(
        { ...body, dossierCode: dossier.code },
        { timestamp: NOW - 10 * 60_000, idempotencyKey: 'x2' },
      ),
      await send(
        { ...body, dossierCode: dossier.code },
        { key: '00000000-0000-4000-8000-000000000000', idempotencyKey: 'x3' },
      ),
    ];
    for (const response of cases) {
      expect(response.statusCode, response.body).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'INTEGRATION_UNAUTHORIZED' } });
    }
    const unsigned = await t.inject({
      method: 'POST',
      url: '/api/v1/ingest/ratings',
      payload: { ...body, dossierCode: dossier.code },
    });
    expect(unsigned.statusCode).toBe(400);
    expect(await t.deps.db.selectFrom('rating').select('id').execute()).toHaveLength(before.length);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/ingest/ratings');
  });
});
