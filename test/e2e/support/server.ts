import type { Browser, BrowserContext } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Role } from '#domain/auth/actor.ts';
import type { AppDeps } from '#app/deps.ts';
import { buildApp, type BuildAppOptions } from '#http/app.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { buildDeps, seedTestCatalog } from '#test/support/factories.ts';
import { staffInjectors, type TestApp, type TestSession } from '#test/support/http.ts';
import { launchChromium, requireWebBuild, WEB_ROOT } from './browser.ts';

/** A real listening server with the built web, on a fresh test database, and a Chromium to drive it. */
export interface E2eServer {
  database: TestDatabase;
  deps: AppDeps;
  app: FastifyInstance;
  browser: Browser;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** A request as the harness's signed-in system administrator (see TestApp.inject). */
  inject: TestApp['inject'];
  /** A new account with one role over `agencyCode` (null: every agency), signed in. */
  signInWithRole: TestApp['signInWithRole'];
  /**
   * Signs a browser context in: the session cookie of a new account with `role` (default a
   * system administrator) over `agencyCode`, as if its user had used the sign-in page.
   */
  signIn(context: BrowserContext, role?: Role, agencyCode?: string | null): Promise<TestSession>;
  /** Stops the HTTP server only (the database and browser stay): "the server is down". */
  stop(): Promise<void>;
  /** Starts a fresh server on the same port and database after `stop()`. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface E2eServerOptions {
  /** The use cases' clock (default: buildDeps' fixed 30/06/2025 10:00); `() => Date.now()` for real time. */
  now?: () => number;
  /** Seed the small test catalog (default true). */
  catalog?: boolean;
  /** Extra Chromium switches (e.g. a fake camera). */
  chromiumArgs?: readonly string[];
  /** More options for buildApp (rate limits…). */
  app?: Partial<Omit<BuildAppOptions, 'context' | 'webRoot'>>;
}

/**
 * The setup every end-to-end test shares: database (PGlite or PostgreSQL by project), deps,
 * the app serving the web bundle on 127.0.0.1, and Chromium. Close it in `afterAll`.
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  requireWebBuild();
  const database = await createTestDatabase();
  const deps = buildDeps(database.db, options.now);
  if (options.catalog !== false) await seedTestCatalog(deps);
  let port = 0;
  const listen = async (): Promise<FastifyInstance> => {
    const app = await buildApp({
      context: { deps, databaseKind: database.kind, version: 'test' },
      webRoot: WEB_ROOT,
      logLevel: 'warn',
      ...options.app,
    });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : port;
    return app;
  };
  const app = await listen();
  // `server.app`, read at each request: the server that runs now (after a restart too).
  const injectors = staffInjectors(() => server.app, deps);
  const server: E2eServer = {
    database,
    deps,
    app,
    browser: await launchChromium(options.chromiumArgs),
    base: '',
    inject: injectors.inject,
    signInWithRole: injectors.signInWithRole,
    signIn: async (context, role = 'system_admin', agencyCode = null) => {
      const session = await injectors.signInWithRole(role, agencyCode);
      const value = session.cookie.slice(session.cookie.indexOf('=') + 1);
      await context.addCookies([
        { name: 'hl_session', value, url: server.base, httpOnly: true, sameSite: 'Lax' },
      ]);
      return session;
    },
    stop: () => server.app.close(),
    restart: async () => {
      server.app = await listen();
    },
    close: async () => {
      await server.browser.close();
      await server.app.close();
      await database.close();
    },
  };
  server.base = `http://127.0.0.1:${port}`;
  return server;
}
