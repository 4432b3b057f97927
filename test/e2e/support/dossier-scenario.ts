import { randomUUID } from 'node:crypto';
import type { AppDeps } from '#app/deps.ts';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { receiveDossier } from '#app/dossiers/receive-dossier.ts';
import type { DossierEventInput, ReceiveDossierInput } from '#shared/dossier.schema.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';

/** A dossier of the scenario: its id, its generated legal code and the event types recorded, in order. */
export interface ScenarioDossier {
  id: string;
  code: string;
  eventTypes: string[];
}

/** The dossiers the back-office end-to-end tests look at (the clock of `buildDeps` is 30/06/2025 10:00). */
export interface DossierScenario {
  /** Forwarded, two inter-unit steps (one late), a supplement, finished early and returned. */
  full: ScenarioDossier;
  /** Finished after its legal due date: the only late one. */
  late: ScenarioDossier;
  /** Open, due after today: within time. */
  open: ScenarioDossier;
  /** Open, due before today: overdue (a commune, under the province). */
  overdue: ScenarioDossier;
  /** Open, with an apology letter and a rescheduled date. */
  apology: ScenarioDossier;
  /** Refused the day it was received. */
  refused: ScenarioDossier;
}

const c = TEST_CATALOG;

async function createDossier(
  deps: AppDeps,
  receipt: Omit<ReceiveDossierInput, 'channel'> & { channel?: ReceiveDossierInput['channel'] },
  events: readonly DossierEventInput[],
): Promise<ScenarioDossier> {
  const received = await receiveDossier(deps, { channel: 'in_person', ...receipt }, 'api');
  for (const event of events) {
    await appendDossierEvent(deps, { id: received.dossierId }, event, 'api');
  }
  return {
    id: received.dossierId,
    code: received.code,
    eventTypes: ['received', ...events.map((event) => event.type)],
  };
}

/**
 * Creates the scenario's dossiers through the real use cases (receiveDossier and
 * appendDossierEvent, so the state machine and the due-date engine run as in production).
 * Needs `seedTestCatalog` first.
 */
export async function seedDossierScenario(deps: AppDeps): Promise<DossierScenario> {
  const firstStep = randomUUID();
  const secondStep = randomUUID();
  const full = await createDossier(
    deps,
    {
      agencyCode: c.department,
      procedureCode: c.procedure5Days,
      receivedAt: '2025-06-02T09:00:00+07:00',
      officialCode: c.counterOfficial,
    },
    [
      {
        type: 'forwarded',
        occurredAt: '2025-06-02T10:30:00+07:00',
        toAgencyCode: c.department,
        officialCode: c.counterOfficial,
      },
      {
        type: 'step_received',
        occurredAt: '2025-06-02T14:00:00+07:00',
        stepId: firstStep,
        unitAgencyCode: c.department,
        allottedValue: 2,
        allottedUnit: 'working_days',
        officialCode: c.handlingOfficial,
      },
      {
        type: 'supplement_requested',
        occurredAt: '2025-06-03T09:00:00+07:00',
        reason: 'Thiếu bản sao giấy tờ tùy thân',
        applicantAtFault: true,
        stage: 'appraisal',
        officialCode: c.handlingOfficial,
      },
      { type: 'supplement_completed', occurredAt: '2025-06-04T08:30:00+07:00' },
      {
        type: 'step_handed_over',
        occurredAt: '2025-06-05T16:00:00+07:00',
        stepId: firstStep,
        officialCode: c.handlingOfficial,
      },
      {
        type: 'step_received',
        occurredAt: '2025-06-06T08:00:00+07:00',
        stepId: secondStep,
        unitAgencyCode: c.department2,
        allottedValue: 3,
        allottedUnit: 'working_days',
        officialCode: 'CB003',
      },
      {
        type: 'step_handed_over',
        occurredAt: '2025-06-09T10:00:00+07:00',
        stepId: secondStep,
        officialCode: 'CB003',
      },
      { type: 'finished', occurredAt: '2025-06-10T15:00:00+07:00', officialCode: c.handlingOfficial },
      { type: 'result_returned', occurredAt: '2025-06-11T09:00:00+07:00', officialCode: c.counterOfficial },
    ],
  );
  const late = await createDossier(
    deps,
    {
      agencyCode: c.department,
      procedureCode: c.procedure5Days,
      receivedAt: '2025-06-02T09:30:00+07:00',
      officialCode: c.counterOfficial,
    },
    [
      { type: 'forwarded', occurredAt: '2025-06-02T11:00:00+07:00', toAgencyCode: c.department },
      { type: 'finished', occurredAt: '2025-06-12T10:00:00+07:00', officialCode: c.handlingOfficial },
      { type: 'result_returned', occurredAt: '2025-06-13T09:00:00+07:00' },
    ],
  );
  const open = await createDossier(
    deps,
    {
      agencyCode: c.department2,
      procedureCode: c.procedureCalendar,
      receivedAt: '2025-06-25T10:00:00+07:00',
      channel: 'online',
    },
    [
      { type: 'paid_online', occurredAt: '2025-06-25T10:05:00+07:00', amount: 50_000 },
      { type: 'digitised', occurredAt: '2025-06-25T10:30:00+07:00', components: 3 },
      { type: 'forwarded', occurredAt: '2025-06-25T14:00:00+07:00', toAgencyCode: c.department2 },
    ],
  );
  const overdue = await createDossier(
    deps,
    {
      agencyCode: c.commune,
      procedureCode: c.procedure5Days,
      receivedAt: '2025-06-16T08:00:00+07:00',
      channel: 'post',
    },
    [],
  );
  const apology = await createDossier(
    deps,
    {
      agencyCode: c.department,
      procedureCode: c.procedure5Days,
      receivedAt: '2025-06-23T09:00:00+07:00',
      officialCode: c.counterOfficial,
    },
    [
      { type: 'forwarded', occurredAt: '2025-06-23T10:00:00+07:00', toAgencyCode: c.department },
      {
        type: 'apology_issued',
        occurredAt: '2025-06-26T09:00:00+07:00',
        reason: 'Cần xác minh thêm với cơ quan khác',
        newDueDate: '2025-07-03',
        officialCode: c.handlingOfficial,
      },
    ],
  );
  const refused = await createDossier(
    deps,
    {
      agencyCode: c.department,
      procedureCode: c.procedure3Hours,
      receivedAt: '2025-06-27T08:00:00+07:00',
      officialCode: c.counterOfficial,
    },
    [
      {
        type: 'refused',
        occurredAt: '2025-06-27T09:00:00+07:00',
        reason: 'Không thuộc thẩm quyền giải quyết',
        officialCode: c.counterOfficial,
      },
    ],
  );
  return { full, late, open, overdue, apology, refused };
}
