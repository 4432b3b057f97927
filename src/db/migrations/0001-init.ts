import { sql, type Kysely } from 'kysely';

/**
 * Catalog, calendar and dossier lifecycle. Data rules (ARCHITECTURE.md): high-volume tables
 * carry agency_id first in every key (Citus-ready), ids are app-made UUIDs, no triggers, no
 * enums (text + CHECK), no business logic in the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agency (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('province', 'department', 'district', 'commune', 'unit')),
      parent_id uuid REFERENCES agency (id),
      valid_from date,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS NULL OR parent_id <> id),
      CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX agency_parent_idx ON agency (parent_id);

    CREATE TABLE desk (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agency (id),
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk', 'centre')),
      address text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, code)
    );

    CREATE TABLE counter (
      id uuid PRIMARY KEY,
      desk_id uuid NOT NULL REFERENCES desk (id),
      code text NOT NULL,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (desk_id, code)
    );

    CREATE TABLE official (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agency (id),
      code text NOT NULL UNIQUE,
      full_name text NOT NULL,
      roles text[] NOT NULL DEFAULT '{}',
      active_from date NOT NULL,
      active_to date,
      email text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (roles <@ ARRAY['counter', 'handling', 'focal', 'leader']::text[]),
      CHECK (active_to IS NULL OR active_to >= active_from)
    );
    CREATE INDEX official_agency_idx ON official (agency_id);

    CREATE TABLE procedure (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      sector text NOT NULL,
      time_limit_value integer NOT NULL CHECK (time_limit_value >= 0),
      time_limit_unit text NOT NULL CHECK (time_limit_unit IN ('working_days', 'calendar_days', 'hours')),
      fee_vnd bigint NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
      online_level text NOT NULL DEFAULT 'none' CHECK (online_level IN ('none', 'partial', 'full')),
      result_type text NOT NULL DEFAULT 'paper' CHECK (result_type IN ('paper', 'electronic', 'paper_and_electronic', 'none')),
      is_four_step boolean NOT NULL DEFAULT false,
      receipt_cutoff text NOT NULL DEFAULT '15:00' CHECK (receipt_cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX procedure_sector_idx ON procedure (sector);

    CREATE TABLE setting (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE calendar_exception (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
      name text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE dossier_serial (
      agency_id uuid NOT NULL,
      receipt_date date NOT NULL,
      last_serial integer NOT NULL,
      PRIMARY KEY (agency_id, receipt_date)
    );

    CREATE TABLE dossier (
      agency_id uuid NOT NULL REFERENCES agency (id),
      id uuid NOT NULL,
      code text NOT NULL,
      procedure_id uuid NOT NULL REFERENCES procedure (id),
      channel text NOT NULL CHECK (channel IN ('in_person', 'post', 'online')),
      status text NOT NULL CHECK (status IN ('received', 'processing', 'awaiting_supplement', 'finished', 'returned', 'refused', 'stopped')),
      received_at timestamptz NOT NULL,
      receiving_official_id uuid,
      due_initial_date date NOT NULL,
      due_legal_date date NOT NULL,
      due_legal_at timestamptz NOT NULL,
      due_rescheduled_date date,
      apology_issued_at timestamptz,
      is_apology_late boolean NOT NULL DEFAULT false,
      forwarded_at timestamptz,
      finished_at timestamptz,
      returned_at timestamptz,
      refused_at timestamptz,
      stopped_at timestamptz,
      stop_kind text CHECK (stop_kind IN ('stopped', 'withdrawn')),
      timeliness text CHECK (timeliness IN ('early', 'on_time', 'late')),
      timeliness_rescheduled text CHECK (timeliness_rescheduled IN ('early', 'on_time', 'late')),
      supplement_count integer NOT NULL DEFAULT 0,
      supplement_not_at_fault_count integer NOT NULL DEFAULT 0,
      step_count integer NOT NULL DEFAULT 0,
      late_step_count integer NOT NULL DEFAULT 0,
      is_paid_online boolean NOT NULL DEFAULT false,
      digitised_components integer NOT NULL DEFAULT 0,
      has_electronic_result boolean NOT NULL DEFAULT false,
      event_count integer NOT NULL DEFAULT 0,
      last_occurred_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, id),
      UNIQUE (agency_id, code)
    );
    CREATE INDEX dossier_code_idx ON dossier (code);
    CREATE INDEX dossier_id_idx ON dossier (id);
    CREATE INDEX dossier_recent_idx ON dossier (received_at DESC);
    CREATE INDEX dossier_received_idx ON dossier (agency_id, received_at);
    CREATE INDEX dossier_status_idx ON dossier (status, due_legal_date);

    CREATE TABLE dossier_event (
      agency_id uuid NOT NULL,
      id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      seq integer NOT NULL,
      type text NOT NULL CHECK (type IN ('received', 'forwarded', 'step_received', 'step_handed_over',
        'supplement_requested', 'supplement_completed', 'refused', 'stopped', 'apology_issued', 'finished',
        'result_returned', 'paid_online', 'digitised', 'electronic_result_issued')),
      occurred_at timestamptz NOT NULL,
      official_id uuid,
      payload jsonb NOT NULL DEFAULT '{}',
      source text NOT NULL CHECK (source IN ('api', 'import', 'seed', 'ui')),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, id),
      UNIQUE (agency_id, dossier_id, seq),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );

    CREATE TABLE dossier_step (
      agency_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      step_id uuid NOT NULL,
      seq integer NOT NULL,
      unit_agency_id uuid NOT NULL,
      official_id uuid,
      allotted_value integer NOT NULL,
      allotted_unit text NOT NULL CHECK (allotted_unit IN ('working_days', 'calendar_days', 'hours')),
      received_at timestamptz NOT NULL,
      due_date date NOT NULL,
      due_at timestamptz NOT NULL,
      handed_over_at timestamptz,
      timeliness text CHECK (timeliness IN ('early', 'on_time', 'late')),
      PRIMARY KEY (agency_id, dossier_id, step_id),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );

    CREATE TABLE dossier_supplement (
      agency_id uuid NOT NULL,
      dossier_id uuid NOT NULL,
      seq integer NOT NULL,
      requested_at timestamptz NOT NULL,
      reason text NOT NULL,
      applicant_at_fault boolean NOT NULL,
      stage text NOT NULL CHECK (stage IN ('receipt_check', 'appraisal')),
      completed_at timestamptz,
      PRIMARY KEY (agency_id, dossier_id, seq),
      FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE dossier_supplement; DROP TABLE dossier_step; DROP TABLE dossier_event; DROP TABLE dossier;
    DROP TABLE dossier_serial; DROP TABLE calendar_exception; DROP TABLE setting; DROP TABLE procedure;
    DROP TABLE official; DROP TABLE counter; DROP TABLE desk; DROP TABLE agency;
  `.execute(db);
}
