import type { ColumnType, Generated } from 'kysely';
import type { PublishedSnapshot } from '#domain/publication/snapshot.ts';
import type { UnitReportFiguresView } from '#shared/report.view.ts';

/** `timestamptz` columns: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings (type parser set in client.ts). */
type DateOnly = string;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'department' | 'district' | 'commune' | 'unit';
  parent_id: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DeskTable {
  id: string;
  agency_id: string;
  code: string;
  name: string;
  kind: Defaulted<'desk' | 'centre'>;
  address: string | null;
  created_at: Generated<Date>;
}

export interface CounterTable {
  id: string;
  desk_id: string;
  code: string;
  name: string;
  created_at: Generated<Date>;
}

export interface OfficialTable {
  id: string;
  agency_id: string;
  code: string;
  full_name: string;
  roles: Defaulted<string[]>;
  active_from: DateOnly;
  active_to: DateOnly | null;
  email: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProcedureTable {
  id: string;
  code: string;
  name: string;
  sector: string;
  time_limit_value: number;
  time_limit_unit: 'working_days' | 'calendar_days' | 'hours';
  fee_vnd: Defaulted<number>;
  online_level: Defaulted<'none' | 'partial' | 'full'>;
  result_type: Defaulted<'paper' | 'electronic' | 'paper_and_electronic' | 'none'>;
  is_four_step: Defaulted<boolean>;
  receipt_cutoff: Defaulted<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}

export interface CalendarExceptionTable {
  date: DateOnly;
  kind: 'holiday' | 'day_off' | 'working_day';
  name: string;
  updated_at: Generated<Date>;
}

export interface DossierSerialTable {
  agency_id: string;
  receipt_date: DateOnly;
  last_serial: number;
}

export interface DossierTable {
  agency_id: string;
  id: string;
  code: string;
  procedure_id: string;
  channel: string;
  status: string;
  received_at: Timestamp;
  receiving_official_id: string | null;
  due_initial_date: DateOnly;
  due_legal_date: DateOnly;
  due_legal_at: Timestamp;
  due_rescheduled_date: DateOnly | null;
  apology_issued_at: Timestamp | null;
  is_apology_late: boolean;
  forwarded_at: Timestamp | null;
  finished_at: Timestamp | null;
  returned_at: Timestamp | null;
  refused_at: Timestamp | null;
  stopped_at: Timestamp | null;
  stop_kind: string | null;
  timeliness: string | null;
  timeliness_rescheduled: string | null;
  supplement_count: number;
  supplement_not_at_fault_count: number;
  step_count: number;
  late_step_count: number;
  is_paid_online: boolean;
  digitised_components: number;
  has_electronic_result: boolean;
  event_count: number;
  last_occurred_at: Timestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DossierEventTable {
  agency_id: string;
  id: string;
  dossier_id: string;
  seq: number;
  type: string;
  occurred_at: Timestamp;
  official_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  source: 'api' | 'import' | 'seed' | 'ui';
  recorded_at: Generated<Date>;
}

export interface DossierStepTable {
  agency_id: string;
  dossier_id: string;
  step_id: string;
  seq: number;
  unit_agency_id: string;
  official_id: string | null;
  allotted_value: number;
  allotted_unit: 'working_days' | 'calendar_days' | 'hours';
  received_at: Timestamp;
  due_date: DateOnly;
  due_at: Timestamp;
  handed_over_at: Timestamp | null;
  timeliness: string | null;
}

export interface DossierSupplementTable {
  agency_id: string;
  dossier_id: string;
  seq: number;
  requested_at: Timestamp;
  reason: string;
  applicant_at_fault: boolean;
  stage: string;
  completed_at: Timestamp | null;
}

export interface DossierScoreTable {
  agency_id: string;
  dossier_id: string;
  scheme_id: string;
  scheme_version: string;
  period: string;
  sector: string;
  cs1: number | null;
  cs2: number | null;
  cs3: number | null;
  cs4: number | null;
  cs6: number | null;
  cs7: number | null;
  disagreements: Defaulted<string[]>;
  contributions: ColumnType<unknown, string, string>;
  computed_at: Generated<Date>;
}

export interface ScoreRollupTable {
  agency_id: string;
  scheme_id: string;
  period: string;
  subject_kind: 'agency' | 'official' | 'agency_sector';
  subject_id: string;
  sector: string;
  indicator: string;
  points_sum: number;
  dossier_count: number;
}

export interface AgencyAssessmentTable {
  agency_id: string;
  period: string;
  indicator: 'cs5' | 'cs6' | 'cs8' | 'cs9';
  source: 'self' | 'appraisal';
  points: number;
  note: string;
  recorded_at: Generated<Date>;
}

export interface RatingTable {
  agency_id: string;
  id: string;
  dossier_id: string;
  channel: 'online' | 'qr' | 'device' | 'paper' | 'hotline' | 'other';
  satisfaction: number;
  answers: ColumnType<Record<string, unknown>, string, string>;
  comment: string | null;
  submitted_at: Timestamp;
  recorded_at: Generated<Date>;
  is_duplicate: boolean;
  keyed_by_official_id: ColumnType<string | null, string | null | undefined, never>;
  /** Paper slips: the staff account that keyed the slip in (0012). */
  keyed_by_user_id: ColumnType<string | null, string | null | undefined, never>;
  slip_reference: ColumnType<string | null, string | null | undefined, never>;
  /** Counter device ratings: the device and the "Mời đánh giá" invitation. */
  device_id: ColumnType<string | null, string | null | undefined, never>;
  invitation_id: ColumnType<string | null, string | null | undefined, never>;
  /** Keyed digest of the sender's network prefix (never the address itself). */
  origin_network: ColumnType<string | null, string | null | undefined, never>;
  from_staff_network: ColumnType<boolean, boolean | undefined, never>;
}

/** Opt-in contact details for a follow-up, kept apart from the (anonymous) rating (issue 4, point 10). */
export interface RatingContactTable {
  agency_id: string;
  id: string;
  rating_id: string;
  dossier_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  consented_at: Timestamp;
  created_at: Generated<Date>;
}

export interface RatingTokenTable {
  agency_id: string;
  dossier_id: string;
  nonce: string;
  key_id: number;
  issued_at: Timestamp;
  used_at: Timestamp | null;
}

export interface IntegrationTable {
  id: string;
  name: string;
  public_key: string;
  channel: 'hotline' | 'other' | 'device' | 'online';
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

export interface RatingDeviceTable {
  agency_id: string;
  id: string;
  counter_id: string;
  name: string;
  /** ECDSA P-256 public key (SPKI PEM), set when the device pairs. */
  public_key: string | null;
  /** SHA-256 of the one-time pairing code (the code itself is never stored). */
  pairing_code_digest: string | null;
  pairing_expires_at: Timestamp | null;
  paired_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface RatingInvitationTable {
  agency_id: string;
  id: string;
  device_id: string;
  dossier_id: string;
  invited_at: Timestamp;
}

/** A proposed correction of a rating (issue 4 point 8): a new row, the rating itself is never changed. */
export interface RatingCorrectionTable {
  agency_id: string;
  id: string;
  rating_id: string;
  dossier_id: string;
  satisfaction: number;
  answers: ColumnType<Record<string, unknown>, string, never>;
  comment: string | null;
  reason: string;
  /** The proposer's linked official (null when the account has none); older rows name only it. */
  proposed_by_official_id: string | null;
  /** The signed-in account that proposed it (0012; null on rows made before staff accounts). */
  proposed_by_user_id: ColumnType<string | null, string | null | undefined, never>;
  proposed_at: Timestamp;
}

/** The second person's decision on a correction (one per correction). */
export interface RatingCorrectionDecisionTable {
  agency_id: string;
  id: string;
  correction_id: string;
  decision: 'approved' | 'rejected';
  /** The decider's linked official (null when the account has none); older rows name only it. */
  decided_by_official_id: string | null;
  /** The signed-in account that decided (0012; null on rows made before staff accounts). */
  decided_by_user_id: ColumnType<string | null, string | null | undefined, never>;
  reason: string | null;
  decided_at: Timestamp;
}

/** The rated official contesting a rating, with a reason; the rating is not touched. */
export interface RatingAppealTable {
  agency_id: string;
  id: string;
  rating_id: string;
  dossier_id: string;
  official_id: string;
  /** The signed-in account that filed it, linked to `official_id` (0012; null on older rows). */
  filed_by_user_id: ColumnType<string | null, string | null | undefined, never>;
  reason: string;
  filed_at: Timestamp;
}

/** A staff account (issue 5): argon2id hash, lockout after failed sign-ins, marked when demo. */
export interface StaffUserTable {
  id: string;
  username: string;
  display_name: string;
  official_id: string | null;
  password_hash: string;
  password_changed_at: Timestamp;
  failed_attempts: Defaulted<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  demo: Defaulted<boolean>;
  created_at: Timestamp;
}

/** A role over the subtree of agencies rooted at agency_id (null: every agency). */
export interface StaffRoleGrantTable {
  id: string;
  user_id: string;
  role:
    | 'system_admin'
    | 'provincial_office'
    | 'agency_leader'
    | 'focal_official'
    | 'counter_official'
    | 'handling_official'
    | 'auditor'
    | 'integration';
  agency_id: string | null;
  granted_at: Timestamp;
}

/** A signed-in session; `id` is the SHA-256 (hex) of the cookie's token, never the token. */
export interface StaffSessionTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  csrf_secret: string;
}

/** An entry of the keyed, chained audit log (issue 5): digests only, never the data. */
export interface AuditEntryTable {
  agency_id: string;
  /** bigint (read as a number: client.ts parses INT8). */
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_table: string;
  target_key: string;
  before_digest: string | null;
  after_digest: string | null;
  request_id: string | null;
  previous_hash: string;
  hash: string;
  mac: string;
  key_id: number;
}

/** The head of one audit chain (agency, or the system chain). */
export interface AuditHeadTable {
  agency_id: string;
  seq: number;
  hash: string;
}

/** Every chain's head at a moment, signed with the server's Ed25519 key. */
export interface AuditCheckpointTable {
  id: string;
  created_at: Timestamp;
  heads: ColumnType<Record<string, { seq: number; hash: string }>, string, never>;
  signature: string;
  public_key_id: string;
}

/** The result of a verification of the audit chains and the audited data. */
export interface AuditVerificationTable {
  id: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  entries: number;
  rows_checked: number;
  ok: boolean;
  findings: ColumnType<unknown, string, never>;
}

/** A published period: the frozen snapshot and open data of one version (never updated or deleted). */
export interface PublishedResultTable {
  id: string;
  period: string;
  version: number;
  reason: string | null;
  published_at: Timestamp;
  published_by_user_id: string | null;
  scheme_id: string;
  scheme_version: string;
  scheme_sha256: string;
  checkpoint_id: string;
  snapshot: ColumnType<PublishedSnapshot, string, never>;
  snapshot_sha256: string;
  /** The open data document as published, byte for byte (its SHA-256 is open_data_sha256). */
  open_data: string;
  open_data_sha256: string;
}

/** A unit's report to the level above for a period: one row per revision (TT 01/2018 Điều 15 khoản 4). */
export interface UnitReportTable {
  agency_id: string;
  period: string;
  revision: number;
  status: 'draft' | 'submitted';
  remedies: string;
  notes: string;
  correction_reason: string | null;
  created_at: Timestamp;
  created_by_user_id: string | null;
  updated_at: Timestamp;
  updated_by_user_id: string | null;
  submitted_at: Timestamp | null;
  submitted_by_user_id: string | null;
  /** The presented figures frozen at submission (null for a draft). */
  figures: ColumnType<UnitReportFiguresView | null, string | null | undefined, string | null>;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  agency: AgencyTable;
  desk: DeskTable;
  counter: CounterTable;
  official: OfficialTable;
  procedure: ProcedureTable;
  setting: SettingTable;
  calendar_exception: CalendarExceptionTable;
  dossier_serial: DossierSerialTable;
  dossier: DossierTable;
  dossier_event: DossierEventTable;
  dossier_step: DossierStepTable;
  dossier_supplement: DossierSupplementTable;
  dossier_score: DossierScoreTable;
  score_rollup: ScoreRollupTable;
  agency_assessment: AgencyAssessmentTable;
  rating: RatingTable;
  rating_token: RatingTokenTable;
  rating_contact: RatingContactTable;
  integration: IntegrationTable;
  rating_device: RatingDeviceTable;
  rating_invitation: RatingInvitationTable;
  rating_correction: RatingCorrectionTable;
  rating_correction_decision: RatingCorrectionDecisionTable;
  rating_appeal: RatingAppealTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_verification: AuditVerificationTable;
  staff_user: StaffUserTable;
  staff_role_grant: StaffRoleGrantTable;
  staff_session: StaffSessionTable;
  published_result: PublishedResultTable;
  unit_report: UnitReportTable;
}
