import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppDeps } from '#app/deps.ts';
import type { Role } from '#domain/auth/actor.ts';
import { buildApp } from '#http/app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { buildDeps, createStaffUser, seedTestCatalog, TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  /** The app itself: `app.inject` is an anonymous caller (no cookie), like a citizen. */
  app: FastifyInstance;
  database: TestDatabase;
  deps: AppDeps;
  /**
   * A request made by the harness's system administrator, who signed in through the real
   * sign-in route: the session cookie and CSRF token are added as the back office sends them
   * (headers given by the test win). Tests about who may do what use `signInWithRole`.
   */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A new account holding one role over the agency of `agencyCode` (null: every agency), signed in. */
  signInWithRole(role: Role, agencyCode: string | null): Promise<TestSession>;
  close(): Promise<void>;
}

/**
 * `inject` and `signInWithRole` over the app that `appOf` answers (a server restarted by an
 * end-to-end test is a new app) and its deps.
 */
export function staffInjectors(
  appOf: () => FastifyInstance,
  deps: AppDeps,
): Pick<TestApp, 'inject' | 'signInWithRole'> {
  let accounts = 0;
  const signInWithRole = async (role: Role, agencyCode: string | null): Promise<TestSession> => {
    const agency =
      agencyCode === null
        ? undefined
        : await deps.db
            .selectFrom('agency')
            .select('id')
            .where('code', '=', agencyCode)
            .executeTakeFirstOrThrow();
    accounts += 1;
    const username = `thu-${role.replace(/_/g, '-')}-${accounts}`;
    await createStaffUser(deps, { username, role, agencyId: agency?.id ?? null });
    return signInAs(appOf(), username, TEST_PASSWORD);
  };
  let admin: Promise<TestSession> | undefined;
  const inject = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    admin ??= signInWithRole('system_admin', null);
    const session = await admin;
    return appOf().inject({ ...options, headers: { ...session.headers, ...options.headers } });
  };
  return { inject, signInWithRole };
}

/** The real HTTP app over a fresh test database, with the test catalog loaded unless told otherwise. */
export async function createTestApp(
  options: {
    catalog?: boolean;
    now?: () => number;
    publicRateLimit?: { max: number; timeWindowMs: number };
    /** Deps the test sets itself (staff networks…). */
    deps?: Partial<Pick<AppDeps, 'staffNetworks'>>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const deps: AppDeps = { ...buildDeps(database.db, options.now), ...options.deps };
  if (options.catalog !== false) await seedTestCatalog(deps);
  const app = await buildApp({
    context: { deps, databaseKind: database.kind, version: 'test' },
    logLevel: 'silent',
    ...(options.publicRateLimit ? { publicRateLimit: options.publicRateLimit } : {}),
  });
  return {
    app,
    database,
    deps,
    ...staffInjectors(() => app, deps),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Counts rows of the given tables (to prove a refused request changed nothing). */
export async function countRows(
  deps: AppDeps,
  tables: readonly (
    | 'dossier'
    | 'dossier_event'
    | 'dossier_step'
    | 'dossier_supplement'
    | 'agency'
    | 'official'
    | 'procedure'
    | 'desk'
    | 'counter'
    | 'rating'
    | 'rating_device'
    | 'rating_invitation'
  )[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await deps.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = row.n;
  }
  return counts;
}

/** A signed-in staff session: the cookie header and the CSRF header to send with it. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers of a state-changing request made with this session. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in through the real route and returns the session cookie and CSRF token. */
export async function signInAs(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((cookie) => cookie.name === 'hl_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = response.json<{ csrfToken: string }>();
  const cookie = `hl_session=${setCookie.value}`;
  return { cookie, csrfToken: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}
