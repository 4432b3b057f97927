import { sql, type Kysely } from 'kysely';

/**
 * Integrations that deliver ratings from other channels (hotline, comment box, third-party
 * devices…; issue 4): each holds only an Ed25519 public key, so the database never holds a
 * secret that could sign a rating.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE integration (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      public_key text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('hotline', 'other', 'device', 'online')),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE integration`.execute(db);
}
