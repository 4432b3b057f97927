import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#app/deps.ts';
import { buildApp } from '#http/app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { buildDeps, seedTestCatalog } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  deps: AppDeps;
  close(): Promise<void>;
}

/** The real HTTP app over a fresh test database, with the test catalog loaded unless told otherwise. */
export async function createTestApp(
  options: {
    catalog?: boolean;
    now?: () => number;
    publicRateLimit?: { max: number; timeWindowMs: number };
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const deps = buildDeps(database.db, options.now);
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
