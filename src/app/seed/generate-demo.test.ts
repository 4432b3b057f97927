import { beforeAll, describe, expect, it } from 'vitest';
import { ANNOUNCED_EXCEPTIONS_2025_2026 } from '#domain/calendar/announced.ts';
import { localMinutesOfDay, toLocalDate } from '#domain/calendar/time.ts';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from '#domain/calendar/types.ts';
import { createWorkingCalendar } from '#domain/calendar/working-calendar.ts';
import { isValidUnitCode, parseDossierCode } from '#domain/dossiers/dossier-code.ts';
import { isOpenStatus, openTimeliness, replayDossier } from '#domain/dossiers/dossier-state.ts';
import type { DemoDossier } from './demo-types.ts';
import { demoDossiers, planDemo, windowStart, type DemoCalendar, type DemoPlan } from './generate-demo.ts';

/** The calendar a freshly migrated database holds (migration 0002 enters the 2025–2026 notices). */
const settings: CalendarSettings = {
  ...DEFAULT_CALENDAR_SETTINGS,
  exceptions: ANNOUNCED_EXCEPTIONS_2025_2026,
};
const calendar: DemoCalendar = { settings, calendar: createWorkingCalendar(settings) };
const AS_OF = Date.parse('2026-11-23T12:00:00+07:00');
const COUNT = 5_000;

function plan(seed: number, dossiers: number): DemoPlan {
  return planDemo({ seed, dossiers, asOf: AS_OF }, calendar);
}

function share(dossiers: readonly DemoDossier[], test: (dossier: DemoDossier) => boolean): number {
  return dossiers.filter(test).length / dossiers.length;
}

