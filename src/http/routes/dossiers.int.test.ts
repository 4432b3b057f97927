import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail, DossierPage } from '#shared/dossier.view.ts';
import { countRows, createTestApp, type TestApp } from '#test/support/http.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';

const ALL_TABLES = ['dossier', 'dossier_event', 'dossier_step', 'dossier_supplement'] as const;

describe('dossier API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const receive = async (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers,
      payload: {
        agencyCode: TEST_CATALOG.department,
        procedureCode: TEST_CATALOG.procedure5Days,
        channel: 'in_person',
        receivedAt: '2025-03-03T10:00:00+07:00',
        officialCode: TEST_CATALOG.counterOfficial,
        ...payload,
      },
    });
  const append = async (
    ref: string,
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => t.inject({ method: 'POST', url: `/api/v1/dossiers/${ref}/events`, headers, payload });

  it('answers health', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: t.database.kind });
  });

  it('receives a dossier with a generated legal code and its due date', async () => {
    const response = await receive({});
    expect(response.statusCode).toBe(201);
    const dossier = response.json<DossierDetail>();
    expect(dossier.code).toMatch(/^H99\.01-250303-\d{4}$/);
    expect(dossier.dueDate).toBe('2025-03-10');
    expect(dossier.status).toBe('received');
    expect(dossier.events).toHaveLength(1);
    expect(dossier.receivingOfficial).toEqual({ code: TEST_CATALOG.counterOfficial, name: 'Nguyễn Văn An' });
  });

  it('numbers dossiers of the same unit and day in sequence', async () => {
    const first = (await receive({ receivedAt: '2025-04-01T08:00:00+07:00' })).json<DossierDetail>();
    const second = (await receive({ receivedAt: '2025-04-01T09:00:00+07:00' })).json<DossierDetail>();
    expect(first.code).toBe('H99.01-250401-0001');
    expect(second.code).toBe('H99.01-250401-0002');
  });

  it('runs a full lifecycle with an inter-unit step and a supplement, deriving timeliness', async () => {
    const created = (await receive({ code: 'H99.01-250303-0100' })).json<DossierDetail>();
    const stepId = '5b0c3f0e-8f5e-4a57-9c61-9d2f0b6f1a01';
    const steps: Record<string, unknown>[] = [
      { type: 'forwarded', occurredAt: '2025-03-03T11:00:00+07:00', toAgencyCode: TEST_CATALOG.department2 },
      {
        type: 'step_received',
        occurredAt: '2025-03-03T11:00:00+07:00',
        stepId,
        unitAgencyCode: TEST_CATALOG.department2,
        allottedValue: 2,
        allottedUnit: 'working_days',
        officialCode: 'CB003',
      },
      {
        type: 'supplement_requested',
        occurredAt: '2025-03-04T09:00:00+07:00',
        reason: 'Thiếu bản sao giấy tờ',
      },
      { type: 'supplement_completed', occurredAt: '2025-03-12T14:00:00+07:00' },
      { type: 'step_handed_over', occurredAt: '2025-03-13T10:00:00+07:00', stepId },
      {
        type: 'finished',
        occurredAt: '2025-03-18T10:00:00+07:00',
        officialCode: TEST_CATALOG.handlingOfficial,
      },
      { type: 'result_returned', occurredAt: '2025-03-19T08:00:00+07:00' },
    ];
    for (const step of steps) {
      const response = await append(created.code, step);
      expect(response.statusCode, response.body).toBe(201);
    }
    const detail = (
      await t.inject({ method: 'GET', url: `/api/v1/dossiers/${created.id}` })
    ).json<DossierDetail>();
    expect(detail.status).toBe('returned');
    expect(detail.dueInitialDate).toBe('2025-03-10');
    expect(detail.dueDate).toBe('2025-03-19'); // restarted after the supplement (Nghị định 61 Điều 19 khoản 4)
    expect(detail.timeliness).toBe('early');
    expect(detail.events.map((event) => event.type)).toEqual([
      'received',
      'forwarded',
      'step_received',
      'supplement_requested',
      'supplement_completed',
      'step_handed_over',
      'finished',
      'result_returned',
    ]);
    expect(detail.steps).toHaveLength(1);
    expect(detail.steps[0]).toMatchObject({
      dueDate: '2025-03-05',
      timeliness: 'late',
      unit: { code: TEST_CATALOG.department2 },
    });
    expect(detail.supplements[0]).toMatchObject({ reason: 'Thiếu bản sao giấy tờ', applicantAtFault: false });
    expect(detail.dueExplanation.join(' ')).toContain('Điều 19');
  });

  it('refuses an impossible event with 409, a stable code and a Vietnamese message, and writes nothing', async () => {
    const created = (await receive({ receivedAt: '2025-05-05T09:00:00+07:00' })).json<DossierDetail>();
    const before = await countRows(t.deps, ALL_TABLES);
    const response = await append(created.id, {
      type: 'result_returned',
      occurredAt: '2025-05-06T09:00:00+07:00',
    });
    expect(response.statusCode).toBe(409);
    const refused = response.json<{ error: { code: string; message: string } }>().error;
    expect(refused.code).toBe('EVENT_NOT_ALLOWED');
    expect(refused.message).toContain('hồ sơ');
    const outOfOrder = await append(created.id, {
      type: 'finished',
      occurredAt: '2025-05-01T09:00:00+07:00',
    });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json()).toMatchObject({ error: { code: 'EVENT_OUT_OF_ORDER' } });
    expect(await countRows(t.deps, ALL_TABLES)).toEqual(before);
  });

  it('refuses malformed input with 400 naming the field, and writes nothing', async () => {
    const before = await countRows(t.deps, ALL_TABLES);
    const cases = [
      await receive({ channel: 'pigeon' }),
      await receive({ receivedAt: '03/03/2025' }),
      await receive({ agencyCode: '' }),
      await t.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    for (const response of cases) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    expect(cases[0]?.json<{ error: { problems: { field: string }[] } }>().error.problems[0]?.field).toBe(
      'body.channel',
    );
    const unknownProcedure = await receive({ procedureCode: 'NOPE' });
    expect(unknownProcedure.statusCode).toBe(422);
    expect(unknownProcedure.json()).toMatchObject({
      error: { code: 'PROCEDURE_NOT_FOUND', problems: [{ field: 'procedureCode' }] },
    });
    const badCode = await receive({ code: 'not-a-code' });
    expect(badCode.json()).toMatchObject({ error: { code: 'DOSSIER_CODE_INVALID' } });
    const unknownEvent = await append('H99.01-250303-0100', {
      type: 'teleported',
      occurredAt: '2025-03-19T08:00:00+07:00',
    });
    expect(unknownEvent.statusCode).toBe(400);
    expect(await countRows(t.deps, ALL_TABLES)).toEqual(before);
  });

  it('is idempotent: resending the same dossier or event (id or Idempotency-Key) is a no-op', async () => {
    const headers = { 'idempotency-key': 'counter-7-req-42' };
    const first = await receive({ receivedAt: '2025-06-02T09:00:00+07:00' }, headers);
    const before = await countRows(t.deps, ALL_TABLES);
    const again = await receive({ receivedAt: '2025-06-02T09:00:00+07:00' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json<DossierDetail>().id).toBe(first.json<DossierDetail>().id);
    const code = first.json<DossierDetail>().code;
    const event = {
      id: '7d1b9a7c-3c1e-4e0a-9a55-0f1f2e3d4c5b',
      type: 'finished',
      occurredAt: '2025-06-03T09:00:00+07:00',
    };
    expect((await append(code, event)).statusCode).toBe(201);
    expect((await append(code, event)).statusCode).toBe(200);
    const keyed = { type: 'result_returned', occurredAt: '2025-06-04T09:00:00+07:00' };
    expect((await append(code, keyed, { 'idempotency-key': 'ret-1' })).statusCode).toBe(201);
    expect((await append(code, keyed, { 'idempotency-key': 'ret-1' })).statusCode).toBe(200);
    expect(await countRows(t.deps, ALL_TABLES)).toEqual({
      ...before,
      dossier_event: before.dossier_event! + 2,
    });
    const conflict = await append(code, { ...event, type: 'paid_online' });
    expect(conflict.json()).toMatchObject({ error: { code: 'EVENT_ID_CONFLICT' } });
  });

  it('allows the new date to be set once only (Nghị định 61 Điều 19 khoản 9)', async () => {
    const created = (await receive({ receivedAt: '2025-07-01T09:00:00+07:00' })).json<DossierDetail>();
    const first = await append(created.id, {
      type: 'apology_issued',
      occurredAt: '2025-07-04T09:00:00+07:00',
      reason: 'Chờ ý kiến',
      newDueDate: '2025-07-15',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json<DossierDetail>()).toMatchObject({
      dueRescheduledDate: '2025-07-15',
      isApologyLate: false,
    });
    const second = await append(created.id, {
      type: 'apology_issued',
      occurredAt: '2025-07-10T09:00:00+07:00',
      reason: 'Lần hai',
      newDueDate: '2025-07-20',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'APOLOGY_ALREADY_ISSUED' } });
  });

  it('searches by code and filters by agency subtree, status, timeliness and period', async () => {
    const list = async (query: string) =>
      (await t.inject({ method: 'GET', url: `/api/v1/dossiers?${query}` })).json<DossierPage>();
    const all = await list('pageSize=200');
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect((await list('q=250303-0100')).items.map((item) => item.code)).toEqual(['H99.01-250303-0100']);
    const agencies = (await t.inject({ method: 'GET', url: '/api/v1/agencies' })).json<
      { id: string; code: string }[]
    >();
    const province = agencies.find((agency) => agency.code === TEST_CATALOG.province)!;
    const commune = agencies.find((agency) => agency.code === TEST_CATALOG.commune)!;
    expect((await list(`agencyId=${province.id}&pageSize=200`)).total).toBe(all.total);
    expect((await list(`agencyId=${commune.id}`)).total).toBe(0);
    expect((await list('status=returned')).items.every((item) => item.status === 'returned')).toBe(true);
    expect((await list('timeliness=early')).items.map((item) => item.code)).toContain('H99.01-250303-0100');
    const april = await list('from=2025-04-01&to=2025-04-01');
    expect(april.total).toBe(2);
    const overdue = await list('timeliness=overdue&pageSize=200');
    expect(overdue.items.every((item) => item.openTimeliness === 'overdue')).toBe(true);
    const paged = await list('pageSize=2&page=2');
    expect(paged.items).toHaveLength(2);
    expect(paged.page).toBe(2);
  });

  it('does not generate a code that a sending system already used for that unit and day', async () => {
    const supplied = await receive({ code: 'H99.01-250805-0001', receivedAt: '2025-08-05T09:00:00+07:00' });
    expect(supplied.statusCode).toBe(201);
    const generated = await receive({ receivedAt: '2025-08-05T10:00:00+07:00' });
    expect(generated.statusCode, generated.body).toBe(201);
    expect(generated.json<DossierDetail>().code).toBe('H99.01-250805-0002');
  });

  it("accepts the sending system's own step references and refuses a resent event id with another time", async () => {
    const created = (await receive({ receivedAt: '2025-08-06T09:00:00+07:00' })).json<DossierDetail>();
    const opened = await append(created.id, {
      type: 'step_received',
      occurredAt: '2025-08-06T10:00:00+07:00',
      stepId: 'BUOC-1',
      unitAgencyCode: TEST_CATALOG.department2,
      allottedValue: 4,
      allottedUnit: 'hours',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const closed = await append(created.id, {
      type: 'step_handed_over',
      occurredAt: '2025-08-06T15:00:00+07:00',
      stepId: 'BUOC-1',
    });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json<DossierDetail>().steps[0]).toMatchObject({
      timeliness: 'on_time',
      handedOverAt: '2025-08-06T08:00:00.000Z',
      dueAt: '2025-08-06T08:30:00.000Z',
    });
    const event = {
      id: '0e4f7b2a-5a7e-4d0c-8f39-3b1c2d4e5f60',
      type: 'digitised',
      occurredAt: '2025-08-06T16:00:00+07:00',
      components: 2,
    };
    expect((await append(created.id, event)).statusCode).toBe(201);
    const resent = await append(created.id, { ...event, occurredAt: '2025-08-06T16:30:00+07:00' });
    expect(resent.json()).toMatchObject({ error: { code: 'EVENT_ID_CONFLICT' } });
    const farYear = await append(created.id, { type: 'finished', occurredAt: '0999-01-01T00:00:00+07:00' });
    expect(farYear.statusCode).toBe(400);
  });

  it('answers 404 with a code for an unknown dossier', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/dossiers/H99.01-990101-0001' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'DOSSIER_NOT_FOUND' } });
  });

  it('publishes an OpenAPI document with the dossier routes', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = response.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/dossiers', '/api/v1/dossiers/{ref}/events']),
    );
  });
});
