import { sql, type Kysely } from 'kysely';
import { ANNOUNCED_EXCEPTIONS_2025_2026 } from '#domain/calendar/announced.ts';

/**
 * The days off and swapped working days announced for civil servants in 2025 and 2026
 * (Bộ luật Lao động 2019 Điều 112 khoản 3: the Prime Minister fixes them each year). They are
 * ordinary rows the provincial office can edit; later years are entered the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const day of ANNOUNCED_EXCEPTIONS_2025_2026) {
    await sql`INSERT INTO calendar_exception (date, kind, name) VALUES (${day.date}, ${day.kind}, ${day.name})
              ON CONFLICT (date) DO NOTHING`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const day of ANNOUNCED_EXCEPTIONS_2025_2026) {
    await sql`DELETE FROM calendar_exception WHERE date = ${day.date}`.execute(db);
  }
}
