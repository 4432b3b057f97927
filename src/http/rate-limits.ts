import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '#domain/errors.ts';

/** How many requests one client address may make to one public endpoint in a time window. */
export interface PublicRateLimitSettings {
  max: number;
  timeWindowMs: number;
}

/** 60 requests a minute per address and endpoint: far above what a citizen needs, low for a script. */
export const DEFAULT_PUBLIC_RATE_LIMIT: PublicRateLimitSettings = { max: 60, timeWindowMs: 60_000 };

/**
 * The per-route config of a public endpoint (citizen pages, ingest, counter devices):
 * `app.post(url, { config: publicRateLimit, … })`. The limits themselves are the plugin's
 * settings (registerRateLimits), so one constant serves every route.
 */
export const publicRateLimit: { rateLimit: RateLimitOptions } = { rateLimit: {} };

/**
 * Rate limiting of the public endpoints (issue 4: "public endpoints are rate-limited"): only
 * the routes that use `publicRateLimit` are limited (`global: false`); the staff API is not.
 * Counted per client address (`request.ip`) and per route, in this process's memory: behind a
 * reverse proxy, set Fastify's trustProxy so the address is the citizen's. A refused request
 * never reaches the handler (the `onRequest` hook), so it stores nothing; it gets 429 with
 * `retry-after` and the error body `RATE_LIMITED` (the HTML routes render it as a page).
 */
export async function registerRateLimits(
  app: FastifyInstance,
  settings: PublicRateLimitSettings = DEFAULT_PUBLIC_RATE_LIMIT,
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    max: settings.max,
    timeWindow: settings.timeWindowMs,
    hook: 'onRequest',
    errorResponseBuilder: (_request, context) =>
      new DomainError('RATE_LIMITED', {
        details: { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
}
