import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DatabaseKind } from '#db/client.ts';

/** Which database this test run uses: the vitest project sets HAILONG_TEST_DB. */
export function testDatabaseKind(): DatabaseKind {
  return process.env.HAILONG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

const ADMIN_URL = process.env.HAILONG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends DatabaseHandle {
  /** Connection string of the fresh PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
}

/**
 * A fresh, migrated, empty database: an in-memory PGlite, or a new database on the local
 * PostgreSQL that is dropped again on close (real databases, never mocks).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { ...handle, url: undefined };
  }
  const name = `hailong_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    kind: 'postgres',
    url: url.toString(),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
