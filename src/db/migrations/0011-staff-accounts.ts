import { sql, type Kysely } from 'kysely';

/**
 * Staff accounts (issue 5, point 1): users with an argon2id password hash, role grants scoped to
 * a subtree of agencies (agency_id null = every agency, for the roles that may be global), and
 * sessions kept in the database so they survive a restart. A session row is keyed by the
 * SHA-256 of its random token: the cookie holds the token, the database only its digest, so a
 * copy of the database opens no session. Demo accounts are marked so production refuses them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE staff_user (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
      official_id uuid REFERENCES official (id),
      password_hash text NOT NULL,
      password_changed_at timestamptz NOT NULL,
      failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until timestamptz,
      disabled_at timestamptz,
      demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE staff_role_grant (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES staff_user (id),
      role text NOT NULL CHECK (role IN ('system_admin', 'provincial_office', 'agency_leader',
        'focal_official', 'counter_official', 'handling_official', 'auditor', 'integration')),
      agency_id uuid REFERENCES agency (id),
      granted_at timestamptz NOT NULL
    );
    -- One grant per user, role and subtree (a global grant counts as one subtree).
    CREATE UNIQUE INDEX staff_role_grant_unique_idx
      ON staff_role_grant (user_id, role, (COALESCE(agency_id, '00000000-0000-0000-0000-000000000000'::uuid)));

    CREATE TABLE staff_session (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES staff_user (id),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      user_agent text,
      csrf_secret text NOT NULL
    );
    CREATE INDEX staff_session_user_idx ON staff_session (user_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE staff_session;
    DROP TABLE staff_role_grant;
    DROP TABLE staff_user;
  `.execute(db);
}
