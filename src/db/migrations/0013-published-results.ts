import { sql, type Kysely } from 'kysely';

/**
 * Published results (issue 6 point 4): publishing a period freezes an immutable snapshot — the
 * ranking with the scheme and its digest, taken exactly as of a signed audit checkpoint — and
 * the open data document, byte for byte, with its SHA-256. Rows are only ever inserted: a
 * re-publication is a new version with a reason, and every version stays visible. Each row is
 * vouched for by its `result.published` audit entry (the verifier compares the row with it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE published_result (
      id uuid PRIMARY KEY,
      period text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      reason text,
      published_at timestamptz NOT NULL,
      published_by_user_id uuid REFERENCES staff_user (id),
      scheme_id text NOT NULL,
      scheme_version text NOT NULL,
      scheme_sha256 text NOT NULL,
      checkpoint_id uuid NOT NULL REFERENCES audit_checkpoint (id),
      snapshot jsonb NOT NULL,
      snapshot_sha256 text NOT NULL,
      open_data text NOT NULL,
      open_data_sha256 text NOT NULL,
      UNIQUE (period, version),
      CHECK (version = 1 OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
    );
    CREATE INDEX published_result_published_at_idx ON published_result (published_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE published_result;`.execute(db);
}
