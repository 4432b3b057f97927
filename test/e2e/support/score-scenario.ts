import { randomUUID } from 'node:crypto';
import type { AppDeps } from '#app/deps.ts';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { receiveDossier } from '#app/dossiers/receive-dossier.ts';
import { recordRating, type RatingInput } from '#app/ratings/record-rating.ts';
import type { DossierEventInput } from '#shared/dossier.schema.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';

/** The clock of the score scenario: mid-October 2025, so 2025-Q3 is the last quarter that has ended. */
export const SCORE_SCENARIO_NOW = Date.parse('2025-10-15T10:00:00+07:00');

/** The quarter every scored dossier of the scenario is received and finished in. */
export const SCORE_SCENARIO_PERIOD = '2025-Q3';

/** A finished dossier of the scenario with the timeliness the engine gave it. */
export interface ScoredScenarioDossier {
  id: string;
  code: string;
  /** What the dossier was built to be; checked against `timeliness` by the test. */
  intended: 'early' | 'on_time' | 'late';
  timeliness: string | null;
}

/** A citizen's rating recorded by the scenario, and whether it counts (the first of its dossier does). */
export interface ScenarioRating {
  dossierId: string;
  satisfaction: RatingInput['satisfaction'];
  counts: boolean;
}

export interface ScoreScenario {
  /** Received at Sở Tư pháp and finished by the handling official CB002 in 2025-Q3. */
  finished: ScoredScenarioDossier[];
  /** Received in 2025-Q3 and still open: not scored. */
  open: { id: string; code: string };
  /** Ratings of four finished dossiers submitted in 2025-Q3 (no answers: the scores stay the system's), plus one resent. */
  ratings: ScenarioRating[];
}

const c = TEST_CATALOG;
const DAY = 86_400_000;

/** 'YYYY-MM-DD' plus `days` calendar days. */
function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

interface Plan {
  intended: ScoredScenarioDossier['intended'];
  receivedAt: string;
  /** Events before the finish (the last one's state gives the legal due date). */
  before: (receivedAt: string) => DossierEventInput[];
  /** When to finish, from the legal due date known after `before`. */
  finishAt: (dueDate: string) => string;
}

const forwarded = (at: string): DossierEventInput => ({
  type: 'forwarded',
  occurredAt: at,
  toAgencyCode: c.department,
  officialCode: c.counterOfficial,
});

/**
 * Six dossiers finished in 2025-Q3 at Sở Tư pháp (two early, two on time — one of them after a
 * supplement that restarted the legal due date —, one late, one early after an inter-unit step
 * at Sở Xây dựng) and one left open, and citizens' ratings of four of them, all through the real
 * use cases: finishing a dossier scores it and moves the period rollups. Needs `seedTestCatalog`
 * first and deps with SCORE_SCENARIO_NOW.
 */
