import { createHash, type Hash } from 'node:crypto';
import type { Instant } from '#domain/calendar/types.ts';
import { DomainError } from '#domain/errors.ts';
import { derivedColumns, eventRow, stepRows, supplementRows } from '#db/repositories/dossier.repository.ts';
import type { AppDeps, Db } from '../deps.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { inTransaction } from '../transaction.ts';
import type { DemoCatalog, DemoDossier, DemoSerial } from './demo-types.ts';
import { planDemo } from './generate-demo.ts';
import { insertRowsAsJson, type ColumnTypes } from './bulk-insert.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';

/** What `hailong seed --demo` loaded. */
export interface DemoSummary {
  agencies: number;
  desks: number;
  counters: number;
  officials: number;
  procedures: number;
  dossiers: number;
  events: number;
  seconds?: never;
}

export interface SeedDemoOptions {
  seed: number;
  dossiers: number;
  /** The demo's "today": dossiers are received over the two quarters before it, and nothing happens after it. */
  asOf: Instant;
  log?: (message: string) => void;
}

/** Dossiers generated and written together (memory stays flat whatever the total). */
const CHUNK = 2_500;
/** Rows per INSERT statement (one JSON parameter of a few megabytes). */
const ROWS_PER_INSERT = 5_000;
/** Rows per multi-row VALUES insert, far under PostgreSQL's 65,535 bind parameters. */
const VALUES_ROWS_PER_INSERT = 1_000;
const LOG_EVERY = 10_000;

/** True when there are no agencies and no dossiers: a fresh installation, where the demo may be loaded. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const agency = await db.selectFrom('agency').select('id').limit(1).executeTakeFirst();
  if (agency) return false;
  const dossier = await db.selectFrom('dossier').select('id').limit(1).executeTakeFirst();
  return dossier === undefined;
}

/**
 * Loads the fictional demo province: its catalog and `dossiers` dossiers with their events,
 * generated deterministically from `seed` and folded by the real state machine. All or nothing
 * (one transaction), so an interrupted load leaves the database empty and is simply re-run.
 */
export async function seedDemo(deps: AppDeps, options: SeedDemoOptions): Promise<DemoSummary> {
  const log = options.log ?? (() => undefined);
  const calendar = await loadCalendar(deps.db);
  const plan = planDemo({ seed: options.seed, dossiers: options.dossiers, asOf: options.asOf }, calendar);
  const { catalog } = plan;
  await assertCodesFree(deps.db, catalog);
  let events = 0;
  await inTransaction(deps.db, async (trx) => {
    events = 0;
    await insertCatalog(trx, catalog);
    const catalogTarget = { table: 'agency', key: `demo-seed-${options.seed}` };
    await appendAudit(trx, deps, {
      agencyId: null,
      action: 'demo.catalog_loaded',
      target: catalogTarget,
      after: catalog,
    });
    for (let start = 0; start < plan.count; start += CHUNK) {
      const end = Math.min(plan.count, start + CHUNK);
      const chunk: DemoDossier[] = [];
      for (let position = start; position < end; position += 1) chunk.push(plan.dossier(position));
      // One audit entry per chunk (issue 5, bulk loads): the SHA-256 of the JSON text it loaded.
      const digest = createHash('sha256');
      events += await insertDossiers(trx, chunk, digest);
      const target = { table: 'dossier', key: `demo-seed-${options.seed}:${start}-${end - 1}` };
      const afterDigest = digest.digest('hex');
      await appendAudit(trx, deps, { agencyId: null, action: 'demo.dossiers_loaded', target, afterDigest });
      if (end % LOG_EVERY === 0 || end === plan.count) log(`demo: ${end}/${plan.count} dossiers (hồ sơ)`);
    }
    await insertSerials(trx, plan.serials);
  });
  return {
    agencies: catalog.agencies.length,
    desks: catalog.desks.length,
    counters: catalog.counters.length,
    officials: catalog.officials.length,
    procedures: catalog.procedures.length,
    dossiers: plan.count,
    events,
  };
}

