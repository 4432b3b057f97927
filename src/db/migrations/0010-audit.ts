import { sql, type Kysely } from 'kysely';

/**
 * The keyed, chained audit log (issue 5 point 3; Nghị định 61/2018 Điều 27: nobody may alter or
 * falsify evaluation data). Written by the application in the transaction of the change it
 * records (architecture.md: no triggers). One chain per agency, agency_id first in every key
 * (Citus-ready); things outside any agency are on the system chain (the nil UUID).
 * - audit_entry: who did what to which row, with digests of the row before and after (never the
 *   data), chained by hash and keyed by an HMAC whose key is kept outside the database.
 * - audit_head: the head of each chain, taken with SELECT … FOR UPDATE to append (no advisory locks).
 * - audit_checkpoint: every chain's head at a moment, signed with Ed25519 and published.
 * - audit_verification: the result of the last verifications (shown in the back office).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_entry (
      agency_id uuid NOT NULL,
      seq bigint NOT NULL CHECK (seq >= 1),
      at timestamptz NOT NULL,
      actor_kind text NOT NULL,
      actor_id text,
      actor_name text,
      action text NOT NULL,
      target_table text NOT NULL,
      target_key text NOT NULL,
      before_digest text,
      after_digest text,
      request_id text,
      previous_hash text NOT NULL,
      hash text NOT NULL,
      mac text NOT NULL,
      key_id integer NOT NULL,
      PRIMARY KEY (agency_id, seq)
    );
    CREATE INDEX audit_entry_at_idx ON audit_entry (at);
    CREATE INDEX audit_entry_target_idx ON audit_entry (agency_id, target_table, target_key);

    CREATE TABLE audit_head (
      agency_id uuid PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL
    );

    CREATE TABLE audit_checkpoint (
      id uuid PRIMARY KEY,
      created_at timestamptz NOT NULL,
      heads jsonb NOT NULL,
      signature text NOT NULL,
      public_key_id text NOT NULL
    );
    CREATE INDEX audit_checkpoint_created_idx ON audit_checkpoint (created_at);

    CREATE TABLE audit_verification (
      id uuid PRIMARY KEY,
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      entries integer NOT NULL,
      rows_checked integer NOT NULL,
      ok boolean NOT NULL,
      findings jsonb NOT NULL
    );
    CREATE INDEX audit_verification_finished_idx ON audit_verification (finished_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE audit_verification;
    DROP TABLE audit_checkpoint;
    DROP TABLE audit_head;
    DROP TABLE audit_entry;
  `.execute(db);
}
