import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates every table with agency_id leading the keys of high-volume tables', async () => {
    const rows = await sql<{ table_name: string; columns: string }>`
      SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS columns
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu
        ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
        AND tc.table_name LIKE 'dossier%'
      GROUP BY tc.table_name ORDER BY tc.table_name`.execute(database.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows.rows) expect(row.columns.split(',')[0]).toBe('agency_id');
  });

  it('uses no triggers and no enum types', async () => {
    const triggers = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM information_schema.triggers`.execute(database.db);
    const enums = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_type WHERE typtype = 'e'`.execute(database.db);
    expect(triggers.rows[0]?.n).toBe(0);
    expect(enums.rows[0]?.n).toBe(0);
  });
});
