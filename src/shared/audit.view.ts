import { z } from 'zod';

/** API shapes of the audit log (issue 5): entries, checkpoints, verifications (also the web's types). */
export const AuditEntryViewSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string().nullable(),
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  target: z.object({ table: z.string(), key: z.string() }),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

export const AuditEntryPageSchema = z.object({
  entries: z.array(AuditEntryViewSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AuditEntryPage = z.infer<typeof AuditEntryPageSchema>;

const HeadSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** The signed download of a checkpoint (also what `hailong audit verify --checkpoint FILE` reads). */
export const SignedCheckpointSchema = z.object({
  checkpoint: z.object({
    id: z.string().min(1),
    createdAt: z.iso.datetime({ offset: true }),
    heads: z.record(z.string(), HeadSchema),
  }),
  signature: z.string().min(1),
  publicKeyId: z.string(),
  publicKey: z.string().nullable(),
});
export type SignedCheckpointView = z.infer<typeof SignedCheckpointSchema>;

export const CheckpointSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  chains: z.number().int(),
  entries: z.number().int(),
  publicKeyId: z.string(),
});
export type CheckpointSummaryView = z.infer<typeof CheckpointSummarySchema>;

export const AuditFindingViewSchema = z.object({
  kind: z.string(),
  agencyId: z.string(),
  seq: z.number().int().nullable(),
  table: z.string().optional(),
  key: z.string().optional(),
  message: z.string(),
});
export type AuditFindingView = z.infer<typeof AuditFindingViewSchema>;

export const AuditVerificationViewSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  entries: z.number().int(),
  chains: z.number().int(),
  rowsChecked: z.number().int(),
  checkpoints: z.number().int(),
  findings: z.array(AuditFindingViewSchema),
});
export type AuditVerificationView = z.infer<typeof AuditVerificationViewSchema>;
