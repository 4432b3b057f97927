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
