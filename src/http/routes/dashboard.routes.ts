import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { dashboardAudience } from '#app/dashboard/dashboard-audience.ts';
import { getDashboard } from '#app/dashboard/get-dashboard.ts';
import { asRatingRecorded, RATING_RECORDED_TOPIC } from '#app/realtime/rating-events.ts';
import { parsePeriod } from '#domain/periods/period.ts';
import { DASHBOARD_RATING_EVENT, DashboardViewSchema } from '#shared/dashboard.view.ts';
import { ANY_AGENCY } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { presentDashboard } from '../presenters/present-dashboard.ts';

/** A comment line this often keeps proxies from closing an idle stream and lets the browser notice a dead one. */
const HEARTBEAT_MS = 15_000;
/**
 * A stream ends after this long and the browser's EventSource opens a new one at once: the
 * session and the caller's grants are checked again, so a signed-out or demoted account stops
 * hearing about ratings within minutes.
 */
const STREAM_LIFETIME_MS = 10 * 60_000;

/** Keeps a server-sent-events connection open (the counter devices' pattern, devices.routes.ts). */
function openEventStream(reply: FastifyReply, open: Set<() => void>) {
  reply.hijack();
  const raw = reply.raw;
  const closers: (() => void)[] = [];
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    closers.forEach((close) => close());
    raw.end();
  };
  open.add(end);
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 1000\n\n');
  const send = (event: string, data: unknown): void => {
    if (!ended) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  const lifetime = setTimeout(end, STREAM_LIFETIME_MS);
  closers.push(
    () => clearInterval(heartbeat),
    () => clearTimeout(lifetime),
    () => open.delete(end),
  );
  // The response closes when the browser goes away (or when we end it): stop everything.
  raw.on('close', () => {
    if (!ended) {
      ended = true;
      closers.forEach((close) => close());
    }
  });
  return { send, onClose: (close: () => void) => closers.push(close) };
}

/** The back-office dashboard (issue 6, point 3): one period's overview, and its live refresh. */
export function registerDashboardRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['scores'];
  // Streams never end by themselves before their lifetime: a closing server ends them.
  const openStreams = new Set<() => void>();
  app.addHook('preClose', (done) => {
    openStreams.forEach((end) => end());
    done();
  });
  // Like the official table: any grant of score.read opens it; the use case keeps to the caller's agencies.
  const access = policy('score.read', ANY_AGENCY);
  app.get(
    '/api/v1/dashboard',
    {
      config: { access },
      schema: {
        tags,
        summary:
          "Overview of a period for the caller's agencies: on-time trend per month, satisfaction, ranking, agency × indicator heatmap, integrity signal counts, ratings received",
        querystring: z.object({
          period: z
            .string()
            .trim()
            .min(4)
            .max(22)
            .describe('quarter "2025-Q3", year "2025" or "2026-07-01..2026-08-15"'),
          agencyId: z.uuid().optional().describe('limit to this agency and its subtree'),
        }),
        response: { 200: DashboardViewSchema },
      },
    },
    async (request) =>
      presentDashboard(
        await getDashboard(ctx.deps, parsePeriod(request.query.period), {
          ...(request.query.agencyId ? { rootAgencyId: request.query.agencyId } : {}),
        }),
      ),
  );
  app.get(
    '/api/v1/dashboard/events',
    {
      config: { access },
      schema: {
        tags,
        summary: `The dashboard's live stream (text/event-stream): a "${DASHBOARD_RATING_EVENT}" event with the agency id when a rating of one of the caller's agencies is recorded`,
        // Only an event-stream client (EventSource sends this) gets the never-ending answer.
        headers: z.looseObject({
          accept: z
            .string()
            .refine((value) => value.includes('text/event-stream'), 'cần Accept: text/event-stream'),
        }),
      },
    },
    (_request, reply) => {
      const audience = dashboardAudience(ctx.deps);
      const stream = openEventStream(reply, openStreams);
      if (ctx.deps.bus) {
        stream.onClose(
          ctx.deps.bus.subscribe(RATING_RECORDED_TOPIC, (payload) => {
            const event = asRatingRecorded(payload);
            if (event === null) return;
            void audience(event.agencyId).then((audible) => {
              if (audible) stream.send(DASHBOARD_RATING_EVENT, event);
            });
          }),
        );
      }
      stream.send('ready', { live: ctx.deps.bus !== undefined });
    },
  );
}
