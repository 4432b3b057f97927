import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { useVietnameseValidationMessages } from '#config/zod-locale.ts';
import { runInRequestContext } from '#app/request-context.ts';
import { DomainError } from '#domain/errors.ts';
import type { HttpContext } from './context.ts';
import { handleError } from './errors.ts';
import { normalizeText } from './normalize.ts';
import { registerCalendarRoutes } from './routes/calendar.routes.ts';
import { registerCatalogRoutes } from './routes/catalog.routes.ts';
import { registerDossierRoutes } from './routes/dossiers.routes.ts';
import { registerHealthRoutes } from './routes/health.routes.ts';
import { registerScoreRoutes } from './routes/scores.routes.ts';
import { registerReportRoutes } from './routes/reports.routes.ts';
import { registerReportExportRoutes } from './routes/report-exports.routes.ts';
import { registerCitizenRatingRoutes } from './routes/citizen-rating.routes.ts';
import { registerSlipRoutes } from './routes/slips.routes.ts';
import { registerIngestRoutes } from './routes/ingest.routes.ts';
import { registerPaperSlipRoutes } from './routes/paper-slips.routes.ts';
import { registerRatingCorrectionRoutes } from './routes/rating-corrections.routes.ts';
import { registerIntegrityRoutes } from './routes/integrity.routes.ts';
import { registerDeviceRoutes } from './routes/devices.routes.ts';
import fastifyFormbody from '@fastify/formbody';
import { registerRateLimits, type PublicRateLimitSettings } from './rate-limits.ts';
import { registerSessionAuth } from './auth/session-auth.ts';
import { publicAccess, registerRouteAccess } from './auth/route-access.ts';
import { registerAuthRoutes } from './routes/auth.routes.ts';
import { registerUserRoutes } from './routes/users.routes.ts';
import { registerAuditRoutes } from './routes/audit.routes.ts';
import { registerPublicationRoutes } from './routes/publication.routes.ts';
import { registerDashboardRoutes } from './routes/dashboard.routes.ts';

export interface BuildAppOptions {
  context: HttpContext;
  /** Folder of the built web front end (dist/web); served at / when present. */
  webRoot?: string;
  logLevel?: string;
  bodyLimit?: number;
  /** Requests per client address and window on the public endpoints (HAILONG_PUBLIC_RATE_LIMIT). */
  publicRateLimit?: PublicRateLimitSettings;
  /** Mark the session cookie Secure even on plain HTTP (HAILONG_SECURE_COOKIES=1, TLS at a proxy). */
  secureCookies?: boolean;
}

/** The HTTP application: API under /api/v1, OpenAPI at /api/v1/openapi.json, docs at /api/docs, web at /. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  useVietnameseValidationMessages();
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  // Every request runs in its own context: who acts (anonymous until a session, device or
  // integration proves otherwise) and the request id, which the audit chain records.
  app.addHook('onRequest', (request, _reply, done) => {
    runInRequestContext({ actor: { kind: 'anonymous' }, requestId: request.id }, done);
  });
  // The staff session cookie becomes the request's actor (after the context exists).
  await registerSessionAuth(app, options.context, { secureCookies: options.secureCookies === true });
  // Every /api route declares who may call it; checked before validation (route-access.ts).
  registerRouteAccess(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addContentTypeParser(
    ['text/csv', 'text/plain', 'application/x-ndjson'],
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.addHook('preValidation', (request, _reply, done) => {
    request.body = normalizeText(request.body);
    request.query = normalizeText(request.query);
    done();
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'HàiLòng API',
        version: options.context.version,
        description:
          'Đánh giá việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông. Errors: {error: {code, message, problems}}.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // The citizen rating pages post plain HTML forms (no JavaScript needed).
  await app.register(fastifyFormbody);
  // Before the routes: the public ones opt in with `config: publicRateLimit`.
  await registerRateLimits(app, options.publicRateLimit);
  app.get(
    '/api/v1/openapi.json',
    { config: { access: publicAccess('the API description') }, schema: { hide: true } },
    () => app.swagger(),
  );

  registerHealthRoutes(app, options.context);
  registerCatalogRoutes(app, options.context);
  registerCalendarRoutes(app, options.context);
  registerDossierRoutes(app, options.context);
  registerScoreRoutes(app, options.context);
  registerReportRoutes(app, options.context);
  registerReportExportRoutes(app, options.context);
  registerCitizenRatingRoutes(app, options.context);
  registerSlipRoutes(app, options.context);
  await registerIngestRoutes(app, options.context);
  registerPaperSlipRoutes(app, options.context);
  registerRatingCorrectionRoutes(app, options.context);
  registerIntegrityRoutes(app, options.context);
  await registerDeviceRoutes(app, options.context);
  registerAuthRoutes(app, options.context);
  registerUserRoutes(app, options.context);
  registerAuditRoutes(app, options.context);
  registerPublicationRoutes(app, options.context);
  registerDashboardRoutes(app, options.context);

  const webRoot = options.webRoot;
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      // Hashed asset names never change content: cache them for good; the page itself is always revalidated.
      setHeaders: (response, path) => {
        response.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Client-side routes of the back office all load the same page.
    app.setNotFoundHandler((request, reply) => {
      // The public results (/cong-khai, /cong-khai/<period>, /cong-khai/co-quan/<code>) are a page of their own.
      if (request.method === 'GET' && /^\/cong-khai(?:[/?]|$)/.test(request.url))
        return reply.sendFile('cong-khai/index.html');
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      handleError(new DomainError('NOT_FOUND'), request, reply);
      return reply;
    });
  } else {
    app.setNotFoundHandler((request, reply) => {
      handleError(new DomainError('NOT_FOUND'), request, reply);
    });
  }
  return app;
}
