import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { agencyResource } from '#app/auth/agency-path.ts';
import { agencySubtreeIds } from '#app/catalog/agency-subtree.ts';
import type { Db } from '#app/deps.ts';
import { getSectorScores } from '#app/reports/get-sector-scores.ts';
import { getTimelinessRates } from '#app/reports/get-timeliness-rates.ts';
import { getUnitReport } from '#app/reports/get-unit-report.ts';
import { listUnitReports } from '#app/reports/list-unit-reports.ts';
import { saveUnitReportDraft } from '#app/reports/save-unit-report-draft.ts';
import { submitUnitReport } from '#app/reports/submit-unit-report.ts';
import type { Resource } from '#domain/auth/policy.ts';
import { DomainError } from '#domain/errors.ts';
import { parsePeriod } from '#domain/periods/period.ts';
import { UNIT_REPORT_LIMITS } from '#shared/report.view.ts';
import { ANY_AGENCY } from '../auth/resources.ts';
import { policy, type RouteAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import {
  presentSectorScores,
  presentTimeliness,
  presentUnitReport,
  presentUnitReportFigures,
  presentUnitReportList,
} from '../presenters/present-reports.ts';

const Period = z
  .string()
  .trim()
  .min(4)
  .max(22)
  .describe('quarter "2025-Q3", year "2025" or range "2026-07-01..2026-08-15"');
/** The unit report is made per quarter or year (Thông tư 01/2018 Điều 15 khoản 4). */
const ReportPeriod = z.string().trim().min(4).max(7).describe('quarter "2025-Q3" or year "2025"');
const AgencyCode = z.string().trim().min(1).max(64);

/** The agency named by `:agencyCode`; unknown is AGENCY_NOT_FOUND (as out of scope looks). */
function agencyOfCodeParam(db: Db) {
  return async (request: FastifyRequest): Promise<Resource> => {
    const params: unknown = request.params;
    const code =
      typeof params === 'object' &&
      params !== null &&
      'agencyCode' in params &&
      typeof params.agencyCode === 'string'
        ? params.agencyCode.trim()
        : '';
    const row =
      code.length > 0 && code.length <= 64
        ? await db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst()
        : undefined;
    if (row === undefined) throw new DomainError('AGENCY_NOT_FOUND');
    return agencyResource(db, row.id);
  };
}

/** Agency code of the `agency` query (optional): its id, or AGENCY_NOT_FOUND. */
async function agencyIdOfQuery(db: Db, code: string | undefined): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const row = await db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst();
  if (row === undefined)
    throw new DomainError('AGENCY_NOT_FOUND', {
      problems: [{ field: 'agency', message: `không có cơ quan mã ${code}` }],
    });
  return row.id;
}

/**
 * Period reports (docs/reports.md): the per-sector table, the early / on-time / late rates, and
 * the unit reports to the level above with their proposed remedies.
 */