export async function seedScoreScenario(deps: AppDeps): Promise<ScoreScenario> {
  const step = randomUUID();
  const plans: Plan[] = [
    {
      intended: 'early',
      receivedAt: '2025-07-07T09:00:00+07:00',
      before: () => [forwarded('2025-07-07T10:00:00+07:00')],
      finishAt: () => '2025-07-09T15:00:00+07:00',
    },
    {
      intended: 'early',
      receivedAt: '2025-07-08T09:00:00+07:00',
      before: () => [forwarded('2025-07-08T10:00:00+07:00')],
      finishAt: () => '2025-07-10T15:00:00+07:00',
    },
    {
      intended: 'on_time',
      receivedAt: '2025-07-14T09:00:00+07:00',
      before: () => [forwarded('2025-07-14T10:00:00+07:00')],
      finishAt: (due) => `${due}T10:00:00+07:00`,
    },
    {
      intended: 'late',
      receivedAt: '2025-07-21T09:00:00+07:00',
      before: () => [forwarded('2025-07-21T10:00:00+07:00')],
      finishAt: (due) => `${addDays(due, 3)}T10:00:00+07:00`,
    },
    {
      // A supplement at receipt (the applicant's fault): the legal due date restarts on completion.
      intended: 'on_time',
      receivedAt: '2025-08-04T09:00:00+07:00',
      before: () => [
        {
          type: 'supplement_requested',
          occurredAt: '2025-08-04T10:00:00+07:00',
          reason: 'Thiếu tờ khai',
          applicantAtFault: true,
          stage: 'receipt_check',
          officialCode: c.counterOfficial,
        },
        { type: 'supplement_completed', occurredAt: '2025-08-06T09:00:00+07:00' },
        forwarded('2025-08-06T10:00:00+07:00'),
      ],
      finishAt: (due) => `${due}T11:00:00+07:00`,
    },
    {
      // One inter-unit step at Sở Xây dựng, handed over in time.
      intended: 'early',
      receivedAt: '2025-08-11T09:00:00+07:00',
      before: () => [
        forwarded('2025-08-11T10:00:00+07:00'),
        {
          type: 'step_received',
          occurredAt: '2025-08-11T14:00:00+07:00',
          stepId: step,
          unitAgencyCode: c.department2,
          allottedValue: 2,
          allottedUnit: 'working_days',
          officialCode: 'CB003',
        },
        {
          type: 'step_handed_over',
          occurredAt: '2025-08-12T15:00:00+07:00',
          stepId: step,
          officialCode: 'CB003',
        },
      ],
      finishAt: () => '2025-08-13T15:00:00+07:00',
    },
  ];

  const finished: ScoredScenarioDossier[] = [];
  for (const plan of plans) {
    const received = await receiveDossier(
      deps,
      {
        agencyCode: c.department,
        procedureCode: c.procedure5Days,
        receivedAt: plan.receivedAt,
        officialCode: c.counterOfficial,
        channel: 'in_person',
      },
      'api',
    );
    let dueDate = '';
    for (const event of plan.before(plan.receivedAt)) {
      const result = await appendDossierEvent(deps, { id: received.dossierId }, event, 'api');
      dueDate = result.state.dueLegal.dueDate;
    }
    const done = await appendDossierEvent(
      deps,
      { id: received.dossierId },
      { type: 'finished', occurredAt: plan.finishAt(dueDate), officialCode: c.handlingOfficial },
      'api',
    );
    finished.push({
      id: received.dossierId,
      code: received.code,
      intended: plan.intended,
      timeliness: done.state.timeliness,
    });
  }

  const open = await receiveDossier(
    deps,
    {
      agencyCode: c.department,
      procedureCode: c.procedure5Days,
      receivedAt: '2025-09-29T09:00:00+07:00',
      officialCode: c.counterOfficial,
      channel: 'in_person',
    },
    'api',
  );

  // Four citizens rate their dossier in 2025-Q3 (5, 5, 4, 2); the first one rates again later,
  // which is kept as a duplicate and does not count. Without answers, so indicators 1, 3, 4 and 7
  // stay as the system scored them.
  const planned: {
    dossier: number;
    satisfaction: RatingInput['satisfaction'];
    channel: RatingInput['channel'];
    at: string;
  }[] = [
    { dossier: 0, satisfaction: 5, channel: 'qr', at: '2025-07-10T09:00:00+07:00' },
    { dossier: 1, satisfaction: 5, channel: 'online', at: '2025-07-11T09:00:00+07:00' },
    { dossier: 2, satisfaction: 4, channel: 'device', at: '2025-07-28T09:00:00+07:00' },
    { dossier: 3, satisfaction: 2, channel: 'paper', at: '2025-08-05T09:00:00+07:00' },
    { dossier: 0, satisfaction: 1, channel: 'online', at: '2025-08-20T09:00:00+07:00' },
  ];
  const ratings: ScenarioRating[] = [];
  for (const rating of planned) {
    const dossier = finished[rating.dossier];
    if (!dossier) throw new Error(`the scenario has no finished dossier #${rating.dossier}`);
    const result = await recordRating(deps, {
      dossierId: dossier.id,
      channel: rating.channel,
      satisfaction: rating.satisfaction,
      submittedAt: rating.at,
    });
    ratings.push({ dossierId: dossier.id, satisfaction: rating.satisfaction, counts: result.counts });
  }
  return { finished, open: { id: open.dossierId, code: open.code }, ratings };
}
