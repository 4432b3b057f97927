import { DomainError } from '#domain/errors.ts';
import {
  findIntegritySignals,
  summarizeSignals,
  type RatingFact,
  type SignalThresholds,
} from '#domain/ratings/integrity-signals.ts';
import { DEFAULT_SIGNAL_THRESHOLDS } from '#domain/ratings/integrity-signals.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { NO_AGENCY, narrowAgencyIds, visibleAgencyIds } from '../auth/actor-scope.ts';

/** The longest period one request may scan (a year and a day, for leap years). */
export const MAX_INTEGRITY_DAYS = 366;

export interface IntegritySignalsQuery {
  /** First and last calendar day (UTC+7), inclusive. */
  from: string;
  to: string;
  rootAgencyId?: string;
  thresholds?: Partial<SignalThresholds>;
}

const DAY_MS = 86_400_000;

function hasAnswers(answers: unknown): boolean {
  if (typeof answers !== 'object' || answers === null) return false;
  return ['cs1', 'cs3', 'cs4', 'cs7'].some((key) => key in answers);
}

/**
 * The integrity signals of the ratings submitted in a period (issue 4, point 9): loads every
 * rating of the period with its device, invitation, dossier times and stored score
 * disagreements in one query, then lets the pure core find the patterns.
 */
export async function getIntegritySignals(deps: AppDeps, query: IntegritySignalsQuery) {
  const fromMs = Date.parse(`${query.from}T00:00:00+07:00`);
  const toMs = Date.parse(`${query.to}T00:00:00+07:00`) + DAY_MS;
  if (toMs <= fromMs) {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'to', message: 'Ngày kết thúc phải không sớm hơn ngày bắt đầu.' }],
    });
  }
  if (toMs - fromMs > MAX_INTEGRITY_DAYS * DAY_MS) {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'to', message: `Khoảng thời gian tối đa ${MAX_INTEGRITY_DAYS} ngày.` }],
    });
  }
  const requested = query.rootAgencyId ? await agencySubtreeIds(deps.db, query.rootAgencyId) : null;
  if (requested !== null && requested.length === 0) throw new DomainError('AGENCY_NOT_FOUND');
  // Only the caller's agencies (issue 5); an empty scope matches nothing.
  const visible = narrowAgencyIds(await visibleAgencyIds(deps.db, 'integrity.read'), requested);
  const scope = visible === null ? null : [NO_AGENCY, ...visible];

  let select = deps.db
    .selectFrom('rating as r')
    .innerJoin('dossier as d', (join) =>
      join.onRef('d.agency_id', '=', 'r.agency_id').onRef('d.id', '=', 'r.dossier_id'),
    )
    .leftJoin('rating_device as rd', (join) =>
      join.onRef('rd.agency_id', '=', 'r.agency_id').onRef('rd.id', '=', 'r.device_id'),
    )
    .leftJoin('rating_invitation as ri', (join) =>
      join.onRef('ri.agency_id', '=', 'r.agency_id').onRef('ri.id', '=', 'r.invitation_id'),
    )
    .leftJoin('dossier_score as s', (join) =>
      join.onRef('s.agency_id', '=', 'r.agency_id').onRef('s.dossier_id', '=', 'r.dossier_id'),
    )
    .select([
      'r.agency_id',
      'r.id',
      'r.dossier_id',
      'd.code as dossier_code',
      'r.channel',
      'r.satisfaction',
      'r.answers',
      'r.submitted_at',
      'r.recorded_at',
      'r.is_duplicate',
      'r.keyed_by_official_id',
      'r.device_id',
      'rd.counter_id',
      'ri.invited_at',
      'd.received_at',
      'd.finished_at',
      'd.returned_at',
      'r.origin_network',
      'r.from_staff_network',
      's.disagreements',
    ])
    .where('r.submitted_at', '>=', new Date(fromMs))
    .where('r.submitted_at', '<', new Date(toMs));
  if (scope !== null) select = select.where('r.agency_id', 'in', scope);
  const rows = await select.execute();

  const ms = (value: Date | string | null): number | null =>
    value === null ? null : new Date(value).getTime();
  const facts: RatingFact[] = rows.map((row) => ({
    ratingId: row.id,
    agencyId: row.agency_id,
    dossierId: row.dossier_id,
    channel: row.channel,
    satisfaction: row.satisfaction,
    submittedAt: ms(row.submitted_at)!,
    recordedAt: ms(row.recorded_at)!,
    isDuplicate: row.is_duplicate,
    keyedByOfficialId: row.keyed_by_official_id,
    deviceId: row.device_id,
    counterId: row.counter_id,
    invitedAt: ms(row.invited_at),
    dossierReceivedAt: ms(row.received_at)!,
    dossierResultAt: ms(row.returned_at) ?? ms(row.finished_at),
    originNetwork: row.origin_network,
    fromStaffNetwork: row.from_staff_network,
    // Issue 5 (staff sessions) will set this from the rating's session; until then nothing can.
    fromStaffSession: false,
    // The disagreements the dossier scoring found (legal-rules §9.2); only the counting rating has one.
    disagreements: row.is_duplicate ? [] : (row.disagreements ?? []),
    hasCitizenAnswers: hasAnswers(row.answers),
  }));
  const thresholds = { ...DEFAULT_SIGNAL_THRESHOLDS, ...query.thresholds };
  const signals = findIntegritySignals(facts, thresholds);

  const ids = (pick: (signal: (typeof signals)[number]) => string | null) => [
    ...new Set(signals.map(pick).filter((id): id is string => id !== null)),
  ];
  const agencyIds = ids((signal) => signal.agencyId);
  const deviceIds = ids((signal) => signal.deviceId);
  const counterIds = ids((signal) => signal.counterId);
  const officialIds = ids((signal) => signal.officialId);
  const [agencies, devices, counters, officials] = await Promise.all([
    agencyIds.length === 0
      ? []
      : deps.db.selectFrom('agency').select(['id', 'code', 'name']).where('id', 'in', agencyIds).execute(),
    deviceIds.length === 0
      ? []
      : deps.db.selectFrom('rating_device').select(['id', 'name']).where('id', 'in', deviceIds).execute(),
    counterIds.length === 0
      ? []
      : deps.db
          .selectFrom('counter')
          .innerJoin('desk', 'desk.id', 'counter.desk_id')
          .select(['counter.id', 'counter.code', 'counter.name', 'desk.name as desk_name'])
          .where('counter.id', 'in', counterIds)
          .execute(),
    officialIds.length === 0
      ? []
      : deps.db
          .selectFrom('official')
          .select(['id', 'code', 'full_name'])
          .where('id', 'in', officialIds)
          .execute(),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    from: query.from,
    to: query.to,
    thresholds,
    summary: summarizeSignals(signals),
    signals,
    ratings: byId,
    agencies: new Map(agencies.map((agency) => [agency.id, agency])),
    devices: new Map(devices.map((device) => [device.id, device])),
    counters: new Map(counters.map((counter) => [counter.id, counter])),
    officials: new Map(officials.map((official) => [official.id, official])),
  };
}
