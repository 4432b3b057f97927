import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRating, type RatingInput } from '#app/ratings/record-rating.ts';
import type { IntegritySignalsView } from '#shared/integrity.view.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

/**
 * Integrity signals end to end (issue 4, point 9): each pattern is built by hand on its own day,
 * once just below its threshold and once at it, and the API is asked about that day.
 */
describe('GET /api/v1/integrity-signals', () => {
  let t: TestApp;
  const dossiers: TestDossier[] = [];
  let deviceId = '';
  let agencyId = '';

  const at = (day: string, second: number) =>
    new Date(Date.parse(`2025-07-${day}T08:00:00+07:00`) + second * 1000).toISOString();

  const rate = async (input: Partial<RatingInput> & { dossier: TestDossier; submittedAt: string }) => {
    const { dossier, ...rest } = input;
    await recordRating(t.deps, { dossierId: dossier.id, channel: 'qr', satisfaction: 4, ...rest });
  };

  /** A device rating answering an invitation made `afterSeconds` before it. */
  const rateOnDevice = async (
    dossier: TestDossier,
    submittedAt: string,
    satisfaction: 1 | 2 | 3 | 4 | 5,
    afterSeconds = 60,
  ) => {
    const invitationId = crypto.randomUUID();
    await t.deps.db
      .insertInto('rating_invitation')
      .values({
        agency_id: agencyId,
        id: invitationId,
        device_id: deviceId,
        dossier_id: dossier.id,
        invited_at: new Date(Date.parse(submittedAt) - afterSeconds * 1000),
      })
      .execute();
    await rate({ dossier, submittedAt, satisfaction, channel: 'device', deviceId, invitationId });
  };

  const signals = async (day: string) => {
    const response = await t.inject({
      method: 'GET',
      url: `/api/v1/integrity-signals?from=2025-07-${day}&to=2025-07-${day}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<IntegritySignalsView>();
  };

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-31T10:00:00+07:00') });
    for (let index = 0; index < 24; index += 1) {
      dossiers.push(
        await finishedTestDossier(t.deps, {
          receivedAt: '2025-07-01T09:00:00+07:00',
          finishedAt: '2025-07-03T09:00:00+07:00',
        }),
      );
    }
    agencyId = dossiers[0]!.agencyId;
    await t.inject({
      method: 'POST',
      url: '/api/v1/desks',
      payload: { agencyCode: TEST_CATALOG.department, code: 'BP1', name: 'Bộ phận Một cửa' },
    });
    await t.inject({
      method: 'POST',
      url: '/api/v1/counters',
      payload: { agencyCode: TEST_CATALOG.department, deskCode: 'BP1', code: 'Q1', name: 'Quầy 1' },
    });
    const counter = await t.deps.db
      .selectFrom('counter')
      .select('id')
      .where('code', '=', 'Q1')
      .executeTakeFirstOrThrow();
    deviceId = crypto.randomUUID();
    await t.deps.db
      .insertInto('rating_device')
      .values({ agency_id: agencyId, id: deviceId, counter_id: counter.id, name: 'Máy đánh giá quầy 1' })
      .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every kind with zero on a quiet day', async () => {
    const view = await signals('20');
    expect(view.signals).toEqual([]);
    expect(view.summary.map((row) => [row.kind, row.signals])).toContainEqual(['staff_network', 0]);
    expect(view.thresholds).toMatchObject({ topStreak: 20, sharedNetworkPerDay: 10, fastSeconds: 5 });
  });

  it('shows ratings from a staff network, and one network below the shared-network threshold is quiet', async () => {
    for (let index = 0; index < 2; index += 1)
      await rate({
        dossier: dossiers[index]!,
        submittedAt: at('10', index * 60),
        origin: { network: 'staffnet', staffNetwork: true },
      });
    for (let index = 0; index < 9; index += 1)
      await rate({
        dossier: dossiers[2 + index]!,
        submittedAt: at('10', 600 + index * 60),
        origin: { network: 'netA' },
      });
    const view = await signals('10');
    expect(view.signals.map((s) => [s.kind, s.count])).toEqual([['staff_network', 2]]);
    const staff = view.signals[0]!;
    expect(staff.agency).toMatchObject({ code: TEST_CATALOG.department });
    expect(staff.ratings.map((r) => r.dossierCode)).toEqual([dossiers[0]!.code, dossiers[1]!.code]);
  });

  it('shows one network reaching the threshold on one day', async () => {
    for (let index = 0; index < 10; index += 1)
      await rate({
        dossier: dossiers[index]!,
        submittedAt: at('11', index * 60),
        origin: { network: 'netB' },
      });
    const view = await signals('11');
    expect(view.signals.map((s) => [s.kind, s.count, s.network, s.day])).toEqual([
      ['shared_network', 10, 'netB', '2025-07-11'],
    ]);
  });

  it('shows a streak of 20 top ratings from one device, not 19', async () => {
    for (let index = 0; index < 19; index += 1)
      await rateOnDevice(dossiers[index]!, at('14', index * 120), 5);
    await rateOnDevice(dossiers[19]!, at('14', 19 * 120), 4);
    expect((await signals('14')).signals).toEqual([]);
    for (let index = 0; index < 20; index += 1)
      await rateOnDevice(dossiers[index]!, at('15', index * 120), 5);
    const view = await signals('15');
    expect(view.signals.map((s) => [s.kind, s.count])).toEqual([['top_streak', 20]]);
    expect(view.signals[0]).toMatchObject({
      device: { id: deviceId, name: 'Máy đánh giá quầy 1' },
      counter: { code: 'Q1', name: 'Quầy 1', deskName: 'Bộ phận Một cửa' },
    });
  });

  it('shows a device rating seconds after the invitation, not one after 5 seconds', async () => {
    await rateOnDevice(dossiers[0]!, at('16', 0), 4, 3);
    await rateOnDevice(dossiers[1]!, at('16', 600), 4, 5);
    const view = await signals('16');
    expect(view.signals.map((s) => [s.kind, s.count, s.breakdown])).toEqual([
      ['fast_device_rating', 1, { after_invitation: 1 }],
    ]);
    expect(view.signals[0]!.ratings[0]!.dossierCode).toBe(dossiers[0]!.code);
  });

  it("counts citizen answers that contradict the system's timeliness, with their share", async () => {
    // Both dossiers were finished early (2 of 5 working days): the system gives indicator 1 two points.
    await rate({ dossier: dossiers[22]!, submittedAt: at('17', 0), answers: { cs1: 0 } });
    await rate({ dossier: dossiers[23]!, submittedAt: at('17', 60), answers: { cs1: 2 } });
    const view = await signals('17');
    expect(view.signals.map((s) => [s.kind, s.count, s.total, s.sharePercent, s.breakdown])).toEqual([
      ['answer_disagreement', 1, 2, 50, { cs1: 1 }],
    ]);
    expect(view.signals[0]!.ratings.map((r) => r.dossierCode)).toEqual([dossiers[22]!.code]);
  });

  it('limits to an agency subtree', async () => {
    const other = await t.deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department2)
      .executeTakeFirstOrThrow();
    const response = await t.inject({
      method: 'GET',
      url: `/api/v1/integrity-signals?from=2025-07-01&to=2025-07-31&agencyId=${other.id}`,
    });
    expect(response.json<IntegritySignalsView>().signals).toEqual([]);
    const all = await t.inject({
      method: 'GET',
      url: '/api/v1/integrity-signals?from=2025-07-01&to=2025-07-31',
    });
    expect(all.json<IntegritySignalsView>().signals.length).toBeGreaterThan(0);
  });

  it('refuses a reversed or too long period and a malformed date, in Vietnamese', async () => {
    const reversed = await t.inject({
      method: 'GET',
      url: '/api/v1/integrity-signals?from=2025-07-10&to=2025-07-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', problems: [{ field: 'to' }] },
    });
    const long = await t.inject({
      method: 'GET',
      url: '/api/v1/integrity-signals?from=2024-01-01&to=2025-07-01',
    });
    expect(long.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const bad = await t.inject({
      method: 'GET',
      url: '/api/v1/integrity-signals?from=2025-13-01&to=2025-07-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(doc.paths).toHaveProperty('/api/v1/integrity-signals');
  });
});
