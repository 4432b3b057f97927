import { z } from 'zod';
import { getIntegritySignals } from '#app/ratings/get-integrity-signals.ts';
import { IntegritySignalsViewSchema } from '#shared/integrity.view.ts';
import { ANY_AGENCY } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { presentIntegritySignals } from '../presenters/present-integrity.ts';

const IsoDay = z.iso.date();

const IntegrityQuery = z.object({
  from: IsoDay.describe('first day (UTC+7), e.g. 2025-04-01'),
  to: IsoDay.describe('last day (UTC+7), inclusive; at most 366 days after from'),
  agencyId: z.uuid().optional().describe('limit to this agency and its subtree'),
});

/** Integrity signals (issue 4, point 9): patterns that suggest ratings were not the citizens' own. */
export function registerIntegrityRoutes(app: ZodApp, ctx: HttpContext): void {
  app.get(
    '/api/v1/integrity-signals',
    {
      config: { access: policy('integrity.read', ANY_AGENCY) },
      schema: {
        tags: ['ratings'],
        summary:
          'Integrity signals of a period: staff networks, shared networks, fast device ratings, top streaks, answer disagreements, paper keying bursts',
        querystring: IntegrityQuery,
        response: { 200: IntegritySignalsViewSchema },
      },
    },
    async (request) =>
      presentIntegritySignals(
        await getIntegritySignals(ctx.deps, {
          from: request.query.from,
          to: request.query.to,
          rootAgencyId: request.query.agencyId,
        }),
      ),
  );
}
