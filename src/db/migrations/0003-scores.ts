import { sql, type Kysely } from 'kysely';

/**
 * Scores. `dossier_score` keeps each finished dossier's points under the scheme version in
 * force on its receipt date, with the exact contributions it makes to the period rollups;
 * `score_rollup` holds the sums and counts per subject × indicator × quarter (Thông tư
 * 01/2018 Điều 15 khoản 2), maintained incrementally and rebuildable from `dossier_score`.
 * `agency_assessment` records the self-assessment and the appraisal (thẩm định) of the
 * agency-level indicators 5, 6, 8, 9 side by side.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dossier_score (
      agency_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      scheme_id text NOT NULL,
      scheme_version text NOT NULL,
      period text NOT NULL,
      sector text NOT NULL,
      cs1 smallint CHECK (cs1 BETWEEN 0 AND 2),
      cs2 smallint CHECK (cs2 BETWEEN 0 AND 2),
      cs3 smallint CHECK (cs3 BETWEEN 0 AND 2),
      cs4 smallint CHECK (cs4 BETWEEN 0 AND 2),
      cs6 smallint CHECK (cs6 BETWEEN 0 AND 2),
      cs7 smallint CHECK (cs7 BETWEEN 0 AND 2),
      disagreements text[] NOT NULL DEFAULT '{}',
      contributions jsonb NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, dossier_id, scheme_id),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );
    CREATE INDEX dossier_score_period_idx ON dossier_score (period, agency_id);

    CREATE TABLE score_rollup (
      agency_id uuid NOT NULL,
      scheme_id text NOT NULL,
      period text NOT NULL,
      subject_kind text NOT NULL CHECK (subject_kind IN ('agency', 'official', 'agency_sector')),
      subject_id uuid NOT NULL,
      sector text NOT NULL DEFAULT '',
      indicator text NOT NULL,
      points_sum integer NOT NULL,
      dossier_count integer NOT NULL,
      PRIMARY KEY (agency_id, scheme_id, period, subject_kind, subject_id, sector, indicator)
    );
    CREATE INDEX score_rollup_period_idx ON score_rollup (scheme_id, period, subject_kind);

    CREATE TABLE agency_assessment (
      agency_id uuid NOT NULL REFERENCES agency (id),
      period text NOT NULL,
      indicator text NOT NULL CHECK (indicator IN ('cs5', 'cs6', 'cs8', 'cs9')),
      source text NOT NULL CHECK (source IN ('self', 'appraisal')),
      points smallint NOT NULL CHECK (points BETWEEN 0 AND 2),
      note text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, period, indicator, source)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE agency_assessment; DROP TABLE score_rollup; DROP TABLE dossier_score;`.execute(db);
}
