import { sql, type Kysely } from 'kysely';

/**
 * Corrections and appeals of citizen ratings (issue 4 point 8), append-only like the ratings
 * themselves (Nghị định 61/2018 Điều 27: nobody may alter or falsify an evaluation):
 * - a correction (e.g. a mis-keyed paper slip) is a new row with the corrected values and a
 *   reason, proposed by one staff member; it counts only once another staff member approves it,
 *   recorded as a separate decision row (one per correction). The rating row is never touched:
 *   both versions stay visible, and the counted one is derived (latest approved correction).
 * - an appeal is the rated official contesting the rating with a reason; it changes nothing.
 * agency_id (the rating's agency) leads every key, like the rating table (Citus-ready).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The routes name a rating by its id alone (like rating_device_id_idx): look it up by index.
    CREATE INDEX rating_id_idx ON rating (id);

    CREATE TABLE rating_correction (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      rating_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
      answers jsonb NOT NULL DEFAULT '{}',
      comment text,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      proposed_by_official_id uuid NOT NULL REFERENCES official (id),
      proposed_at timestamptz NOT NULL,
      PRIMARY KEY (agency_id, id),
      FOREIGN KEY (agency_id, rating_id) REFERENCES rating (agency_id, id)
    );
    CREATE INDEX rating_correction_rating_idx ON rating_correction (agency_id, rating_id, proposed_at);
    CREATE INDEX rating_correction_dossier_idx ON rating_correction (agency_id, dossier_id);
    CREATE INDEX rating_correction_id_idx ON rating_correction (id);

    CREATE TABLE rating_correction_decision (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      correction_id uuid NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
      decided_by_official_id uuid NOT NULL REFERENCES official (id),
      reason text,
      decided_at timestamptz NOT NULL,
      PRIMARY KEY (agency_id, id),
      -- A correction is decided once: a second decision is refused by the database too.
      UNIQUE (agency_id, correction_id),
      FOREIGN KEY (agency_id, correction_id) REFERENCES rating_correction (agency_id, id)
    );

    CREATE TABLE rating_appeal (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      rating_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      official_id uuid NOT NULL REFERENCES official (id),
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      filed_at timestamptz NOT NULL,
      PRIMARY KEY (agency_id, id),
      FOREIGN KEY (agency_id, rating_id) REFERENCES rating (agency_id, id)
    );
    CREATE INDEX rating_appeal_rating_idx ON rating_appeal (agency_id, rating_id, filed_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE rating_appeal;
    DROP TABLE rating_correction_decision;
    DROP TABLE rating_correction;
    DROP INDEX rating_id_idx;
  `.execute(db);
}
