import type { Instant, IsoDate, TimeLimit } from '#domain/calendar/types.ts';

/** How the dossier reached the agency (Nghị định 61/2018 Điều 15). */
export const CHANNELS = ['in_person', 'post', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SUPPLEMENT_STAGES = ['receipt_check', 'appraisal'] as const;
export type SupplementStage = (typeof SUPPLEMENT_STAGES)[number];

export const STOP_KINDS = ['stopped', 'withdrawn'] as const;
export type StopKind = (typeof STOP_KINDS)[number];

export const DOSSIER_EVENT_TYPES = [
  'received',
  'forwarded',
  'step_received',
  'step_handed_over',
  'supplement_requested',
  'supplement_completed',
  'refused',
  'stopped',
  'apology_issued',
  'finished',
  'result_returned',
  'paid_online',
  'digitised',
  'electronic_result_issued',
] as const;
export type DossierEventType = (typeof DOSSIER_EVENT_TYPES)[number];

interface EventBase {
  /** Client-made id: resending the same event is a no-op (idempotency). */
  id: string;
  occurredAt: Instant;
  officialId: string | null;
}

/** One fact in a dossier's life, in the order it happened. */
export type DossierEvent =
  | (EventBase & { type: 'received'; channel: Channel })
  | (EventBase & { type: 'forwarded'; toAgencyId: string })
  | (EventBase & { type: 'step_received'; stepId: string; unitAgencyId: string; allotted: TimeLimit })
  | (EventBase & { type: 'step_handed_over'; stepId: string })
  | (EventBase & {
      type: 'supplement_requested';
      reason: string;
      applicantAtFault: boolean;
      stage: SupplementStage;
    })
  | (EventBase & { type: 'supplement_completed' })
  | (EventBase & { type: 'refused'; reason: string })
  | (EventBase & { type: 'stopped'; reason: string; kind: StopKind })
  | (EventBase & { type: 'apology_issued'; reason: string; newDueDate: IsoDate })
  | (EventBase & { type: 'finished' })
  | (EventBase & { type: 'result_returned' })
  | (EventBase & { type: 'paid_online'; amount: number })
  | (EventBase & { type: 'digitised'; components: number })
  | (EventBase & { type: 'electronic_result_issued' });
