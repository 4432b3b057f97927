import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { agencyResource } from '#app/auth/agency-path.ts';
import type { Db } from '#app/deps.ts';
import { getAgencyScores } from '#app/scoring/get-agency-scores.ts';
import { getOfficialScores } from '#app/scoring/get-official-scores.ts';
import { getQd766Scores } from '#app/scoring/get-qd766-scores.ts';
import { getReportIssuer, type ReportIssuerData } from '#app/scoring/get-report-issuer.ts';
import { getSatisfaction } from '#app/scoring/get-satisfaction.ts';
import { listPeriodScoredDossiers } from '#app/scoring/list-period-scored-dossiers.ts';
import type { Resource } from '#domain/auth/policy.ts';
import { DomainError } from '#domain/errors.ts';
import { parsePeriod, type Period } from '#domain/periods/period.ts';
import { writeReportPdf } from '../../documents/report-pdf.ts';
import { placeOfProvince, type ReportIssuer, type ReportTable } from '../../documents/report-table.ts';
import { writeReportXlsx } from '../../documents/report-xlsx.ts';
import { ANY_AGENCY, scoreSubjectOfQuery } from '../auth/resources.ts';
import { policy, type RouteAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import {
  agencyReportTable,
  dossierReportTable,
  officialReportTable,
  periodSlug,
  qd766ReportTable,
  satisfactionReportTable,
  type ReportScope,
} from '../presenters/present-report-tables.ts';
import {
  presentAgencyScores,
  presentOfficialScores,
  presentQd766Scores,
  presentSatisfaction,
} from '../presenters/present-scores.ts';

const FORMATS = {
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: writeReportXlsx,
    label: 'Excel workbook (A4 landscape print setup)',
  },
  pdf: {
    type: 'application/pdf',
    write: writeReportPdf,
    label: 'PDF (A4, landscape for wide tables, embedded fonts, charts)',
  },
} as const;
type Format = keyof typeof FORMATS;

const ScopeQuery = {
  period: z
    .string()
    .trim()
    .min(4)
    .max(32)
    .describe('quarter "2025-Q3", year "2025" (or a range the JSON tables accept)'),
  agency: z.string().trim().min(1).max(64).optional().describe('agency code: limit to it and its subtree'),
  agencyId: z.uuid().optional().describe('the same, by id (as the JSON tables take it)'),
};
const TableQuery = z.object(ScopeQuery);
const DossierQuery = z.object({
  ...ScopeQuery,
  subjectKind: z
    .enum(['agency', 'official'])
    .optional()
    .describe('only the dossiers counted for this subject'),
  subjectId: z.uuid().optional(),
  indicator: z.enum(['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7']).optional(),
  points: z.coerce.number().int().min(0).max(2).optional(),
});
type TableQuery = z.infer<typeof TableQuery>;

/** What each table report is made of: its use case and presenter (the JSON table's) and its builder. */
interface TableReport {
  /** The file's name in words (filename*), and its ASCII stem. */
  title: string;
  slug: string;
  summary: string;
  build(
    ctx: HttpContext,
    period: Period,
    scope: ReportScope,
    rootAgencyId: string | undefined,
  ): Promise<ReportTable>;
}