export function registerReportRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['reports'];
  const { db } = ctx.deps;
  // Agency-level results are published (Thông tư 01/2018 Điều 16), as the agency table is.
  const published: RouteAccess = policy('score.read', ANY_AGENCY);
  const unit = agencyOfCodeParam(db);
  app.get(
    '/api/v1/scores/sectors',
    {
      config: { access: published },
      schema: {
        tags: ['scores'],
        summary:
          'Per-sector table of a period: indicators 1, 2, 3, 4, 7, total, dossiers; per agency within each sector',
        querystring: z.object({
          period: Period,
          agency: AgencyCode.optional().describe('limit to this agency (code) and its subtree'),
        }),
      },
    },
    async (request) =>
      presentSectorScores(
        await getSectorScores(ctx.deps, parsePeriod(request.query.period), {
          rootAgencyId: await agencyIdOfQuery(db, request.query.agency),
        }),
      ),
  );
  app.get(
    '/api/v1/reports/timeliness',
    {
      config: { access: published },
      schema: {
        tags,
        summary: 'Early / on-time / late counts and rates per agency (and month) of a period',
        querystring: z.object({
          period: Period,
          agency: AgencyCode.optional().describe('limit to this agency (code) and its subtree'),
          byMonth: z.enum(['true', 'false']).optional().describe('also per calendar month'),
        }),
      },
    },
    async (request) => {
      const period = parsePeriod(request.query.period);
      const rootId = await agencyIdOfQuery(db, request.query.agency);
      const agencyIds = rootId === undefined ? null : await agencySubtreeIds(db, rootId);
      return presentTimeliness(
        period,
        await getTimelinessRates(ctx.deps, period, { agencyIds, byMonth: request.query.byMonth === 'true' }),
      );
    },
  );
  app.get(
    '/api/v1/reports/units',
    {
      config: { access: published },
      schema: {
        tags,
        summary: "The units' reports to the level above for a quarter or year, with the state of each",
        querystring: z.object({ period: ReportPeriod }),
      },
    },
    async (request) =>
      presentUnitReportList(await listUnitReports(ctx.deps, { period: parsePeriod(request.query.period) })),
  );
  app.get(
    '/api/v1/reports/units/:agencyCode',
    {
      config: { access: policy('score.read', unit, { hideAs: 'AGENCY_NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          "A unit's report: agency and officials' tables, satisfaction, timeliness, 766 row, and every revision of its remedies",
        params: z.object({ agencyCode: AgencyCode }),
        querystring: z.object({ period: ReportPeriod }),
      },
    },
    async (request) =>
      presentUnitReport(
        await getUnitReport(ctx.deps, {
          agencyCode: request.params.agencyCode,
          period: parsePeriod(request.query.period),
        }),
      ),
  );
  app.put(
    '/api/v1/reports/units/:agencyCode',
    {
      config: { access: policy('report.submit', unit, { hideAs: 'AGENCY_NOT_FOUND' }) },
      schema: {
        tags,
        summary:
          'Save the draft of the proposed remedies and notes; a submitted report is only changed by a correction with its reason',
        params: z.object({ agencyCode: AgencyCode }),
        body: z.object({
          period: ReportPeriod,
          remedies: z.string().trim().max(UNIT_REPORT_LIMITS.remedies),
          notes: z.string().trim().max(UNIT_REPORT_LIMITS.notes).default(''),
          correctionReason: z
            .string()
            .trim()
            .min(1)
            .max(UNIT_REPORT_LIMITS.correctionReason)
            .optional()
            .describe('opens a correction (the next revision) of a submitted report'),
        }),
      },
    },
    async (request) => {
      const saved = await saveUnitReportDraft(ctx.deps, {
        agencyCode: request.params.agencyCode,
        period: parsePeriod(request.body.period),
        remedies: request.body.remedies,
        notes: request.body.notes,
        correctionReason: request.body.correctionReason,
      });
      return { revision: saved.revision, status: saved.status };
    },
  );
  app.post(
    '/api/v1/reports/units/:agencyCode/submit',
    {
      config: { access: policy('report.submit', unit, { hideAs: 'AGENCY_NOT_FOUND' }) },
      schema: {
        tags,
        summary: 'Send the draft to the level above; the sent revision is frozen',
        params: z.object({ agencyCode: AgencyCode }),
        body: z.object({ period: ReportPeriod }),
      },
    },
    async (request) => {
      const period = parsePeriod(request.body.period);
      const report = await getUnitReport(ctx.deps, { agencyCode: request.params.agencyCode, period });
      const submitted = await submitUnitReport(ctx.deps, {
        agencyCode: request.params.agencyCode,
        period,
        figures: presentUnitReportFigures(report),
      });
      return {
        revision: submitted.revision,
        status: submitted.status,
        submittedAt: submitted.submitted_at?.toISOString() ?? null,
      };
    },
  );
}
