import { z } from 'zod';
import { CHANNEL_VALUES, DOSSIER_STATUS_VALUES } from './dossier.schema.ts';

/** Response shapes of the dossier API (also the web's types). Dates are local 'YYYY-MM-DD'; instants ISO 8601. */
const Timeliness = z.enum(['early', 'on_time', 'late']).nullable();
const Ref = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const DossierSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  agency: Ref,
  procedure: Ref.extend({ sector: z.string() }),
  channel: z.enum(CHANNEL_VALUES),
  status: z.enum(DOSSIER_STATUS_VALUES),
  receivedAt: z.string(),
  dueDate: z.string(),
  dueRescheduledDate: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeliness: Timeliness,
  /** While open: within time or overdue as of today. */
  openTimeliness: z.enum(['within_time', 'overdue']).nullable(),
  supplementCount: z.number().int(),
});
export type DossierSummary = z.infer<typeof DossierSummarySchema>;

export const DossierPageSchema = z.object({
  items: z.array(DossierSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DossierPage = z.infer<typeof DossierPageSchema>;

export const DossierEventViewSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.string(),
  occurredAt: z.string(),
  official: z.object({ code: z.string(), name: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  source: z.string(),
});

export const DossierStepViewSchema = z.object({
  stepId: z.string(),
  seq: z.number().int(),
  unit: Ref,
  official: z.object({ code: z.string(), name: z.string() }).nullable(),
  allotted: z.object({ value: z.number(), unit: z.string() }),
  receivedAt: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  handedOverAt: z.string().nullable(),
  timeliness: Timeliness,
  openTimeliness: z.enum(['within_time', 'overdue']).nullable(),
});

export const DossierDetailSchema = DossierSummarySchema.extend({
  procedure: Ref.extend({
    sector: z.string(),
    timeLimit: z.object({ value: z.number(), unit: z.string() }),
    receiptCutoff: z.string(),
  }),
  receivingOfficial: z.object({ code: z.string(), name: z.string() }).nullable(),
  dueInitialDate: z.string(),
  dueLegalAt: z.string(),
  timelinessRescheduled: Timeliness,
  isApologyLate: z.boolean(),
  returnedAt: z.string().nullable(),
  supplementNotAtFaultCount: z.number().int(),
  isPaidOnline: z.boolean(),
  digitisedComponents: z.number().int(),
  hasElectronicResult: z.boolean(),
  events: z.array(DossierEventViewSchema),
  steps: z.array(DossierStepViewSchema),
  supplements: z.array(
    z.object({
      seq: z.number().int(),
      requestedAt: z.string(),
      reason: z.string(),
      applicantAtFault: z.boolean(),
      stage: z.string(),
      completedAt: z.string().nullable(),
    }),
  ),
  /** What the engine applied to get the due date, with the articles. */
  dueExplanation: z.array(z.string()),
});
export type DossierDetail = z.infer<typeof DossierDetailSchema>;
