import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Catalog contracts shared by the HTTP API, the bulk import and the web. */
export const AGENCY_LEVELS = ['province', 'department', 'district', 'commune', 'unit'] as const;
export const OFFICIAL_ROLES = ['counter', 'handling', 'focal', 'leader'] as const;
export const TIME_LIMIT_UNITS = ['working_days', 'calendar_days', 'hours'] as const;
export const ONLINE_LEVELS = ['none', 'partial', 'full'] as const;
export const RESULT_TYPES = ['paper', 'electronic', 'paper_and_electronic', 'none'] as const;
export const DESK_KINDS = ['desk', 'centre'] as const;

const code = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.codeMaxLength)
  .regex(/^[A-Za-z0-9._-]+$/, 'chỉ gồm chữ, số và . _ -');
const name = z.string().trim().min(1).max(LIMITS.nameMaxLength);
export const IsoDateSchema = z.iso.date();
const optionalDate = IsoDateSchema.nullish().transform((value) => value ?? null);
const optionalText = z
  .string()
  .trim()
  .max(LIMITS.nameMaxLength)
  .nullish()
  .transform((value) => (value === '' || value === undefined ? null : value));

export const AgencyInputSchema = z.object({
  code,
  name,
  level: z.enum(AGENCY_LEVELS),
  parentCode: code.nullish().transform((value) => value ?? null),
  validFrom: optionalDate,
  validTo: optionalDate,
});
export type AgencyInput = z.infer<typeof AgencyInputSchema>;

export const DeskInputSchema = z.object({
  agencyCode: code,
  code,
  name,
  kind: z.enum(DESK_KINDS).default('desk'),
  address: optionalText,
});
export type DeskInput = z.infer<typeof DeskInputSchema>;

export const CounterInputSchema = z.object({
  agencyCode: code,
  deskCode: code,
  code,
  name,
});
export type CounterInput = z.infer<typeof CounterInputSchema>;

export const OfficialInputSchema = z.object({
  code,
  fullName: name,
  agencyCode: code,
  roles: z.array(z.enum(OFFICIAL_ROLES)).max(OFFICIAL_ROLES.length).default([]),
  activeFrom: IsoDateSchema,
  activeTo: optionalDate,
  email: z
    .email()
    .nullish()
    .transform((value) => value ?? null),
});
export type OfficialInput = z.infer<typeof OfficialInputSchema>;

export const ProcedureInputSchema = z.object({
  code,
  name,
  sector: name,
  timeLimitValue: z.number().int().min(0).max(LIMITS.maxTimeLimitValue),
  timeLimitUnit: z.enum(TIME_LIMIT_UNITS),
  feeVnd: z.number().int().min(0).max(LIMITS.maxFeeVnd).default(0),
  onlineLevel: z.enum(ONLINE_LEVELS).default('none'),
  resultType: z.enum(RESULT_TYPES).default('paper'),
  isFourStep: z.boolean().default(false),
  receiptCutoff: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'giờ dạng HH:MM')
    .default('15:00'),
});
export type ProcedureInput = z.infer<typeof ProcedureInputSchema>;

export const CATALOG_KINDS = ['agencies', 'desks', 'counters', 'officials', 'procedures'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const CATALOG_INPUT_SCHEMAS = {
  agencies: AgencyInputSchema,
  desks: DeskInputSchema,
  counters: CounterInputSchema,
  officials: OfficialInputSchema,
  procedures: ProcedureInputSchema,
} as const;
