import { z } from 'zod';
import { getAgencyPublishedHistory } from '#app/publication/get-agency-published-history.ts';
import { getPublishedOpenData, getPublishedRankingCsv } from '#app/publication/get-published-open-data.ts';
import { getPublishedResult } from '#app/publication/get-published-result.ts';
import { listPublishedResults } from '#app/publication/list-published-results.ts';
import { publishPeriod } from '#app/publication/publish-period.ts';
import {
  AgencyResultsViewSchema,
  PublicationListViewSchema,
  PublishedResultCreatedSchema,
  PublishedResultViewSchema,
  PublishPeriodBodySchema,
} from '#shared/public-results.view.ts';
import { PROVINCE_WIDE } from '../auth/resources.ts';
import { policy, publicAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import {
  presentAgencyHistory,
  presentPublicationList,
  presentPublished,
  presentPublishedResult,
} from '../presenters/present-publication.ts';
import { publicRateLimit } from '../rate-limits.ts';

const PeriodParams = z.object({
  period: z.string().trim().min(4).max(7).describe('quarter "2026-Q3" or year "2026"'),
});
const VersionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('an older version (default: the newest)'),
});

/**
 * Published results (issue 6 points 4–5; docs/publication.md): the provincial office publishes
 * a period (a frozen, versioned snapshot); anyone reads the rankings, an agency's results over
 * time and downloads the open data, without signing in.
 */
export function registerPublicationRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['publication'];
  // Thông tư 01/2018 Điều 16: the results are made public; they hold no personal data.
  const open = {
    ...publicRateLimit,
    access: publicAccess('published results are public (TT 01/2018 Điều 16)'),
  };

  app.post(
    '/api/v1/results/publications',
    {
      // The provincial office compiles, ranks and publishes (Thông tư 01/2018 Điều 15 khoản 4).
      config: { access: policy('result.publish', PROVINCE_WIDE) },
      schema: {
        tags,
        summary:
          'Publish a period: freeze the ranking and open data as a new version (reason from version 2)',
        body: PublishPeriodBodySchema,
        response: { 201: PublishedResultCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        presentPublished(
          await publishPeriod(ctx.deps, {
            period: request.body.period,
            reason: request.body.reason ?? null,
          }),
        ),
      ),
  );
  app.get(
    '/api/v1/public/results',
    {
      config: open,
      schema: {
        tags,
        summary: 'Every published period and version, newest first (public)',
        response: { 200: PublicationListViewSchema },
      },
    },
    async () => presentPublicationList(await listPublishedResults(ctx.deps)),
  );
  app.get(
    '/api/v1/public/results/:period',
    {
      config: open,
      schema: {
        tags,
        summary:
          "A published period's ranking (newest version unless ?version=N), with every version (public)",
        params: PeriodParams,
        querystring: VersionQuery,
        response: { 200: PublishedResultViewSchema },
      },
    },
    async (request) =>
      presentPublishedResult(
        await getPublishedResult(ctx.deps, request.params.period, request.query.version),
      ),
  );
  app.get(
    '/api/v1/public/results/:period/open-data.json',
    {
      config: open,
      schema: {
        tags,
        summary:
          'The open data (JSON) of a published period, byte for byte as published: `hailong recompute --open-data FILE`',
        params: PeriodParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const file = await getPublishedOpenData(ctx.deps, request.params.period, request.query.version);
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="hailong-ket-qua-${file.period}-v${file.version}.json"`,
        )
        .header('x-open-data-sha256', file.openDataSha256)
        .send(file.body);
    },
  );
  app.get(
    '/api/v1/public/results/:period/open-data.csv',
    {
      config: open,
      schema: {
        tags,
        summary: 'The published ranking as CSV (UTF-8 with BOM, one row per agency) (public)',
        params: PeriodParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const file = await getPublishedRankingCsv(ctx.deps, request.params.period, request.query.version);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="hailong-xep-hang-${file.period}-v${file.version}.csv"`,
        )
        .send(file.body);
    },
  );
  app.get(
    '/api/v1/public/agencies/:code/results',
    {
      config: open,
      schema: {
        tags,
        summary: "An agency's published results over time: the newest version of every period (public)",
        params: z.object({ code: z.string().trim().min(1).max(100) }),
        response: { 200: AgencyResultsViewSchema },
      },
    },
    async (request) => presentAgencyHistory(await getAgencyPublishedHistory(ctx.deps, request.params.code)),
  );
}