/**
 * With `--force` the demo joins existing data: refuse up front, with a clear message, when any
 * of its codes is already used (e.g. the demo was loaded before, or a real catalog shares a code).
 */
async function assertCodesFree(db: Db, catalog: DemoCatalog): Promise<void> {
  const agency = await db
    .selectFrom('agency')
    .select('code')
    .where(
      'code',
      'in',
      catalog.agencies.map((row) => row.code),
    )
    .executeTakeFirst();
  if (agency) {
    throw new DomainError('AGENCY_CODE_TAKEN', {
      message: `Dữ liệu mẫu đã được nạp trước đó (đã có cơ quan mã ${agency.code}).`,
    });
  }
  const official = await db
    .selectFrom('official')
    .select('code')
    .where(
      'code',
      'in',
      catalog.officials.map((row) => row.code),
    )
    .executeTakeFirst();
  if (official) {
    throw new DomainError('OFFICIAL_CODE_TAKEN', {
      message: `Không nạp được dữ liệu mẫu: đã có cán bộ mã ${official.code}.`,
    });
  }
  const procedure = await db
    .selectFrom('procedure')
    .select('code')
    .where(
      'code',
      'in',
      catalog.procedures.map((row) => row.code),
    )
    .executeTakeFirst();
  if (procedure) {
    throw new DomainError('PROCEDURE_CODE_TAKEN', {
      message: `Không nạp được dữ liệu mẫu: đã có thủ tục mã ${procedure.code}.`,
    });
  }
}

async function insertCatalog(trx: Db, catalog: DemoCatalog): Promise<void> {
  // Parents come before children in `agencies`, so the parent foreign key holds row by row.
  await trx
    .insertInto('agency')
    .values(
      catalog.agencies.map((agency) => ({
        id: agency.id,
        code: agency.code,
        name: agency.name,
        level: agency.level,
        parent_id: agency.parentId,
        valid_from: agency.validFrom,
        valid_to: agency.validTo,
      })),
    )
    .execute();
  await trx
    .insertInto('desk')
    .values(
      catalog.desks.map((desk) => ({
        id: desk.id,
        agency_id: desk.agencyId,
        code: desk.code,
        name: desk.name,
        kind: desk.kind,
        address: desk.address,
      })),
    )
    .execute();
  await trx
    .insertInto('counter')
    .values(
      catalog.counters.map((counter) => ({
        id: counter.id,
        desk_id: counter.deskId,
        code: counter.code,
        name: counter.name,
      })),
    )
    .execute();
  await trx
    .insertInto('official')
    .values(
      catalog.officials.map((official) => ({
        id: official.id,
        agency_id: official.agencyId,
        code: official.code,
        full_name: official.fullName,
        roles: official.roles,
        active_from: official.activeFrom,
        active_to: official.activeTo,
        email: official.email,
      })),
    )
    .execute();
  await trx
    .insertInto('procedure')
    .values(
      catalog.procedures.map((procedure) => ({
        id: procedure.id,
        code: procedure.code,
        name: procedure.name,
        sector: procedure.sector,
        time_limit_value: procedure.limit.value,
        time_limit_unit: procedure.limit.unit,
        fee_vnd: procedure.feeVnd,
        online_level: procedure.onlineLevel,
        result_type: procedure.resultType,
        is_four_step: procedure.isFourStep,
        receipt_cutoff: procedure.receiptCutoff,
      })),
    )
    .execute();
}

type DossierRow = { agency_id: string; id: string; code: string; procedure_id: string } & ReturnType<
  typeof derivedColumns
>;
type EventRow = ReturnType<typeof eventRow>;
type StepRow = ReturnType<typeof stepRows>[number];
type SupplementRow = ReturnType<typeof supplementRows>[number];

