import { sql, type Kysely } from 'kysely';

/**
 * Opt-in contact details for a follow-up on a rating (issue 4, point 10): ratings hold no
 * personal data, so a citizen who asks to be contacted leaves a name, phone or email in this
 * separate table, written in the same transaction as the rating and only with their consent
 * (consented_at). Never a column of `rating`: the ratings stay anonymous and can be published
 * or exported without it. agency_id leads the keys (Citus-ready, like rating).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rating_contact (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      rating_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      name text,
      phone text,
      email text,
      consented_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, id),
      FOREIGN KEY (agency_id, rating_id) REFERENCES rating (agency_id, id),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id),
      CHECK (phone IS NOT NULL OR email IS NOT NULL)
    );
    CREATE UNIQUE INDEX rating_contact_rating_idx ON rating_contact (agency_id, rating_id);
    CREATE INDEX rating_contact_dossier_idx ON rating_contact (agency_id, dossier_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rating_contact`.execute(db);
}
