import { z } from 'zod';
import { getAgencyScoreDetail } from '#app/scoring/get-agency-score-detail.ts';
import { getAgencyScores } from '#app/scoring/get-agency-scores.ts';
import { getDossierScore } from '#app/scoring/get-dossier-score.ts';
import { getOfficialScores } from '#app/scoring/get-official-scores.ts';
import { getQd766Scores } from '#app/scoring/get-qd766-scores.ts';
import { getSatisfaction } from '#app/scoring/get-satisfaction.ts';
import { listScoredDossiers } from '#app/scoring/list-scored-dossiers.ts';
import { recordAgencyAssessment } from '#app/scoring/record-agency-assessment.ts';
import { DomainError } from '#domain/errors.ts';
import { parsePeriod } from '#domain/periods/period.ts';
import {
  ANY_AGENCY,
  agencyOfBodyCode,
  dossierOfParam,
  officialOfParam,
  scoreSubjectOfQuery,
} from '../auth/resources.ts';
import { policy, type RouteAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { dossierRef } from '../dossier-ref.ts';
import {
  presentAgencyScoreDetail,
  presentAgencyScores,
  presentDossierScore,
  presentOfficialScoreDetail,
  presentOfficialScores,
  presentQd766Scores,
  presentSatisfaction,
  presentScoredDossiers,
} from '../presenters/present-scores.ts';

const PeriodQuery = z.object({
  period: z
    .string()
    .trim()
    .min(4)
    .max(22)
    .describe('quarter "2025-Q3", year "2025" or range "2026-07-01..2026-08-15"'),
  agencyId: z.uuid().optional().describe('limit to this agency and its subtree'),
});

/** Scores: agency and official tables per period, a dossier's explained score, drill-down, assessments. */
export function registerScoreRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['scores'];
  const { db } = ctx.deps;
  // Agency results are published (Thông tư 01/2018 Điều 16): every staff role with score.read
  // sees every agency's; an official's scores only within the caller's agencies.
  const agencyTables: RouteAccess = policy('score.read', ANY_AGENCY);
  const official = officialOfParam(db);
  app.get(
    '/api/v1/scores/agencies',
    {
      config: { access: agencyTables },
      schema: {
        tags,
        summary: 'Agency table of a period: 9 indicators, total /18, n/9, grade, rank (TT 01/2018 Điều 15)',
        querystring: PeriodQuery,
      },
    },
    async (request) =>
      presentAgencyScores(
        await getAgencyScores(ctx.deps, parsePeriod(request.query.period), {
          rootAgencyId: request.query.agencyId,
        }),
      ),
  );
  app.get(
    '/api/v1/scores/agencies/:agencyId',
    {
      config: { access: agencyTables },
      schema: {
        tags,
        summary: "One agency's score explained: candidates per indicator, grade rule, per-sector breakdown",
        params: z.object({ agencyId: z.uuid() }),
        querystring: z.object({ period: z.string().trim().min(4).max(22) }),
      },
    },
    async (request) =>
      presentAgencyScoreDetail(
        await getAgencyScoreDetail(ctx.deps, request.params.agencyId, parsePeriod(request.query.period)),
      ),
  );
  app.get(
    '/api/v1/scores/officials',
    {
      config: { access: policy('score.read', ANY_AGENCY) },
      schema: {
        tags,
        summary: 'Official table of a period: indicators 1, 2, 3, 4, 7, total /10, class',
        querystring: PeriodQuery,
      },
    },
    async (request) =>
      presentOfficialScores(
        await getOfficialScores(ctx.deps, parsePeriod(request.query.period), {
          rootAgencyId: request.query.agencyId,
        }),
      ),
  );
  app.get(
    '/api/v1/scores/officials/:officialId',
    {
      config: { access: policy('score.read', official, { hideAs: 'OFFICIAL_NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          "One official's score explained: the sums and counts behind each indicator and the class rule",
        params: z.object({ officialId: z.uuid() }),
        querystring: z.object({ period: z.string().trim().min(4).max(22) }),
      },
    },
    async (request) => {
      const detail = presentOfficialScoreDetail(
        await getOfficialScores(ctx.deps, parsePeriod(request.query.period)),
        request.params.officialId,
      );
      if (detail === null) {
        throw new DomainError('OFFICIAL_NOT_FOUND', {
          message: 'Cán bộ không có hồ sơ được chấm điểm trong kỳ này.',
        });
      }
      return detail;
    },
  );
  app.get(
    '/api/v1/scores/qd766',
    {
      config: { access: agencyTables },
      schema: {
        tags,
        summary:
          'Quyết định 766 index per agency: groups, sub-indicators with their rates, total /100, class',
        querystring: PeriodQuery,
      },
    },
    async (request) =>
      presentQd766Scores(
        await getQd766Scores(ctx.deps, parsePeriod(request.query.period), {
          rootAgencyId: request.query.agencyId,
        }),
      ),
  );
  app.get(
    '/api/v1/scores/satisfaction',
    {
      config: { access: agencyTables },
      schema: {
        tags,
        summary:
          'Citizen satisfaction of a period: 5 levels and the 3-level view, overall, per agency and per official',
        querystring: PeriodQuery,
      },
    },
    async (request) =>
      presentSatisfaction(
        await getSatisfaction(ctx.deps, parsePeriod(request.query.period), {
          rootAgencyId: request.query.agencyId,
        }),
      ),
  );
  app.get(
    '/api/v1/scores/dossiers',
    {
      config: { access: policy('score.read', scoreSubjectOfQuery(db), { hideAs: 'NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          'The dossiers behind a number: scored dossiers of an agency or official, per indicator and points',
        querystring: z.object({
          period: z.string().trim().min(4).max(22),
          subjectKind: z.enum(['agency', 'official']),
          subjectId: z.uuid(),
          indicator: z.enum(['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7']).optional(),
          points: z.coerce.number().int().min(0).max(2).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) =>
      presentScoredDossiers(
        await listScoredDossiers(ctx.deps, { ...request.query, period: parsePeriod(request.query.period) }),
      ),
  );
  app.get(
    '/api/v1/dossiers/:ref/score',
    {
      config: { access: policy('score.read', dossierOfParam(db), { hideAs: 'DOSSIER_NOT_FOUND' }) },
      schema: {
        tags,
        summary: "A dossier's score: facts, rule and article behind each indicator",
        params: z.object({ ref: z.string().min(1).max(80) }),
      },
    },
    async (request) => {
      return presentDossierScore(await getDossierScore(ctx.deps, dossierRef(request.params.ref)));
    },
  );
  app.put(
    '/api/v1/scores/assessments',
    {
      config: { access: policy('score.assess', agencyOfBodyCode(db)) },
      schema: {
        tags,
        summary:
          'Record the self-assessment or the appraisal (thẩm định) of indicator 5, 6, 8 or 9 for an agency and period',
        body: z.object({
          agencyCode: z.string().trim().min(1).max(64),
          period: z.string().trim().min(4).max(7),
          indicator: z.enum(['cs5', 'cs6', 'cs8', 'cs9']),
          source: z.enum(['self', 'appraisal']),
          points: z.number().int().min(0).max(2),
          note: z.string().trim().min(1).max(2000).describe('evidence notes'),
        }),
      },
    },
    async (request, reply) => {
      await recordAgencyAssessment(ctx.deps, { ...request.body, period: parsePeriod(request.body.period) });
      return reply.status(204).send();
    },
  );
}
