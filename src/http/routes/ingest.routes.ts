import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticateIntegration, ingestRating } from '#app/ratings/ingest-rating.ts';
import { setRequestActor } from '#app/request-context.ts';
import { InstantSchema } from '#shared/dossier.schema.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { keepRawJsonBody } from '../raw-json-body.ts';
import { publicRateLimit } from '../rate-limits.ts';
import { signedAccess } from '../auth/route-access.ts';

const point = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const IngestBody = z.object({
  dossierCode: z.string().trim().min(1).max(64),
  satisfaction: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  answers: z
    .object({ cs1: point.optional(), cs3: point.optional(), cs4: point.optional(), cs7: point.optional() })
    .strict()
    .optional(),
  comment: z.string().trim().max(1000).optional(),
  submittedAt: InstantSchema,
});
const IngestHeaders = z.object({
  'x-hailong-integration': z.string().max(64).describe('the integration id'),
  'x-hailong-timestamp': z
    .string()
    .max(20)
    .describe('epoch milliseconds; within 5 minutes of the server clock'),
  'x-hailong-signature': z.string().max(200).describe('base64 Ed25519 signature of "<timestamp>.<raw body>"'),
  'idempotency-key': z.string().min(1).max(200).describe('the same key again is a no-op'),
});

/**
 * Ratings from other channels (issue 4): `POST /api/v1/ingest/ratings`, one Ed25519 key per
 * integration, every request signed over its raw body with a timestamp, idempotency keys.
 */
export async function registerIngestRoutes(app: ZodApp, ctx: HttpContext): Promise<void> {
  await app.register((scope, _options, done) => {
    // The signature covers the exact bytes sent, so this scope keeps the raw body next to the parsed one.
    keepRawJsonBody(scope);
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/api/v1/ingest/ratings',
      {
        config: {
          ...publicRateLimit,
          access: signedAccess('the integration signs the request with its Ed25519 key'),
        },
        schema: {
          tags: ['ratings'],
          summary:
            'Deliver a rating from another channel (hotline, comment box, device, social network); signed, idempotent',
          headers: IngestHeaders,
          body: IngestBody,
          response: {
            200: z.object({ id: z.string(), counts: z.boolean() }),
            201: z.object({ id: z.string(), counts: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const integration = await authenticateIntegration(ctx.deps, {
          integrationId: request.headers['x-hailong-integration'],
          timestamp: request.headers['x-hailong-timestamp'],
          signature: request.headers['x-hailong-signature'],
          rawBody: request.rawBody ?? '',
        });
        setRequestActor({ kind: 'integration', integrationId: integration.id });
        const { answers, comment, ...rest } = request.body;
        const result = await ingestRating(ctx.deps, integration, request.headers['idempotency-key'], {
          ...rest,
          ...(answers ? { answers } : {}),
          ...(comment ? { comment } : {}),
        });
        return reply.status(result.replayed ? 200 : 201).send({ id: result.id, counts: result.counts });
      },
    );
    done();
  });
}