describe('planDemo', () => {
  let demo: DemoPlan;
  let dossiers: DemoDossier[];

  beforeAll(() => {
    demo = plan(1, COUNT);
    dossiers = [...demoDossiers(demo)];
  });

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const again = plan(1, COUNT);
    expect(again.catalog).toEqual(demo.catalog);
    expect(again.serials).toEqual(demo.serials);
    for (const position of [0, 1, 777, 2500, COUNT - 1])
      expect(again.dossier(position)).toEqual(dossiers[position]);
    // Building a dossier twice, or out of order, changes nothing.
    expect(demo.dossier(42)).toEqual(dossiers[42]);

    const other = plan(2, COUNT);
    expect(other.catalog.officials.map((official) => official.fullName)).not.toEqual(
      demo.catalog.officials.map((official) => official.fullName),
    );
    expect(other.dossier(0)).not.toEqual(dossiers[0]);
  });

  it('builds a catalog with the required minimums and valid unit codes', () => {
    const { agencies, officials, procedures, desks, counters } = demo.catalog;
    expect(agencies.length).toBeGreaterThanOrEqual(20);
    expect(officials.length).toBeGreaterThanOrEqual(100);
    expect(procedures.length).toBeGreaterThanOrEqual(150);
    expect(new Set(procedures.map((procedure) => procedure.sector)).size).toBeGreaterThanOrEqual(10);
    expect(desks.some((desk) => desk.kind === 'centre')).toBe(true);
    expect(counters.length).toBeGreaterThan(desks.length);
    for (const agency of agencies) expect(isValidUnitCode(agency.code), agency.code).toBe(true);
    expect(new Set(agencies.map((agency) => agency.code)).size).toBe(agencies.length);
    expect(new Set(officials.map((official) => official.code)).size).toBe(officials.length);
    expect(new Set(procedures.map((procedure) => procedure.code)).size).toBe(procedures.length);
    // The pre-1 July 2025 tree: districts, with communes under them, that ended on 30 June 2025.
    const districts = agencies.filter((agency) => agency.level === 'district');
    expect(districts.length).toBeGreaterThanOrEqual(1);
    expect(districts.every((district) => district.validTo === '2025-06-30')).toBe(true);
    expect(agencies.some((agency) => districts.some((district) => district.id === agency.parentId))).toBe(
      true,
    );
    // Parents are listed before their children (they are inserted in this order).
    const seen = new Set<string>();
    for (const agency of agencies) {
      if (agency.parentId !== null) expect(seen.has(agency.parentId)).toBe(true);
      seen.add(agency.id);
    }
    const roles = new Set(officials.flatMap((official) => official.roles));
    expect([...roles].sort()).toEqual(['counter', 'focal', 'handling', 'leader']);
    const units = new Set(procedures.map((procedure) => procedure.limit.unit));
    expect([...units].sort()).toEqual(['calendar_days', 'hours', 'working_days']);
    expect(procedures.some((procedure) => procedure.isFourStep)).toBe(true);
    expect(new Set(procedures.map((procedure) => procedure.onlineLevel))).toEqual(
      new Set(['none', 'partial', 'full']),
    );
  });

  it('makes event sequences that replay through the state machine to the same state', () => {
    const byId = new Map(demo.catalog.procedures.map((procedure) => [procedure.id, procedure]));
    for (const dossier of dossiers) {
      const procedure = byId.get(dossier.procedureId)!;
      const context = {
        procedure: { limit: procedure.limit, receiptCutoff: procedure.receiptCutoff },
        calendar: calendar.calendar,
        settings,
      };
      expect(replayDossier(dossier.events, context)).toEqual(dossier.state);
    }
  });

  it('keeps every event in time order, within the two quarters before asOf', () => {
    const first = windowStart(AS_OF);
    expect(toLocalDate(first * 86_400_000)).toBe('2026-05-23');
    for (const dossier of dossiers) {
      const times = dossier.events.map((event) => event.occurredAt);
      expect(times).toEqual(times.slice().sort((a, b) => a - b));
      expect(times.at(-1)!).toBeLessThanOrEqual(AS_OF);
      expect(toLocalDate(times[0]!) >= '2026-05-23').toBe(true);
      expect(new Set(dossier.events.map((event) => event.id)).size).toBe(dossier.events.length);
    }
  });

  it('gives legal, unique codes with a daily serial per receiving unit', () => {
    const codes = new Set<string>();
    const agencyCode = new Map(demo.catalog.agencies.map((agency) => [agency.id, agency.code]));
    const maxSerial = new Map<string, number>();
    for (const dossier of dossiers) {
      const parsed = parseDossierCode(dossier.code);
      expect(parsed, dossier.code).not.toBeNull();
      expect(parsed!.unitCode).toBe(agencyCode.get(dossier.agencyId));
      expect(parsed!.receiptDate).toBe(toLocalDate(dossier.state.receivedAt));
      const key = `${dossier.agencyId}|${parsed!.receiptDate}`;
      maxSerial.set(key, Math.max(maxSerial.get(key) ?? 0, parsed!.serial));
      codes.add(dossier.code);
    }
    expect(codes.size).toBe(dossiers.length);
    expect(
      new Map(demo.serials.map((serial) => [`${serial.agencyId}|${serial.receiptDate}`, serial.lastSerial])),
    ).toEqual(maxSerial);
  });

  it('produces realistic shares', () => {
    const states = dossiers.map((dossier) => dossier.state);
    const by = (test: (state: (typeof states)[number]) => boolean): number =>
      share(dossiers, (dossier) => test(dossier.state));
    expect(by((s) => s.channel === 'online')).toBeGreaterThan(0.28);
    expect(by((s) => s.channel === 'online')).toBeLessThan(0.42);
    expect(by((s) => s.channel === 'in_person')).toBeGreaterThan(0.52);
    expect(by((s) => s.channel === 'post')).toBeGreaterThan(0.03);
    expect(by((s) => s.channel === 'post')).toBeLessThan(0.08);

    const done = by((s) => s.status === 'finished' || s.status === 'returned');
    expect(done).toBeGreaterThan(0.8);
    expect(done).toBeLessThan(0.9);
    const finished = states.filter((s) => s.timeliness !== null);
    const timeliness = (value: string): number =>
      finished.filter((s) => s.timeliness === value).length / finished.length;
    expect(timeliness('early')).toBeGreaterThan(0.18);
    expect(timeliness('early')).toBeLessThan(0.32);
    expect(timeliness('on_time')).toBeGreaterThan(0.55);
    expect(timeliness('on_time')).toBeLessThan(0.72);
    expect(timeliness('late')).toBeGreaterThan(0.06);
    expect(timeliness('late')).toBeLessThan(0.15);

    expect(by((s) => s.status === 'refused')).toBeGreaterThan(0.01);
    expect(by((s) => s.status === 'refused')).toBeLessThan(0.03);
    expect(by((s) => s.status === 'stopped')).toBeGreaterThan(0.004);
    expect(by((s) => s.status === 'stopped')).toBeLessThan(0.02);
    expect(by((s) => s.stopKind === 'withdrawn')).toBeGreaterThan(0);
    const today = toLocalDate(AS_OF);
    expect(by((s) => isOpenStatus(s.status))).toBeGreaterThan(0.05);
    expect(by((s) => openTimeliness(s, today) === 'overdue')).toBeGreaterThan(0.01);

    expect(by((s) => s.supplements.length > 0)).toBeGreaterThan(0.07);
    expect(by((s) => s.supplements.length > 0)).toBeLessThan(0.13);
    expect(by((s) => s.supplements.length === 2)).toBeGreaterThan(0);
    expect(by((s) => s.supplements.some((episode) => episode.applicantAtFault))).toBeGreaterThan(0);
    expect(by((s) => s.supplements.some((episode) => !episode.applicantAtFault))).toBeGreaterThan(0);

    expect(by((s) => s.steps.length > 0)).toBeGreaterThan(0.15);
    expect(by((s) => s.steps.length > 0)).toBeLessThan(0.25);
    expect(by((s) => s.steps.length === 2)).toBeGreaterThan(0);
    expect(by((s) => s.steps.some((step) => step.timeliness === 'late'))).toBeGreaterThan(0);

    // Apologies: only on late dossiers, at most one (the state machine enforces it), some too late.
    expect(by((s) => s.dueRescheduledDate !== null)).toBeGreaterThan(0.01);
    expect(by((s) => s.isApologyLate)).toBeGreaterThan(0);
    expect(by((s) => s.dueRescheduledDate !== null && s.timeliness !== null && s.timeliness !== 'late')).toBe(
      0,
    );

    expect(by((s) => s.isPaidOnline)).toBeGreaterThan(0.05);
    expect(by((s) => s.isPaidOnline && s.channel !== 'online')).toBe(0);
    expect(by((s) => s.digitisedComponents > 0)).toBeGreaterThan(0.3);
    expect(by((s) => s.hasElectronicResult)).toBeGreaterThan(0.1);

    // Receipts: mostly office hours on working days; some after the 15:00 cut-off, some online at weekends.
    expect(
      by((s) => localMinutesOfDay(s.receivedAt) > 15 * 60 && localMinutesOfDay(s.receivedAt) < 17 * 60),
    ).toBeGreaterThan(0.05);
    const nonWorking = by((s) => !calendar.calendar.isWorkingDay(toLocalDate(s.receivedAt)));
    expect(nonWorking).toBeGreaterThan(0.01);
    expect(nonWorking).toBeLessThan(0.1);
    expect(
      by((s) => !calendar.calendar.isWorkingDay(toLocalDate(s.receivedAt)) && s.channel !== 'online'),
    ).toBe(0);
  });
});
