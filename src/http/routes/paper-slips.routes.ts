import { z } from 'zod';
import { actingStaffUser } from '#app/ratings/acting-user.ts';
import { dossierFromScan, keyInPaperSlip } from '#app/ratings/key-in-paper-slip.ts';
import { InstantSchema } from '#shared/dossier.schema.ts';
import { findDossier } from '#db/repositories/dossier.repository.ts';
import { DomainError } from '#domain/errors.ts';
import { listDossierCorrectionsAndAppeals } from '#app/ratings/list-dossier-corrections-and-appeals.ts';
import { staffRef } from '#app/ratings/list-rating-corrections.ts';
import {
  presentRatingAppeal,
  presentRatingCorrection,
  RatingAppealSchema,
  RatingCorrectionSchema,
  StaffRefSchema,
} from '../presenters/present-rating-corrections.ts';
import { dossierOfParam, dossierOfScan } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';

const point = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/**
 * Paper slips keyed in by the focal or counter official (issue 4): look up what was scanned, then
 * record the ticks as the signed-in staff member.
 */
export function registerPaperSlipRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['ratings'];
  app.get(
    '/api/v1/paper-slips/lookup',
    {
      config: {
        access: policy('rating.key_paper', dossierOfScan(ctx.deps, 'query'), { hideAs: 'DOSSIER_NOT_FOUND' }),
      },
      schema: {
        tags,
        summary:
          'The dossier behind a scanned slip (Code 128 dossier code or QR link), and whether it is rated already',
        querystring: z.object({ scanned: z.string().trim().min(1).max(300) }),
        response: {
          200: z.object({
            dossier: z.object({
              id: z.string(),
              code: z.string(),
              status: z.string(),
              agencyName: z.string(),
              procedureName: z.string(),
            }),
            alreadyRated: z.boolean(),
          }),
        },
      },
    },
    async (request) => {
      const found = await dossierFromScan(ctx.deps, request.query.scanned);
      const row = await ctx.deps.db
        .selectFrom('dossier')
        .innerJoin('agency', 'agency.id', 'dossier.agency_id')
        .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
        .select(['dossier.status', 'agency.name as agency_name', 'procedure.name as procedure_name'])
        .where('dossier.id', '=', found.id)
        .executeTakeFirstOrThrow();
      const rated = await ctx.deps.db
        .selectFrom('rating')
        .select('id')
        .where('dossier_id', '=', found.id)
        .where('is_duplicate', '=', false)
        .executeTakeFirst();
      return {
        dossier: {
          id: found.id,
          code: found.code,
          status: row.status,
          agencyName: row.agency_name,
          procedureName: row.procedure_name,
        },
        alreadyRated: rated !== undefined,
      };
    },
  );
  app.get(
    '/api/v1/dossiers/:ref/ratings',
    {
      config: { access: policy('rating.read', dossierOfParam(ctx.deps.db), { hideAs: 'DOSSIER_NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          "A dossier's ratings, oldest first: the one that counts and the logged duplicates (no personal data), each with its corrections, appeals and the version that counts",
        params: z.object({ ref: z.string().min(1).max(80) }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              channel: z.string(),
              satisfaction: z.number(),
              answers: z.record(z.string(), z.unknown()),
              comment: z.string().nullable(),
              submittedAt: z.string(),
              counts: z.boolean(),
              /** Paper slips: the account that keyed it in, and its official when linked. */
              keyedBy: StaffRefSchema.nullable(),
              /** Which version reports count (issue 4 point 8): the rating as given, an approved correction, or none. */
              counted: z.union([
                z.literal('original'),
                z.literal('none'),
                z.templateLiteral(['correction:', z.string()]),
              ]),
              corrections: z.array(RatingCorrectionSchema),
              appeals: z.array(RatingAppealSchema),
            }),
          ),
        },
      },
    },
    async (request) => {
      const ref = /^[0-9a-f-]{36}$/i.test(request.params.ref)
        ? { id: request.params.ref.toLowerCase() }
        : { code: request.params.ref };
      const dossier = await findDossier(ctx.deps.db, ref);
      if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
      const rows = await ctx.deps.db
        .selectFrom('rating')
        .leftJoin('staff_user', 'staff_user.id', 'rating.keyed_by_user_id')
        .leftJoin('official', 'official.id', 'rating.keyed_by_official_id')
        .select([
          'rating.id',
          'rating.channel',
          'rating.satisfaction',
          'rating.answers',
          'rating.comment',
          'rating.submitted_at',
          'rating.is_duplicate',
          'staff_user.id as keyed_user_id',
          'staff_user.display_name as keyed_user_name',
          'official.id as keyed_official_id',
          'official.code as keyed_code',
          'official.full_name as keyed_name',
        ])
        .where('rating.agency_id', '=', dossier.agency_id)
        .where('rating.dossier_id', '=', dossier.id)
        .orderBy('rating.submitted_at')
        .orderBy('rating.recorded_at')
        .execute();
      const reviews = await listDossierCorrectionsAndAppeals(ctx.deps.db, {
        agencyId: dossier.agency_id,
        id: dossier.id,
      });
      return rows.map((row) => ({
        id: row.id,
        channel: row.channel,
        satisfaction: row.satisfaction,
        answers: row.answers,
        comment: row.comment,
        submittedAt: row.submitted_at.toISOString(),
        counts: !row.is_duplicate,
        keyedBy: staffRef(
          { id: row.keyed_user_id, name: row.keyed_user_name },
          { id: row.keyed_official_id, code: row.keyed_code, name: row.keyed_name },
        ),
        counted: reviews.counted.get(row.id) ?? 'none',
        corrections: (reviews.corrections.get(row.id) ?? []).map(presentRatingCorrection),
        appeals: (reviews.appeals.get(row.id) ?? []).map(presentRatingAppeal),
      }));
    },
  );
  app.post(
    '/api/v1/paper-slips',
    {
      config: {
        access: policy('rating.key_paper', dossierOfScan(ctx.deps, 'body'), { hideAs: 'DOSSIER_NOT_FOUND' }),
      },
      schema: {
        tags,
        summary:
          'Key in a paper evaluation slip as the signed-in staff member: the account (and its linked official) and the slip are recorded; keying the same slip twice is a no-op',
        body: z.object({
          scanned: z.string().trim().min(1).max(300),
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
          submittedAt: InstantSchema,
        }),
        response: {
          200: z.object({ id: z.string(), counts: z.boolean(), dossierCode: z.string() }),
          201: z.object({ id: z.string(), counts: z.boolean(), dossierCode: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const { answers, comment, ...rest } = request.body;
      const result = await keyInPaperSlip(ctx.deps, {
        ...rest,
        keyedBy: await actingStaffUser(ctx.deps.db),
        ...(answers ? { answers } : {}),
        ...(comment ? { comment } : {}),
      });
      return reply
        .status(result.replayed ? 200 : 201)
        .send({ id: result.id, counts: result.counts, dossierCode: result.dossierCode });
    },
  );
}
