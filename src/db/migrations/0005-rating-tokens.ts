import { sql, type Kysely } from 'kysely';

/**
 * One rating token per dossier (issue 4): the random nonce the signed token carries, the key id
 * it was signed with, and when it was used by the citizen (a used token is refused again).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rating_token (
      agency_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      nonce text NOT NULL,
      key_id integer NOT NULL,
      issued_at timestamptz NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (agency_id, dossier_id),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );
    CREATE UNIQUE INDEX rating_token_nonce_idx ON rating_token (nonce);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rating_token`.execute(db);
}
