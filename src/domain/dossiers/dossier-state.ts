import type { CalendarSettings, Instant, IsoDate, TimeLimit } from '#domain/calendar/types.ts';
import type { WorkingCalendar } from '#domain/calendar/working-calendar.ts';
import { computeDueDate, restartDueDate, type DueDate } from '#domain/calendar/due-date.ts';
import { toLocalDate } from '#domain/calendar/time.ts';
import { DomainError } from '#domain/errors.ts';
import type { Channel, DossierEvent, DossierEventType, StopKind, SupplementStage } from './dossier-event.ts';
import { compareTimeliness, type Timeliness } from './timeliness.ts';

export const DOSSIER_STATUSES = [
  'received',
  'processing',
  'awaiting_supplement',
  'finished',
  'returned',
  'refused',
  'stopped',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** What the rules need to know about the dossier's procedure. */
export interface ProcedureTerms {
  limit: TimeLimit;
  /** 'HH:MM' local; after it a dossier counts as received the next working day (Nghị định 61 Điều 18). */
  receiptCutoff: string;
}

export interface DossierContext {
  procedure: ProcedureTerms;
  calendar: WorkingCalendar;
  settings: CalendarSettings;
}

export interface SupplementEpisode {
  seq: number;
  requestedAt: Instant;
  reason: string;
  applicantAtFault: boolean;
  stage: SupplementStage;
  completedAt: Instant | null;
}

export interface StepState {
  stepId: string;
  seq: number;
  unitAgencyId: string;
  officialId: string | null;
  allotted: TimeLimit;
  receivedAt: Instant;
  due: DueDate;
  handedOverAt: Instant | null;
  timeliness: Timeliness | null;
}

/** Everything derived from a dossier's events; stored with the dossier so lists never replay events. */
export interface DossierState {
  status: DossierStatus;
  channel: Channel;
  receivedAt: Instant;
  receivingOfficialId: string | null;
  /** Due date as set at receipt. */
  dueInitial: DueDate;
  /** The legal due date: restarts from the beginning after each completed supplement (Nghị định 61 Điều 19 khoản 4). */
  dueLegal: DueDate;
  /** The one new date promised in the apology letter (Nghị định 61 Điều 19 khoản 9). */
  dueRescheduledDate: IsoDate | null;
  apologyIssuedAt: Instant | null;
  /** Apology issued less than one working day before the legal due date (Điều 19 khoản 9: "chậm nhất 01 ngày"). */
  isApologyLate: boolean;
  forwardedAt: Instant | null;
  supplements: SupplementEpisode[];
  steps: StepState[];
  finishedAt: Instant | null;
  returnedAt: Instant | null;
  refusedAt: Instant | null;
  stoppedAt: Instant | null;
  stopKind: StopKind | null;
  /** Against the legal due date (Thông tư 01/2018 Điều 13, indicator 1). */
  timeliness: Timeliness | null;
  /** Against the rescheduled date when there is one, else the legal one. */
  timelinessRescheduled: Timeliness | null;
  isPaidOnline: boolean;
  digitisedComponents: number;
  hasElectronicResult: boolean;
  lastOccurredAt: Instant;
  eventCount: number;
}

const OPEN_STATUSES: readonly DossierStatus[] = ['received', 'processing', 'awaiting_supplement'];

/** Which event types each status accepts: the dossier state machine. */
const ALLOWED: Readonly<Record<DossierStatus, readonly DossierEventType[]>> = {
  received: [
    'forwarded',
    'step_received',
    'supplement_requested',
    'refused',
    'stopped',
    'apology_issued',
    'finished',
    'paid_online',
    'digitised',
  ],
  processing: [
    'forwarded',
    'step_received',
    'step_handed_over',
    'supplement_requested',
    'refused',
    'stopped',
    'apology_issued',
    'finished',
    'paid_online',
    'digitised',
    'electronic_result_issued',
  ],
  awaiting_supplement: [
    'supplement_completed',
    'step_handed_over',
    'refused',
    'stopped',
    'apology_issued',
    'paid_online',
    'digitised',
  ],
  finished: ['result_returned', 'paid_online', 'electronic_result_issued', 'digitised'],
  returned: ['electronic_result_issued'],
  refused: [],
  stopped: [],
};

/** Internal steps have no receipt cut-off: a unit takes a dossier over whenever it is handed to it. */
const STEP_CUTOFF = '23:59';

/** True while the agency still has to act on the dossier. */
export function isOpenStatus(status: DossierStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The event types a dossier in `status` accepts next. */
export function allowedEventTypes(status: DossierStatus): readonly DossierEventType[] {
  return ALLOWED[status];
}

function refuse(event: DossierEvent, status: DossierStatus | null, message?: string): never {
  throw new DomainError('EVENT_NOT_ALLOWED', {
    ...(message === undefined ? {} : { message }),
    details: { eventType: event.type, status, allowed: status === null ? ['received'] : ALLOWED[status] },
  });
}

/**
 * Applies one event to a dossier's state and returns the new state; an impossible sequence
 * throws a DomainError (EVENT_NOT_ALLOWED / EVENT_OUT_OF_ORDER / …) and changes nothing.
 */
export function applyDossierEvent(
  state: DossierState | null,
  event: DossierEvent,
  context: DossierContext,
): DossierState {
  if (state === null) {
    if (event.type !== 'received') {
      refuse(event, null, 'Hồ sơ phải bắt đầu bằng sự kiện tiếp nhận (received).');
    }
    const due = computeDueDate(context.calendar, context.settings, {
      receivedAt: event.occurredAt,
      limit: context.procedure.limit,
      receiptCutoff: context.procedure.receiptCutoff,
    });
    return {
      status: 'received',
      channel: event.channel,
      receivedAt: event.occurredAt,
      receivingOfficialId: event.officialId,
      dueInitial: due,
      dueLegal: due,
      dueRescheduledDate: null,
      apologyIssuedAt: null,
      isApologyLate: false,
      forwardedAt: null,
      supplements: [],
      steps: [],
      finishedAt: null,
      returnedAt: null,
      refusedAt: null,
      stoppedAt: null,
      stopKind: null,
      timeliness: null,
      timelinessRescheduled: null,
      isPaidOnline: false,
      digitisedComponents: 0,
      hasElectronicResult: false,
      lastOccurredAt: event.occurredAt,
      eventCount: 1,
    };
  }
  if (event.occurredAt < state.lastOccurredAt) {
    throw new DomainError('EVENT_OUT_OF_ORDER', {
      details: { eventType: event.type, occurredAt: event.occurredAt, previousAt: state.lastOccurredAt },
    });
  }
  if (!ALLOWED[state.status].includes(event.type)) refuse(event, state.status);
  const next: DossierState = {
    ...state,
    supplements: state.supplements.slice(),
    steps: state.steps.slice(),
    lastOccurredAt: event.occurredAt,
    eventCount: state.eventCount + 1,
  };
  applyTransition(next, event, context);
  return next;
}

function applyTransition(next: DossierState, event: DossierEvent, context: DossierContext): void {
  switch (event.type) {
    case 'received':
      return refuse(event, next.status, 'Hồ sơ đã được tiếp nhận.');
    case 'forwarded':
      // Nghị định 61 Điều 18: the desk forwards the dossier to the deciding agency.
      next.forwardedAt ??= event.occurredAt;
      next.status = 'processing';
      return;
    case 'step_received': {
      if (next.steps.some((step) => step.stepId === event.stepId)) {
        throw new DomainError('STEP_ALREADY_OPEN', { details: { stepId: event.stepId } });
      }
      next.steps.push({
        stepId: event.stepId,
        seq: next.steps.length + 1,
        unitAgencyId: event.unitAgencyId,
        officialId: event.officialId,
        allotted: event.allotted,
        receivedAt: event.occurredAt,
        due: computeDueDate(context.calendar, context.settings, {
          receivedAt: event.occurredAt,
          limit: event.allotted,
          receiptCutoff: STEP_CUTOFF,
        }),
        handedOverAt: null,
        timeliness: null,
      });
      next.status = 'processing';
      return;
    }
    case 'step_handed_over': {
      const index = next.steps.findIndex((step) => step.stepId === event.stepId);
      const step = next.steps[index];
      if (!step) throw new DomainError('STEP_NOT_FOUND', { details: { stepId: event.stepId } });
      if (step.handedOverAt !== null) {
        throw new DomainError('EVENT_NOT_ALLOWED', {
          message: 'Bước xử lý này đã được bàn giao.',
          details: { stepId: event.stepId },
        });
      }
      // Thông tư 01/2018 Điều 13, indicator 2: each unit against its own allotted time.
      next.steps[index] = {
        ...step,
        handedOverAt: event.occurredAt,
        timeliness: compareTimeliness(event.occurredAt, step.due, step.allotted.unit),
      };
      return;
    }
    case 'supplement_requested': {
      next.supplements.push({
        seq: next.supplements.length + 1,
        requestedAt: event.occurredAt,
        reason: event.reason,
        applicantAtFault: event.applicantAtFault,
        stage: event.stage,
        completedAt: null,
      });
      next.status = 'awaiting_supplement';
      return;
    }
    case 'supplement_completed': {
      const last = next.supplements.at(-1);
      if (!last || last.completedAt !== null) return refuse(event, next.status);
      next.supplements[next.supplements.length - 1] = { ...last, completedAt: event.occurredAt };
      // Nghị định 61/2018 Điều 19 khoản 4: "thời hạn giải quyết được tính lại từ đầu".
      next.dueLegal = restartDueDate(context.calendar, context.settings, {
        completedAt: event.occurredAt,
        limit: context.procedure.limit,
        receiptCutoff: context.procedure.receiptCutoff,
      });
      next.status = 'processing';
      return;
    }
    case 'refused':
      next.refusedAt = event.occurredAt;
      next.status = 'refused';
      return;
    case 'stopped':
      next.stoppedAt = event.occurredAt;
      next.stopKind = event.kind;
      next.status = 'stopped';
      return;
    case 'apology_issued': {
      // Nghị định 61/2018 Điều 19 khoản 9: the return date may be re-set at most once.
      if (next.dueRescheduledDate !== null) {
        throw new DomainError('APOLOGY_ALREADY_ISSUED', {
          details: { dueRescheduledDate: next.dueRescheduledDate },
        });
      }
      if (event.newDueDate <= next.dueLegal.dueDate) {
        throw new DomainError('APOLOGY_DATE_INVALID', {
          details: { newDueDate: event.newDueDate, currentDueDate: next.dueLegal.dueDate },
        });
      }
      next.dueRescheduledDate = event.newDueDate;
      next.apologyIssuedAt = event.occurredAt;
      // "chậm nhất 01 ngày trước ngày hết hạn": at least one working day before the due date.
      next.isApologyLate =
        context.calendar.workingDaysBetween(toLocalDate(event.occurredAt), next.dueLegal.dueDate) < 1;
      return;
    }
    case 'finished': {
      const open = next.steps.find((step) => step.handedOverAt === null);
      if (open) throw new DomainError('STEP_STILL_OPEN', { details: { stepId: open.stepId } });
      next.finishedAt = event.occurredAt;
      next.status = 'finished';
      next.timeliness = compareTimeliness(event.occurredAt, next.dueLegal, context.procedure.limit.unit);
      next.timelinessRescheduled =
        next.dueRescheduledDate === null
          ? next.timeliness
          : compareTimeliness(
              event.occurredAt,
              { dueDate: next.dueRescheduledDate, dueAt: null },
              'working_days',
            );
      return;
    }
    case 'result_returned':
      next.returnedAt = event.occurredAt;
      next.status = 'returned';
      return;
    case 'paid_online':
      next.isPaidOnline = true;
      return;
    case 'digitised':
      next.digitisedComponents += event.components;
      return;
    case 'electronic_result_issued':
      next.hasElectronicResult = true;
      return;
  }
}

/** Replays a dossier's events in order (the stored state must always equal this fold). */
export function replayDossier(events: readonly DossierEvent[], context: DossierContext): DossierState {
  let state: DossierState | null = null;
  for (const event of events) state = applyDossierEvent(state, event, context);
  if (state === null) throw new DomainError('DOSSIER_NOT_FOUND');
  return state;
}

/** Supplement requests that count against the agency: those not caused by the applicant (TT 01/2018 indicator 3). */
export function countSupplementsNotAtFault(state: DossierState): number {
  return state.supplements.filter((episode) => !episode.applicantAtFault).length;
}

/** While open: within time or overdue as of `today` (a local date passed in by the caller). */
export function openTimeliness(state: DossierState, today: IsoDate): 'within_time' | 'overdue' | null {
  if (!isOpenStatus(state.status)) return null;
  return today > state.dueLegal.dueDate ? 'overdue' : 'within_time';
}
