/**
 * The audited fields of the rows whose current state the verifier checks against the log (issue
 * 5: "change one rating row with SQL → verify fails naming it"). One mapping serves the writer
 * (the after-digest of the entry) and the verifier (the digest of the row as it is now), so they
 * cannot drift apart. Inputs are rows as read back from the database or as bulk-inserted (ISO
 * strings, JSON text): both give the same record.
 */
export interface RatingLike {
  agency_id: string;
  id: string;
  dossier_id: string;
  channel: string;
  satisfaction: number;
  answers: unknown;
  comment: string | null;
  submitted_at: Date | string;
  is_duplicate: boolean;
  keyed_by_official_id?: string | null;
  slip_reference?: string | null;
  device_id?: string | null;
  invitation_id?: string | null;
  origin_network?: string | null;
  from_staff_network?: boolean;
  keyed_by_user_id?: string | null;
}

/** The rating columns the log vouches for (recorded_at is the database's own clock, not the citizen's data). */
export const RATING_AUDITED_COLUMNS = [
  'agency_id',
  'id',
  'dossier_id',
  'channel',
  'satisfaction',
  'answers',
  'comment',
  'submitted_at',
  'is_duplicate',
  'keyed_by_official_id',
  'slip_reference',
  'device_id',
  'invitation_id',
  'origin_network',
  'from_staff_network',
  'keyed_by_user_id',
] as const;

export function ratingAuditRecord(row: RatingLike): Record<string, unknown> {
  return {
    agency_id: row.agency_id,
    id: row.id,
    dossier_id: row.dossier_id,
    channel: row.channel,
    satisfaction: row.satisfaction,
    answers: typeof row.answers === 'string' ? (JSON.parse(row.answers) as unknown) : row.answers,
    comment: row.comment,
    submitted_at: new Date(row.submitted_at),
    is_duplicate: row.is_duplicate,
    keyed_by_official_id: row.keyed_by_official_id ?? null,
    slip_reference: row.slip_reference ?? null,
    device_id: row.device_id ?? null,
    invitation_id: row.invitation_id ?? null,
    origin_network: row.origin_network ?? null,
    from_staff_network: row.from_staff_network ?? false,
    // Added by migration 0012 (the signed-in user who keyed a paper slip): only when set, so the
    // ratings logged before it keep their digest.
    ...(row.keyed_by_user_id != null ? { keyed_by_user_id: row.keyed_by_user_id } : {}),
  };
}

export interface DossierEventLike {
  agency_id: string;
  id: string;
  dossier_id: string;
  seq: number;
  type: string;
  occurred_at: Date | string;
  official_id: string | null;
  payload: unknown;
  source: string;
}

/** The dossier_event columns the log vouches for (recorded_at is the database's own clock). */
export const DOSSIER_EVENT_AUDITED_COLUMNS = [
  'agency_id',
  'id',
  'dossier_id',
  'seq',
  'type',
  'occurred_at',
  'official_id',
  'payload',
  'source',
] as const;

export function dossierEventAuditRecord(row: DossierEventLike): Record<string, unknown> {
  return {
    agency_id: row.agency_id,
    id: row.id,
    dossier_id: row.dossier_id,
    seq: row.seq,
    type: row.type,
    occurred_at: new Date(row.occurred_at),
    official_id: row.official_id,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
    source: row.source,
  };
}

export interface StaffAccountLike {
  id: string;
  username: string;
  display_name: string;
  official_id: string | null;
  password_changed_at: Date | string;
  disabled_at: Date | string | null;
  demo: boolean;
  created_at: Date | string;
}

/**
 * The staff_user columns the log vouches for. Never `password_hash`: an entry must not let anyone
 * learn or test a password, so a password change shows only as a new `password_changed_at`. Not
 * `failed_attempts` / `locked_until` either: sign-in bookkeeping that every wrong password
 * changes, not a change to the account.
 */
export const STAFF_ACCOUNT_AUDITED_COLUMNS = [
  'id',
  'username',
  'display_name',
  'official_id',
  'password_changed_at',
  'disabled_at',
  'demo',
  'created_at',
] as const;

export function staffAccountAuditRecord(row: StaffAccountLike): Record<string, unknown> {
  return {
    id: row.id,
    username: row.username,
    display_name: row.display_name,
    official_id: row.official_id,
    password_changed_at: new Date(row.password_changed_at),
    disabled_at: row.disabled_at === null ? null : new Date(row.disabled_at),
    demo: row.demo,
    created_at: new Date(row.created_at),
  };
}
