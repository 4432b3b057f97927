import { z } from 'zod';
import { actingStaffUser } from '#app/ratings/acting-user.ts';
import { decideRatingCorrection } from '#app/ratings/decide-rating-correction.ts';
import { fileRatingAppeal } from '#app/ratings/file-rating-appeal.ts';
import { CORRECTION_STATUSES, listRatingCorrections } from '#app/ratings/list-rating-corrections.ts';
import { proposeRatingCorrection } from '#app/ratings/propose-rating-correction.ts';
import { LIMITS } from '#shared/limits.ts';
import { presentRatingCorrection, RatingCorrectionSchema } from '../presenters/present-rating-corrections.ts';
import { ANY_AGENCY, correctionOfParam, ratingOfParam } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';

const point = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const reason = z.string().trim().min(1).max(LIMITS.reasonMaxLength);
const Created = z.object({ id: z.string(), ratingId: z.string(), dossierId: z.string() });

/**
 * Corrections and appeals of citizen ratings (issue 4 point 8): a correction is proposed by one
 * staff member and approved or rejected by another; the rated official can appeal. All of them
 * are new records; no route changes a rating (ratings-append-only.int.test.ts walks them all).
 * Who acts is the signed-in account (and its linked official), never a name in the body: the
 * two-person rule means nothing if the caller can say who they are.
 */
export function registerRatingCorrectionRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['ratings'];
  const rating = ratingOfParam(ctx.deps.db);
  app.post(
    '/api/v1/ratings/:id/corrections',
    {
      config: { access: policy('rating.correct.propose', rating, { hideAs: 'RATING_NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          'Propose a correction of a rating (e.g. a mis-keyed paper slip): a new record with a reason; it counts once another staff member approves it',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          satisfaction: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
          answers: z
            .object({
              cs1: point.optional(),
              cs3: point.optional(),
              cs4: point.optional(),
              cs7: point.optional(),
            })
            .strict()
            .optional(),
          comment: z.string().trim().max(1000).optional(),
          reason,
        }),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const { answers, comment, ...rest } = request.body;
      const created = await proposeRatingCorrection(ctx.deps, {
        ...rest,
        proposedBy: await actingStaffUser(ctx.deps.db),
        ratingId: request.params.id.toLowerCase(),
        ...(answers ? { answers } : {}),
        ...(comment ? { comment } : {}),
      });
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/v1/rating-corrections/:id/decision',
    {
      config: {
        access: policy('rating.correct.decide', correctionOfParam(ctx.deps.db), {
          hideAs: 'CORRECTION_NOT_FOUND',
        }),
      },
      schema: {
        tags,
        summary:
          'Approve or reject a proposed rating correction as the signed-in staff member: another account (and another official, when both are linked to one) than the proposer',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          decision: z.enum(['approved', 'rejected']),
          reason: z.string().trim().max(LIMITS.reasonMaxLength).optional(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            correctionId: z.string(),
            decision: z.enum(['approved', 'rejected']),
            counts: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { reason: why, ...rest } = request.body;
      const decided = await decideRatingCorrection(ctx.deps, {
        ...rest,
        decidedBy: await actingStaffUser(ctx.deps.db),
        correctionId: request.params.id.toLowerCase(),
        ...(why ? { reason: why } : {}),
      });
      return reply.status(201).send(decided);
    },
  );
  app.post(
    '/api/v1/ratings/:id/appeals',
    {
      config: { access: policy('rating.appeal', rating, { hideAs: 'RATING_NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          "The rated official contests a rating with a reason: the signed-in account's linked official must have received or handled the dossier; the rating is not changed",
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason }),
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await fileRatingAppeal(ctx.deps, {
          ...request.body,
          filedBy: await actingStaffUser(ctx.deps.db),
          ratingId: request.params.id.toLowerCase(),
        }),
      ),
  );
  app.get(
    '/api/v1/rating-corrections',
    {
      config: { access: policy('rating.read', ANY_AGENCY) },
      schema: {
        tags,
        summary:
          'Rating corrections, oldest first: by default those waiting for a decision; agencyId includes the units under it',
        querystring: z.object({
          status: z.enum(CORRECTION_STATUSES).default('pending'),
          agencyId: z.uuid().optional(),
        }),
        response: { 200: z.array(RatingCorrectionSchema) },
      },
    },
    async (request) =>
      (
        await listRatingCorrections(ctx.deps.db, {
          status: request.query.status,
          ...(request.query.agencyId ? { agencyId: request.query.agencyId.toLowerCase() } : {}),
        })
      ).map(presentRatingCorrection),
  );
}
