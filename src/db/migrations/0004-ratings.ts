import { sql, type Kysely } from 'kysely';

/**
 * Citizen ratings, append-only (Nghị định 61/2018 Điều 27: nobody may alter or falsify them).
 * One rating counts per dossier: the first valid one; later ones are kept, flagged duplicate.
 * The collection channels (QR token, device, paper slip…) write through the same use case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rating (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('online', 'qr', 'device', 'paper', 'hotline', 'other')),
      satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
      answers jsonb NOT NULL DEFAULT '{}',
      comment text,
      submitted_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      is_duplicate boolean NOT NULL,
      -- Paper slips: the official who keyed the slip in (never the rating's author) and what was scanned.
      keyed_by_official_id uuid,
      slip_reference text,
      PRIMARY KEY (agency_id, id),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );
    CREATE INDEX rating_dossier_idx ON rating (agency_id, dossier_id, submitted_at);
    CREATE INDEX rating_period_idx ON rating (submitted_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rating`.execute(db);
}
