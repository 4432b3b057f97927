import { sql, type Kysely } from 'kysely';

/**
 * Counter rating devices (issue 4): a kiosk or tablet registered to a counter (agency_id is the
 * desk's agency; a centre's device rates dossiers of every agency it serves, so an invitation
 * is keyed by the dossier's agency), paired once
 * with a one-time code, holding its own ECDSA P-256 key (the database holds only the public
 * key). "Mời đánh giá" makes an invitation for one dossier on one device. Ratings record the
 * device and invitation they came from and where they came from, for the integrity signals,
 * without personal data: the network is a keyed digest of the address prefix, never the address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rating_device (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      counter_id uuid NOT NULL REFERENCES counter (id),
      name text NOT NULL,
      public_key text,
      pairing_code_digest text,
      pairing_expires_at timestamptz,
      paired_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, id)
    );
    CREATE UNIQUE INDEX rating_device_id_idx ON rating_device (id);
    CREATE UNIQUE INDEX rating_device_pairing_idx ON rating_device (pairing_code_digest);

    CREATE TABLE rating_invitation (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      device_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      invited_at timestamptz NOT NULL,
      PRIMARY KEY (agency_id, id),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );
    CREATE INDEX rating_invitation_device_idx ON rating_invitation (device_id, invited_at);

    ALTER TABLE rating ADD COLUMN device_id uuid;
    ALTER TABLE rating ADD COLUMN invitation_id uuid;
    ALTER TABLE rating ADD COLUMN origin_network text;
    ALTER TABLE rating ADD COLUMN from_staff_network boolean NOT NULL DEFAULT false;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE rating DROP COLUMN from_staff_network;
    ALTER TABLE rating DROP COLUMN origin_network;
    ALTER TABLE rating DROP COLUMN invitation_id;
    ALTER TABLE rating DROP COLUMN device_id;
    DROP TABLE rating_invitation;
    DROP TABLE rating_device;
  `.execute(db);
}
