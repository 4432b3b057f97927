import { sql, type Kysely } from 'kysely';

/**
 * The unit report to the level above (Thông tư 01/2018 Điều 15 khoản 4: each quarter and year
 * the Bộ phận Một cửa reports its results to the controlling office): per agency and period
 * (a quarter '2025-Q3' or a year '2025'), the proposed remedies and notes, as numbered
 * revisions. A draft is edited in place; a submitted revision is frozen (no code path updates it);
 * a correction is the next revision, with its reason, and every revision is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE unit_report (
      agency_id uuid NOT NULL REFERENCES agency (id),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
      revision integer NOT NULL CHECK (revision >= 1),
      status text NOT NULL CHECK (status IN ('draft', 'submitted')),
      remedies text NOT NULL,
      notes text NOT NULL,
      correction_reason text,
      created_at timestamptz NOT NULL,
      created_by_user_id uuid REFERENCES staff_user (id),
      updated_at timestamptz NOT NULL,
      updated_by_user_id uuid REFERENCES staff_user (id),
      submitted_at timestamptz,
      submitted_by_user_id uuid REFERENCES staff_user (id),
      -- The figures as they stood when the revision was sent: the level above reads what was
      -- reported, not what a later rescore makes of the period.
      figures jsonb,
      PRIMARY KEY (agency_id, period, revision),
      CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
      CHECK ((status = 'submitted') = (figures IS NOT NULL)),
      -- A correction says why (the first revision has nothing to correct).
      CHECK ((revision = 1) = (correction_reason IS NULL))
    );
    CREATE INDEX unit_report_period_idx ON unit_report (period, agency_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE unit_report`.execute(db);
}
