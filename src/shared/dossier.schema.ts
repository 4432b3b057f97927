import { z } from 'zod';
import { IsoDateSchema, TIME_LIMIT_UNITS } from './catalog.schema.ts';
import { LIMITS } from './limits.ts';

/** Dossier contracts shared by the HTTP API, the import files and the web. */
export const CHANNEL_VALUES = ['in_person', 'post', 'online'] as const;
export const DOSSIER_STATUS_VALUES = [
  'received',
  'processing',
  'awaiting_supplement',
  'finished',
  'returned',
  'refused',
  'stopped',
] as const;
export const TIMELINESS_FILTER_VALUES = ['early', 'on_time', 'late', 'within_time', 'overdue'] as const;

const code = z.string().trim().min(1).max(LIMITS.codeMaxLength);
const reason = z.string().trim().min(1).max(LIMITS.reasonMaxLength);
/** An instant with its offset, e.g. 2025-03-03T10:00:00+07:00. */
export const InstantSchema = z.iso.datetime({ offset: true }).refine(
  (value) => {
    // One-stop records start in the 1990s; far-off years are typing mistakes, not data.
    const year = new Date(value).getUTCFullYear();
    return year >= 1990 && year <= 2100;
  },
  { message: 'năm phải trong khoảng 1990–2100' },
);
/** A reference to an inter-unit step: a UUID, or the sending system's own step reference. */
const StepRef = z.string().trim().min(1).max(100);

const EventCommon = {
  /** Client event id: resending the same event is a no-op. */
  id: z.uuid().optional(),
  occurredAt: InstantSchema,
  officialCode: code.optional(),
};

export const DossierEventInputSchema = z.discriminatedUnion('type', [
  z.object({ ...EventCommon, type: z.literal('forwarded'), toAgencyCode: code }),
  z.object({
    ...EventCommon,
    type: z.literal('step_received'),
    stepId: StepRef.optional(),
    unitAgencyCode: code,
    allottedValue: z.number().int().min(0).max(LIMITS.maxTimeLimitValue),
    allottedUnit: z.enum(TIME_LIMIT_UNITS),
  }),
  z.object({ ...EventCommon, type: z.literal('step_handed_over'), stepId: StepRef }),
  z.object({
    ...EventCommon,
    type: z.literal('supplement_requested'),
    reason,
    applicantAtFault: z.boolean().default(false),
    stage: z.enum(['receipt_check', 'appraisal']).default('appraisal'),
  }),
  z.object({ ...EventCommon, type: z.literal('supplement_completed') }),
  z.object({ ...EventCommon, type: z.literal('refused'), reason }),
  z.object({
    ...EventCommon,
    type: z.literal('stopped'),
    reason,
    kind: z.enum(['stopped', 'withdrawn']).default('stopped'),
  }),
  z.object({ ...EventCommon, type: z.literal('apology_issued'), reason, newDueDate: IsoDateSchema }),
  z.object({ ...EventCommon, type: z.literal('finished') }),
  z.object({ ...EventCommon, type: z.literal('result_returned') }),
  z.object({
    ...EventCommon,
    type: z.literal('paid_online'),
    amount: z.number().int().min(0).max(LIMITS.maxFeeVnd).default(0),
  }),
  z.object({ ...EventCommon, type: z.literal('digitised'), components: z.number().int().min(1).max(1000) }),
  z.object({ ...EventCommon, type: z.literal('electronic_result_issued') }),
]);
export type DossierEventInput = z.infer<typeof DossierEventInputSchema>;

export const ReceiveDossierInputSchema = z.object({
  /** Legal code `<unit code>-YYMMDD-NNNN`; generated when absent. */
  code: code.optional(),
  agencyCode: code,
  procedureCode: code,
  channel: z.enum(CHANNEL_VALUES),
  receivedAt: InstantSchema,
  officialCode: code.optional(),
  /** Id of the "received" event: resending the same dossier is a no-op. */
  eventId: z.uuid().optional(),
});
export type ReceiveDossierInput = z.infer<typeof ReceiveDossierInputSchema>;

export const ListDossiersQuerySchema = z.object({
  q: z.string().trim().max(LIMITS.codeMaxLength).optional(),
  agencyId: z.uuid().optional(),
  procedureId: z.uuid().optional(),
  status: z.enum(DOSSIER_STATUS_VALUES).optional(),
  timeliness: z.enum(TIMELINESS_FILTER_VALUES).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type ListDossiersQuery = z.infer<typeof ListDossiersQuerySchema>;
