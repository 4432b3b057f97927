import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireLockFile, type LockFile } from './lock-file.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

// `date` stays a 'YYYY-MM-DD' string: turning it into a JS Date would shift it by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts come back as int8; they are far below 2^53 in this application.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes the pool (and PGlite, and its lock file). Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database (tests). */
  dataDir?: string;
  log?: (message: string) => void;
  poolSize?: number;
}

/** Opens the database of record: PostgreSQL when a URL is given, else PGlite in `dataDir`. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on('error', (error) => options.log?.(`database connection lost: ${error.message}`));
    // Surface a wrong URL at start-up, not at the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: once(() => db.destroy()) };
  }
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let lock: LockFile | null = null;
  let pgliteDir = dataDir;
  if (!inMemory) {
    const root = resolve(dataDir);
    lock = acquireLockFile(root);
    pgliteDir = join(root, 'pglite');
    if (!existsSync(join(pgliteDir, 'PG_VERSION'))) {
      options.log?.('initialising database… (khởi tạo cơ sở dữ liệu lần đầu, khoảng 5 giây)');
    }
  }
  try {
    const lite = await PGlite.create(pgliteDir);
    const pool = new pg.Pool(createPgConfig(lite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      close: once(async () => {
        await db.destroy();
        await lite.close();
        lock?.release();
      }),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

/** Applies every pending numbered migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