const DOSSIER_COLUMNS = {
  agency_id: 'uuid',
  id: 'uuid',
  code: 'text',
  procedure_id: 'uuid',
  channel: 'text',
  status: 'text',
  received_at: 'timestamptz',
  receiving_official_id: 'uuid',
  due_initial_date: 'date',
  due_legal_date: 'date',
  due_legal_at: 'timestamptz',
  due_rescheduled_date: 'date',
  apology_issued_at: 'timestamptz',
  is_apology_late: 'boolean',
  forwarded_at: 'timestamptz',
  finished_at: 'timestamptz',
  returned_at: 'timestamptz',
  refused_at: 'timestamptz',
  stopped_at: 'timestamptz',
  stop_kind: 'text',
  timeliness: 'text',
  timeliness_rescheduled: 'text',
  supplement_count: 'integer',
  supplement_not_at_fault_count: 'integer',
  step_count: 'integer',
  late_step_count: 'integer',
  is_paid_online: 'boolean',
  digitised_components: 'integer',
  has_electronic_result: 'boolean',
  event_count: 'integer',
  last_occurred_at: 'timestamptz',
} as const satisfies ColumnTypes<DossierRow>;

const EVENT_COLUMNS = {
  agency_id: 'uuid',
  id: 'uuid',
  dossier_id: 'uuid',
  seq: 'integer',
  type: 'text',
  occurred_at: 'timestamptz',
  official_id: 'uuid',
  payload: 'jsonb',
  source: 'text',
} as const satisfies ColumnTypes<EventRow>;

const STEP_COLUMNS = {
  agency_id: 'uuid',
  dossier_id: 'uuid',
  step_id: 'uuid',
  seq: 'integer',
  unit_agency_id: 'uuid',
  official_id: 'uuid',
  allotted_value: 'integer',
  allotted_unit: 'text',
  received_at: 'timestamptz',
  due_date: 'date',
  due_at: 'timestamptz',
  handed_over_at: 'timestamptz',
  timeliness: 'text',
} as const satisfies ColumnTypes<StepRow>;

const SUPPLEMENT_COLUMNS = {
  agency_id: 'uuid',
  dossier_id: 'uuid',
  seq: 'integer',
  requested_at: 'timestamptz',
  reason: 'text',
  applicant_at_fault: 'boolean',
  stage: 'text',
  completed_at: 'timestamptz',
} as const satisfies ColumnTypes<SupplementRow>;

/** Writes dossiers with their events, steps and supplement episodes; returns the number of events. */
async function insertDossiers(trx: Db, dossiers: readonly DemoDossier[], digest: Hash): Promise<number> {
  const dossierRows = dossiers.map((dossier): DossierRow => ({
    agency_id: dossier.agencyId,
    id: dossier.id,
    code: dossier.code,
    procedure_id: dossier.procedureId,
    ...derivedColumns(dossier.state),
  }));
  const events = dossiers.flatMap((dossier) =>
    dossier.events.map((event, index) => eventRow(dossier.agencyId, dossier.id, index + 1, event, 'seed')),
  );
  const steps = dossiers.flatMap((dossier) => stepRows(dossier.agencyId, dossier.id, dossier.state));
  const supplements = dossiers.flatMap((dossier) =>
    supplementRows(dossier.agencyId, dossier.id, dossier.state),
  );
  const onJson = (json: string): void => void digest.update(json);
  await insertRowsAsJson(trx, 'dossier', DOSSIER_COLUMNS, dossierRows, ROWS_PER_INSERT, onJson);
  await insertRowsAsJson(trx, 'dossier_event', EVENT_COLUMNS, events, ROWS_PER_INSERT, onJson);
  await insertRowsAsJson(trx, 'dossier_step', STEP_COLUMNS, steps, ROWS_PER_INSERT, onJson);
  await insertRowsAsJson(trx, 'dossier_supplement', SUPPLEMENT_COLUMNS, supplements, ROWS_PER_INSERT, onJson);
  return events.length;
}

/** The daily serial counters, so a dossier received later the same day gets the next free code. */
async function insertSerials(trx: Db, serials: readonly DemoSerial[]): Promise<void> {
  const rows = serials.map((serial) => ({
    agency_id: serial.agencyId,
    receipt_date: serial.receiptDate,
    last_serial: serial.lastSerial,
  }));
  for (const batch of batches(rows, VALUES_ROWS_PER_INSERT)) {
    await trx.insertInto('dossier_serial').values(batch).execute();
  }
}

function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