const TABLE_REPORTS: Readonly<Record<'agencies' | 'officials' | 'qd766' | 'satisfaction', TableReport>> = {
  agencies: {
    title: 'Kết quả đánh giá cơ quan, đơn vị',
    slug: 'ket-qua-co-quan-don-vi',
    summary: 'The agency table of a period (as GET /api/v1/scores/agencies)',
    build: async (ctx, period, scope, rootAgencyId) =>
      agencyReportTable(
        presentAgencyScores(await getAgencyScores(ctx.deps, period, { rootAgencyId })),
        scope,
      ),
  },
  officials: {
    title: 'Kết quả đánh giá cán bộ, công chức',
    slug: 'ket-qua-can-bo-cong-chuc',
    summary: "The official table of a period, within the caller's agencies (as GET /api/v1/scores/officials)",
    build: async (ctx, period, scope, rootAgencyId) =>
      officialReportTable(
        presentOfficialScores(await getOfficialScores(ctx.deps, period, { rootAgencyId })),
        scope,
      ),
  },
  qd766: {
    title: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)',
    slug: 'chi-so-qd766',
    summary: 'The Quyết định 766 index per agency (as GET /api/v1/scores/qd766)',
    build: async (ctx, period, scope, rootAgencyId) =>
      qd766ReportTable(presentQd766Scores(await getQd766Scores(ctx.deps, period, { rootAgencyId })), scope),
  },
  satisfaction: {
    title: 'Mức độ hài lòng của người dân, doanh nghiệp',
    slug: 'muc-do-hai-long',
    summary: 'Citizen satisfaction per agency, with the overall row (as GET /api/v1/scores/satisfaction)',
    build: async (ctx, period, scope, rootAgencyId) =>
      satisfactionReportTable(
        presentSatisfaction(await getSatisfaction(ctx.deps, period, { rootAgencyId })),
        scope,
      ),
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The agency a per-dossier export is limited to (`agency` code or `agencyId`), read before
 * validation: the caller needs score.read over it (403 outside, as for the drill-down's
 * subject); without one, any grant will do and the list is filtered to the caller's agencies.
 */
function exportScopeOf(db: Db) {
  const subject = scoreSubjectOfQuery(db);
  return async (request: FastifyRequest): Promise<Resource> => {
    const query = (
      typeof request.query === 'object' && request.query !== null ? request.query : {}
    ) as Record<string, unknown>;
    if (query.subjectKind !== undefined) return subject(request);
    const id =
      typeof query.agencyId === 'string' && UUID.test(query.agencyId) ? query.agencyId.toLowerCase() : null;
    const code = typeof query.agency === 'string' ? query.agency.trim() : null;
    if (id === null && !code) {
      if (query.agencyId !== undefined) throw invalidField('agencyId');
      return ANY_AGENCY;
    }
    const row = await db
      .selectFrom('agency')
      .select('id')
      .$if(id !== null, (qb) => qb.where('id', '=', id ?? ''))
      .$if(!!code, (qb) => qb.where('code', '=', code ?? ''))
      .executeTakeFirst();
    if (row === undefined) throw new DomainError('AGENCY_NOT_FOUND');
    return agencyResource(db, row.id);
  };
}

function invalidField(field: string): DomainError {
  return new DomainError('VALIDATION_FAILED', {
    problems: [{ field: `query.${field}`, message: 'Thiếu hoặc không đúng định dạng.' }],
  });
}

/** attachment; an ASCII file name for old clients and the Vietnamese one as filename* (RFC 6266). */
export function contentDisposition(ascii: string, name: string): string {
  const safe = ascii.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(name.normalize('NFC'))}`;
}

function issuerOf(data: ReportIssuerData): ReportIssuer {
  return {
    agency: data.agency,
    subUnit: data.subUnit,
    place: placeOfProvince(data.provinceName),
    issuedAt: data.issuedAt,
    preparedBy: data.preparedBy,
  };
}

/**
 * Sends the report as it is written: the reply streams a PassThrough the writer fills. Anything
 * that can refuse the request (period, scope, data) has run before, so an error still gets its
 * JSON answer; a failure while writing can only abort the transfer, and is logged.
 */
function sendReport(
  request: FastifyRequest,
  reply: FastifyReply,
  format: Format,
  table: ReportTable,
  issuer: ReportIssuerData,
  names: { ascii: string; title: string },
): FastifyReply {
  const body = new PassThrough();
  const write: (table: ReportTable, issuer: ReportIssuer, output: Writable) => Promise<void> =
    FORMATS[format].write;
  write(table, issuerOf(issuer), body).catch((error: unknown) => {
    request.log.error({ err: error }, 'report export failed while streaming');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .status(200)
    .type(FORMATS[format].type)
    .header('content-disposition', contentDisposition(`${names.ascii}.${format}`, `${names.title}.${format}`))
    .header('cache-control', 'no-store')
    .send(body);
}

function fileNames(stem: { slug: string; title: string }, period: Period, scope: ReportIssuerData['scope']) {
  const suffix = scope === null ? '' : `-${scope.code}`;
  return {
    ascii: `${stem.slug}-${periodSlug(period)}${suffix}`,
    title: `${stem.title} ${periodSlug(period)}${scope === null ? '' : ` ${scope.code}`}`,
  };
}

async function scopeOf(ctx: HttpContext, query: TableQuery) {
  const period = parsePeriod(query.period);
  const issuer = await getReportIssuer(ctx.deps, { agencyCode: query.agency, agencyId: query.agencyId });
  const scope: ReportScope = { period, agencyName: issuer.scope?.name ?? null };
  return { period, issuer, scope, rootAgencyId: issuer.scope?.id };
}

/**
 * Report exports (issue 6, point 2): the score tables of a period as Excel workbooks and PDFs in
 * the layout officials file — `GET /api/v1/reports/{agencies|officials|qd766|satisfaction|dossiers}.{xlsx|pdf}`
 * with the JSON tables' period and scope, their use cases, presenters and policies.
 */
export function registerReportExportRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['reports'];
  // The published tables (Thông tư 01/2018 Điều 16): any grant of score.read, as the JSON tables;
  // the official table is filtered to the caller's agencies by its use case.
  const published: RouteAccess = policy('score.read', ANY_AGENCY);
  for (const format of Object.keys(FORMATS) as Format[]) {
    for (const [name, report] of Object.entries(TABLE_REPORTS)) {
      app.get(
        `/api/v1/reports/${name}.${format}`,
        {
          config: { access: published },
          schema: { tags, summary: `${report.summary} as ${FORMATS[format].label}`, querystring: TableQuery },
        },
        async (request, reply) => {
          const { period, issuer, scope, rootAgencyId } = await scopeOf(ctx, request.query);
          const table = await report.build(ctx, period, scope, rootAgencyId);
          return sendReport(request, reply, format, table, issuer, fileNames(report, period, issuer.scope));
        },
      );
    }
    app.get(
      `/api/v1/reports/dossiers.${format}`,
      {
        config: { access: policy('score.read', exportScopeOf(ctx.deps.db)) },
        schema: {
          tags,
          summary: `The scored dossiers of a period, one row each, within the caller's agencies (optionally the drill-down's subject, indicator and points), streamed from the database as ${FORMATS[format].label}`,
          querystring: DossierQuery,
        },
      },
      async (request, reply) => {
        const { subjectKind, subjectId, indicator, points } = request.query;
        if ((subjectKind === undefined) !== (subjectId === undefined))
          throw invalidField(subjectKind === undefined ? 'subjectKind' : 'subjectId');
        const { period, issuer, scope, rootAgencyId } = await scopeOf(ctx, request.query);
        const pages = await listPeriodScoredDossiers(ctx.deps, {
          period,
          rootAgencyId,
          subject:
            subjectKind === undefined || subjectId === undefined
              ? undefined
              : { kind: subjectKind, id: subjectId },
          indicator,
          points,
        });
        const table = dossierReportTable(pages, scope);
        const names = fileNames(
          { slug: 'ho-so-duoc-cham-diem', title: 'Hồ sơ được chấm điểm' },
          period,
          issuer.scope,
        );
        return sendReport(request, reply, format, table, issuer, names);
      },
    );
  }
}
