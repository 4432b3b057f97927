import { z } from 'zod';
import { createCheckpoint } from '#app/audit/create-checkpoint.ts';
import { listAuditEntries } from '#app/audit/list-audit-entries.ts';
import { getCheckpoint, listCheckpoints } from '#app/audit/list-checkpoints.ts';
import { getLastVerification, verifyAudit } from '#app/audit/verify-audit.ts';
import { SYSTEM_CHAIN } from '#domain/audit/audit-entry.ts';
import {
  AuditEntryPageSchema,
  AuditVerificationViewSchema,
  CheckpointSummarySchema,
  SignedCheckpointSchema,
} from '#shared/audit.view.ts';
import { ANY_AGENCY, PROVINCE_WIDE, auditChainOfQuery } from '../auth/resources.ts';
import { policy, publicAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { presentAuditEntry } from '../presenters/present-audit.ts';

const tags = ['audit'];

const EntriesQuery = z.object({
  agencyId: z.uuid().optional().describe(`one chain: an agency, or ${SYSTEM_CHAIN} for the system chain`),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('an action, or a prefix ending in "." (rating.)'),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("the actor's id or name (username, device id…)"),
  from: z.iso.datetime({ offset: true }).optional().describe('from this instant (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('until this instant (exclusive)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/**
 * The tamper-evident audit log (issue 5 points 3–4): the log for the back office, checkpoints
 * published to anyone (list and signed download), and verification on demand.
 */
export function registerAuditRoutes(app: ZodApp, ctx: HttpContext): void {
  app.get(
    '/api/v1/audit/entries',
    {
      // One chain needs audit.read over that agency; the whole log (every chain) a province-wide grant.
      config: {
        access: policy('audit.read', auditChainOfQuery(ctx.deps.db)),
      },
      schema: {
        tags,
        summary: 'The audit log, newest first: filter by chain (agency), action, actor and time',
        querystring: EntriesQuery,
        response: { 200: AuditEntryPageSchema },
      },
    },
    async (request) => {
      const { entries, total } = await listAuditEntries(ctx.deps, request.query);
      return {
        entries: entries.map(presentAuditEntry),
        total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );
  app.get(
    '/api/v1/audit/checkpoints',
    {
      config: { access: publicAccess('checkpoints are published so anyone can hold the log to them') },
      schema: {
        tags,
        summary: 'Published checkpoints of the audit chains, newest first (public)',
        response: {
          200: z.object({ checkpoints: z.array(CheckpointSummarySchema), publicKey: z.string().nullable() }),
        },
      },
    },
    async () => ({
      checkpoints: await listCheckpoints(ctx.deps),
      publicKey: ctx.deps.auditKeys?.signing.publicKeyPem ?? null,
    }),
  );
  app.get(
    '/api/v1/audit/checkpoints/:id',
    {
      config: { access: publicAccess('checkpoints are published so anyone can hold the log to them') },
      schema: {
        tags,
        summary:
          'One checkpoint, signed (Ed25519), with the public key: keep it and pass it to `hailong audit verify --checkpoint`',
        params: z.object({ id: z.uuid() }),
        response: { 200: SignedCheckpointSchema },
      },
    },
    async (request, reply) => {
      const signed = await getCheckpoint(ctx.deps, request.params.id);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="hailong-checkpoint-${signed.checkpoint.id}.json"`,
        )
        .send(signed);
    },
  );
  app.post(
    '/api/v1/audit/checkpoints',
    {
      config: { access: policy('audit.verify', PROVINCE_WIDE) },
      schema: { tags, summary: 'Checkpoint every chain head now', response: { 201: SignedCheckpointSchema } },
    },
    async (_request, reply) => reply.status(201).send(await createCheckpoint(ctx.deps)),
  );
  app.post(
    '/api/v1/audit/verify',
    {
      config: { access: policy('audit.verify', PROVINCE_WIDE) },
      schema: {
        tags,
        summary: 'Recompute every chain and the audited data now; the result is stored',
        response: { 200: AuditVerificationViewSchema },
      },
    },
    async () => verifyAudit(ctx.deps, { store: true }),
  );
  app.get(
    '/api/v1/audit/verification',
    {
      config: { access: policy('audit.read', ANY_AGENCY) },
      schema: {
        tags,
        summary: 'The last stored verification (null when none ran yet)',
        response: { 200: z.object({ verification: AuditVerificationViewSchema.nullable() }) },
      },
    },
    async () => ({ verification: await getLastVerification(ctx.deps) }),
  );
}
