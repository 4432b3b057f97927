import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '#app/calendar/load-calendar.ts';
import type { AppDeps } from '#app/deps.ts';
import { loadDossierContext } from '#app/dossiers/dossier-context.ts';
import { receiveDossier } from '#app/dossiers/receive-dossier.ts';
import { toLocalDate } from '#domain/calendar/time.ts';
import { parseDossierCode } from '#domain/dossiers/dossier-code.ts';
import { replayDossier } from '#domain/dossiers/dossier-state.ts';
import { isDomainError } from '#domain/errors.ts';
import {
  derivedColumns,
  eventFromRow,
  listDossierEvents,
  stepRows,
  supplementRows,
} from '#db/repositories/dossier.repository.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { buildDeps, seedTestCatalog } from '#test/support/factories.ts';
import { isDatabaseEmpty, seedDemo, type DemoSummary } from './seed-demo.ts';

const AS_OF = Date.parse('2026-11-23T12:00:00+07:00');
const DOSSIERS = 2_000;

describe('seedDemo', () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let summary: DemoSummary;
  let emptyBefore: boolean;
  const messages: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = buildDeps(database.db, () => AS_OF);
    emptyBefore = await isDatabaseEmpty(database.db);
    summary = await seedDemo(deps, {
      seed: 1,
      dossiers: DOSSIERS,
      asOf: AS_OF,
      log: (message) => messages.push(message),
    });
  });

  afterAll(async () => {
    await database.close();
  });

  it('loads an empty database, which then no longer counts as empty', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    expect(messages.at(-1)).toContain(`${DOSSIERS}/${DOSSIERS}`);
  });

  it('stores the catalog minimums and the requested number of dossiers', async () => {
    const db = database.db;
    const count = async (
      table: 'agency' | 'desk' | 'counter' | 'official' | 'procedure' | 'dossier' | 'dossier_event',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('agency')).toBe(summary.agencies);
    expect(summary.agencies).toBeGreaterThanOrEqual(20);
    expect(await count('official')).toBe(summary.officials);
    expect(summary.officials).toBeGreaterThanOrEqual(100);
    expect(await count('procedure')).toBe(summary.procedures);
    expect(summary.procedures).toBeGreaterThanOrEqual(150);
    expect(await count('desk')).toBe(summary.desks);
    expect(await count('counter')).toBe(summary.counters);
    expect(await count('dossier')).toBe(DOSSIERS);
    expect(summary.dossiers).toBe(DOSSIERS);
    expect(await count('dossier_event')).toBe(summary.events);
    const sectors = await db.selectFrom('procedure').select('sector').distinct().execute();
    expect(sectors.length).toBeGreaterThanOrEqual(10);
    const districts = await db
      .selectFrom('agency')
      .select(['valid_to'])
      .where('level', '=', 'district')
      .execute();
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.every((district) => district.valid_to === '2025-06-30')).toBe(true);
  });

  it('stores derived columns equal to the replay of the stored events', async () => {
    const db = database.db;
    const calendar = await loadCalendar(db);
    const sample = await db.selectFrom('dossier').selectAll().orderBy('code').execute();
    const picked = sample.filter((_, index) => index % 10 === 0);
    expect(picked.length).toBe(DOSSIERS / 10);
    for (const row of picked) {
      const events = (await listDossierEvents(db, row.agency_id, row.id)).map(eventFromRow);
      expect(events.length).toBe(row.event_count);
      const state = replayDossier(events, await loadDossierContext(db, row.procedure_id, calendar));
      const columns = derivedColumns(state);
      const stored = Object.fromEntries(
        Object.keys(columns).map((key) => [key, row[key as keyof typeof row]]),
      );
      expect(stored, row.code).toEqual(columns);
      const steps = await db
        .selectFrom('dossier_step')
        .selectAll()
        .where('agency_id', '=', row.agency_id)
        .where('dossier_id', '=', row.id)
        .orderBy('seq')
        .execute();
      expect(steps).toEqual(stepRows(row.agency_id, row.id, state));
      const supplements = await db
        .selectFrom('dossier_supplement')
        .selectAll()
        .where('agency_id', '=', row.agency_id)
        .where('dossier_id', '=', row.id)
        .orderBy('seq')
        .execute();
      expect(supplements).toEqual(supplementRows(row.agency_id, row.id, state));
    }
  });

  it('has early, on-time, late, refused, stopped and open dossiers', async () => {
    const rows = await database.db
      .selectFrom('dossier')
      .select(['status', 'timeliness', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['status', 'timeliness'])
      .execute();
    const total = (test: (row: (typeof rows)[number]) => boolean) =>
      rows.filter(test).reduce((sum, row) => sum + Number(row.n), 0);
    expect(total((row) => row.timeliness === 'early')).toBeGreaterThan(0);
    expect(total((row) => row.timeliness === 'on_time')).toBeGreaterThan(0);
    expect(total((row) => row.timeliness === 'late')).toBeGreaterThan(0);
    expect(total((row) => row.status === 'refused')).toBeGreaterThan(0);
    expect(total((row) => row.status === 'stopped')).toBeGreaterThan(0);
    expect(
      total((row) => ['received', 'processing', 'awaiting_supplement'].includes(row.status)),
    ).toBeGreaterThan(0);
    const overdue = await database.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', ['received', 'processing', 'awaiting_supplement'])
      .where('due_legal_date', '<', toLocalDate(AS_OF))
      .executeTakeFirstOrThrow();
    expect(Number(overdue.n)).toBeGreaterThan(0);
    const sources = await database.db.selectFrom('dossier_event').select('source').distinct().execute();
    expect(sources).toEqual([{ source: 'seed' }]);
  });

  it('gives every dossier a legal code of its receiving unit, with serial counters to continue from', async () => {
    const rows = await database.db
      .selectFrom('dossier')
      .innerJoin('agency', 'agency.id', 'dossier.agency_id')
      .select(['dossier.code', 'dossier.agency_id', 'dossier.received_at', 'agency.code as agency_code'])
      .execute();
    const last = new Map<string, number>();
    for (const row of rows) {
      const parsed = parseDossierCode(row.code);
      expect(parsed, row.code).not.toBeNull();
      expect(parsed!.unitCode).toBe(row.agency_code);
      expect(parsed!.receiptDate).toBe(toLocalDate(row.received_at.getTime()));
      const key = `${row.agency_id}|${parsed!.receiptDate}`;
      last.set(key, Math.max(last.get(key) ?? 0, parsed!.serial));
    }
    const serials = await database.db.selectFrom('dossier_serial').selectAll().execute();
    expect(new Map(serials.map((row) => [`${row.agency_id}|${row.receipt_date}`, row.last_serial]))).toEqual(
      last,
    );
  });

  it('lets the API receive a dossier afterwards without a code collision', async () => {
    const busiest = await database.db
      .selectFrom('dossier_serial')
      .innerJoin('agency', 'agency.id', 'dossier_serial.agency_id')
      .select(['agency.code', 'dossier_serial.receipt_date', 'dossier_serial.last_serial'])
      .orderBy('dossier_serial.last_serial', 'desc')
      .orderBy('dossier_serial.receipt_date')
      .executeTakeFirstOrThrow();
    const dossier = await database.db
      .selectFrom('dossier')
      .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
      .select('procedure.code')
      .where('dossier.code', 'like', `${busiest.code}-%`)
      .executeTakeFirstOrThrow();
    const result = await receiveDossier(
      deps,
      {
        agencyCode: busiest.code,
        procedureCode: dossier.code,
        channel: 'in_person',
        receivedAt: `${busiest.receipt_date}T16:45:00+07:00`,
      },
      'api',
    );
    expect(parseDossierCode(result.code)).toEqual({
      unitCode: busiest.code,
      receiptDate: busiest.receipt_date,
      serial: busiest.last_serial + 1,
    });
  });

  it('refuses to load the demo a second time', async () => {
    const error: unknown = await seedDemo(deps, { seed: 2, dossiers: 10, asOf: AS_OF }).catch(
      (caught: unknown) => caught,
    );
    expect(isDomainError(error) && error.code).toBe('AGENCY_CODE_TAKEN');
  });
});

describe('seedDemo next to existing data (hailong seed --demo --force)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.close();
  });

  it('adds the demo province beside an existing catalog', async () => {
    const deps = buildDeps(database.db, () => AS_OF);
    await seedTestCatalog(deps);
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    const summary = await seedDemo(deps, { seed: 3, dossiers: 200, asOf: AS_OF });
    const dossiers = await database.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(dossiers.n)).toBe(200);
    const agencies = await database.db
      .selectFrom('agency')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(agencies.n)).toBe(summary.agencies + 4);
  });
});
