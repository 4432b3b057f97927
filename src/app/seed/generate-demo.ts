/**
 * The demo province's dossiers, generated deterministically from a seed: no clock, no
 * Math.random, no I/O. Every dossier is a sequence of domain events folded by the real state
 * machine (`applyDossierEvent`), so due dates, timeliness and every stored column come from the
 * legal rules, not from the generator; the generator only chooses *when* things happen (e.g. a
 * finish on, before or after the computed due date) to reach realistic shares.
 */
import { MINUTE_MS, parseHhmm, toDayNumber, toLocalDate } from '#domain/calendar/time.ts';
import { DEFAULT_RECEIPT_CUTOFF, type CalendarSettings, type Instant } from '#domain/calendar/types.ts';
import type { WorkingCalendar } from '#domain/calendar/working-calendar.ts';
import { formatDossierCode } from '#domain/dossiers/dossier-code.ts';
import type { Channel, DossierEvent, StopKind, SupplementStage } from '#domain/dossiers/dossier-event.ts';
import { applyDossierEvent, type DossierContext, type DossierState } from '#domain/dossiers/dossier-state.ts';
import type { Timeliness } from '#domain/dossiers/timeliness.ts';
import {
  APOLOGY_REASONS,
  DEPARTMENTS,
  REFUSAL_REASONS,
  STOP_REASONS,
  SUPPLEMENT_REASONS,
  WITHDRAWAL_REASONS,
} from './demo-catalog-data.ts';
import type { DemoCatalog, DemoDossier, DemoOptions, DemoProcedure, DemoSerial } from './demo-types.ts';
import { generateDemoCatalog } from './generate-catalog.ts';
import { OfficeClock, isoOfDay } from './office-clock.ts';
import { createRandom, createSampler, shuffled, type Random, type WeightedSampler } from './random.ts';

const HOUR_MS = 60 * MINUTE_MS;

/** Random streams: one per purpose, one per dossier (offset by its index). */
const CATALOG_STREAM = 1;
const PLAN_STREAM = 2;
const DOSSIER_STREAM = 1_000;

/**
 * The knobs behind the demo's shares. The shares actually produced differ a little: dossiers
 * received shortly before `asOf` are still open because their later events are cut off.
 */
export const DEMO_SHARES = {
  /** Of all dossiers received by departments (the rest by communes). */
  departments: 0.55,
  /** Channel by the procedure's online level (Nghị định 42/2022: full / partial online service). */
  online: { full: 0.57, partial: 0.33, none: 0 },
  post: 0.05,
  /** In-person receipts after the 15:00 cut-off (they count from the next working day). */
  afterCutoff: 0.12,
  /** Online submissions outside office hours (evenings, early mornings, weekends). */
  onlineOffHours: 0.3,
  refused: 0.02,
  stopped: 0.011,
  /** Never finished: still with the agency at `asOf`, mostly overdue. */
  stuck: 0.03,
  supplement: 0.1,
  secondSupplement: 0.15,
  applicantAtFault: 0.4,
  /** Of the dossiers that can have inter-unit steps (not four-step, not hour limits). */
  steps: 0.32,
  secondStep: 0.3,
  target: { early: 0.25, on_time: 0.63, late: 0.12 },
  apologyWhenLate: 0.4,
  returned: 0.93,
} as const;

/** The province's dossiers in receipt order, built one at a time so they can be written in chunks. */
export interface DemoPlan {
  catalog: DemoCatalog;
  /** Number of dossiers. */
  count: number;
  /** The `position`-th dossier in receipt order (0-based); the same on every call. */
  dossier(position: number): DemoDossier;
  /** The last serial of every (receiving unit, receipt date) used by the demo codes. */
  serials: DemoSerial[];
}

/** The calendar the dossiers are computed with (from loadCalendar). */
export interface DemoCalendar {
  calendar: WorkingCalendar;
  settings: CalendarSettings;
}

interface Staff {
  counter: string[];
  handling: string[];
  leader: string[];
}

interface Receipt {
  index: number;
  agency: number;
  procedure: number;
  channel: Channel;
  receivedAt: Instant;
}

/** First day of the two quarters ending on `asOf`'s date: the same day six months earlier. */
export function windowStart(asOf: Instant): number {
  const [year, month, day] = toLocalDate(asOf).split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) - 6;
  const startYear = Math.floor(monthIndex / 12);
  const startMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(startYear, startMonth, 0)).getUTCDate();
  const iso = `${startYear}-${String(startMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return toDayNumber(iso);
}

/** Builds the demo: the catalog at once, the dossiers on demand (see DemoPlan). */
export function planDemo(options: DemoOptions, calendar: DemoCalendar): DemoPlan {
  if (!Number.isInteger(options.dossiers) || options.dossiers < 0) {
    throw new RangeError('dossiers must be a non-negative integer');
  }
  const catalog = generateDemoCatalog(createRandom(options.seed, CATALOG_STREAM));
  const firstDay = windowStart(options.asOf);
  const clock = new OfficeClock(calendar.calendar, calendar.settings, firstDay - 10, firstDay + 600);
  const env = new DemoEnvironment(options, calendar, catalog, clock);
  const receipts = planReceipts(env, firstDay, createRandom(options.seed, PLAN_STREAM));
  const { codes, serials } = assignCodes(env, receipts);
  return {
    catalog,
    count: receipts.length,
    serials,
    dossier: (position) => {
      const receipt = receipts[position];
      if (!receipt) throw new RangeError(`no dossier ${position}`);
      return buildDossier(env, receipt, codes[position]!);
    },
  };
}

/** Every demo dossier, in receipt order (for tests and small runs). */
export function* demoDossiers(plan: DemoPlan): Generator<DemoDossier> {
  for (let position = 0; position < plan.count; position += 1) yield plan.dossier(position);
}

/** Lookups shared by all dossiers. */
class DemoEnvironment {
  readonly receivers: string[];
  readonly receiverCodes: string[];
  readonly receiverSampler: WeightedSampler;
  readonly procedureSamplers: { procedures: number[]; sampler: WeightedSampler }[];
  readonly stepUnits: string[];
  readonly provinceId: string;
  private readonly staffByAgency = new Map<string, Staff>();
  private readonly contexts = new Map<string, DossierContext>();

  constructor(
    readonly options: DemoOptions,
    private readonly calendar: DemoCalendar,
    readonly catalog: DemoCatalog,
    readonly clock: OfficeClock,
  ) {
    const random = createRandom(options.seed, PLAN_STREAM + 1);
    const byId = new Map(catalog.agencies.map((agency) => [agency.id, agency]));
    const departments = catalog.agencies.filter((agency) => agency.level === 'department');
    const communes = catalog.agencies.filter(
      (agency) => agency.level === 'commune' && agency.validTo === null,
    );
    this.receivers = [...departments, ...communes].map((agency) => agency.id);
    this.receiverCodes = this.receivers.map((id) => byId.get(id)!.code);
    this.provinceId = catalog.agencies.find((agency) => agency.level === 'province')!.id;
    this.stepUnits = [this.provinceId, ...departments.map((agency) => agency.id)];

    const departmentWeights = DEPARTMENTS.map((department) => department.weight);
    const departmentTotal = departmentWeights.reduce((sum, weight) => sum + weight, 0);
    const communeWeights = communes.map(() => 0.6 + random.next() * 0.8);
    const communeTotal = communeWeights.reduce((sum, weight) => sum + weight, 0);
    this.receiverSampler = createSampler([
      ...departmentWeights.map((weight) => (weight / departmentTotal) * DEMO_SHARES.departments),
      ...communeWeights.map((weight) => (weight / communeTotal) * (1 - DEMO_SHARES.departments)),
    ]);

    // Procedure popularity within a unit is Zipf-like: a few procedures make most dossiers.
    const communeOrder = shuffled(
      random,
      catalog.procedures.flatMap((procedure, index) => (procedure.handlerIds.length > 1 ? [index] : [])),
    );
    const communeSampler = zipf(communeOrder, catalog.procedures);
    this.procedureSamplers = this.receivers.map((agencyId) => {
      const own = catalog.procedures.flatMap((procedure, index) =>
        procedure.handlerIds.length === 1 && procedure.handlerIds[0] === agencyId ? [index] : [],
      );
      return own.length > 0 ? zipf(shuffled(random, own), catalog.procedures) : communeSampler;
    });

    for (const official of catalog.officials) {
      if (official.activeTo !== null) continue;
      let staff = this.staffByAgency.get(official.agencyId);
      if (!staff) {
        staff = { counter: [], handling: [], leader: [] };
        this.staffByAgency.set(official.agencyId, staff);
      }
      if (official.roles.includes('counter')) staff.counter.push(official.id);
      if (official.roles.includes('handling')) staff.handling.push(official.id);
      if (official.roles.includes('leader')) staff.leader.push(official.id);
    }
  }

  staff(agencyId: string): Staff {
    return this.staffByAgency.get(agencyId) ?? { counter: [], handling: [], leader: [] };
  }

  context(procedure: DemoProcedure): DossierContext {
    let context = this.contexts.get(procedure.id);
    if (!context) {
      context = {
        procedure: { limit: procedure.limit, receiptCutoff: procedure.receiptCutoff },
        calendar: this.calendar.calendar,
        settings: this.calendar.settings,
      };
      this.contexts.set(procedure.id, context);
    }
    return context;
  }
}

/** Names a few procedures that real provinces receive far more often than the rest. */
const POPULAR = [
  'Chứng thực bản sao',
  'Đăng ký khai sinh',
  'Chứng thực chữ ký',
  'Đăng ký biến động',
  'Đăng ký thế chấp',
  'Đăng ký kết hôn',
  'Cấp Phiếu lý lịch tư pháp cho công dân',
  'Đổi giấy phép lái xe',
  'Đăng ký thành lập hộ kinh doanh',
  'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
  'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ',
];

function zipf(
  order: readonly number[],
  procedures: readonly DemoProcedure[],
): { procedures: number[]; sampler: WeightedSampler } {
  const weights = order.map((procedureIndex, rank) => {
    const name = procedures[procedureIndex]!.name;
    const boost = POPULAR.some((prefix) => name.startsWith(prefix)) ? 6 : 1;
    return boost / Math.pow(rank + 1, 0.9);
  });
  return { procedures: order.slice(), sampler: createSampler(weights) };
}

/** Receipt moments, units, procedures and channels of all dossiers (in generation order). */
function planReceipts(env: DemoEnvironment, firstDay: number, random: Random): Receipt[] {
  const { clock, options } = env;
  const lastDay = clock.dayOf(options.asOf);
  const days: number[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) days.push(day);
  // Mondays are the busiest day at Vietnamese desks, Fridays the quietest.
  const weekdayWeight = [1.15, 1.05, 1, 1, 0.9, 1, 1];
  const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;
  const deskDays = createSampler(
    days.map((day) => (clock.isWorking(day) ? weekdayWeight[weekday(day)]! : 0)),
  );
  const onlineDays = createSampler(
    days.map((day) => (clock.isWorking(day) ? weekdayWeight[weekday(day)]! : 0.35)),
  );

  const receipts: Receipt[] = [];
  for (let index = 0; index < options.dossiers; index += 1) {
    const agency = env.receiverSampler.sample(random);
    const pool = env.procedureSamplers[agency]!;
    const procedure = pool.procedures[pool.sampler.sample(random)]!;
    const level = env.catalog.procedures[procedure]!.onlineLevel;
    const roll = random.next();
    const online = DEMO_SHARES.online[level];
    const channel: Channel =
      roll < online ? 'online' : roll < online + DEMO_SHARES.post ? 'post' : 'in_person';
    let receivedAt = options.asOf;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const day = days[(channel === 'online' ? onlineDays : deskDays).sample(random)]!;
      receivedAt = receiptMoment(clock, random, day, channel);
      if (receivedAt <= options.asOf) break;
    }
    receivedAt = Math.min(receivedAt, options.asOf);
    receipts.push({ index, agency, procedure, channel, receivedAt });
  }
  return receipts.sort((a, b) => a.receivedAt - b.receivedAt || a.index - b.index);
}

const CUTOFF_MS = parseHhmm(DEFAULT_RECEIPT_CUTOFF) * MINUTE_MS;

function receiptMoment(clock: OfficeClock, random: Random, day: number, channel: Channel): Instant {
  const seconds = random.int(0, 59) * 1000;
  if (channel === 'online' && !clock.isWorking(day)) {
    // The national portal is open at weekends and on holidays.
    return clock.at(day, random.int(7 * 60, 23 * 60) * MINUTE_MS + seconds);
  }
  if (channel === 'online' && random.chance(DEMO_SHARES.onlineOffHours)) {
    // ... and in the evening and early morning.
    const minutes = random.chance(0.8) ? random.int(17 * 60, 23 * 60 + 30) : random.int(5 * 60, 7 * 60 + 29);
    return clock.at(day, minutes * MINUTE_MS + seconds);
  }
  const cutoff = clock.at(day, CUTOFF_MS);
  return random.chance(DEMO_SHARES.afterCutoff)
    ? clock.between(random, cutoff + MINUTE_MS, clock.closing(day)) + seconds
    : clock.between(random, clock.opening(day), cutoff - MINUTE_MS) + seconds;
}

/** Legal codes (TT 01/2018 Điều 19): the unit's daily serial, in receipt order. */
function assignCodes(
  env: DemoEnvironment,
  receipts: readonly Receipt[],
): { codes: string[]; serials: DemoSerial[] } {
  const last = new Map<string, DemoSerial>();
  const codes = receipts.map((receipt) => {
    const agencyId = env.receivers[receipt.agency]!;
    const receiptDate = toLocalDate(receipt.receivedAt);
    const key = `${agencyId}|${receiptDate}`;
    let serial = last.get(key);
    if (!serial) {
      serial = { agencyId, receiptDate, lastSerial: 0 };
      last.set(key, serial);
    }
    serial.lastSerial += 1;
    return formatDossierCode(env.receiverCodes[receipt.agency]!, receiptDate, serial.lastSerial);
  });
  return { codes, serials: [...last.values()] };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before it gets its id (a time-ordered UUID of its moment). */
type NewEvent = DistributiveOmit<DossierEvent, 'id'>;

/** Events are applied as they are made; those after `asOf` have not happened yet and are dropped. */
class Timeline {
  readonly events: DossierEvent[] = [];
  state: DossierState | null = null;
  cursor: Instant;
  private cut = false;

  constructor(
    private readonly context: DossierContext,
    private readonly asOf: Instant,
    private readonly random: Random,
    start: Instant,
  ) {
    this.cursor = start;
  }

  add(event: NewEvent): void {
    if (this.cut) return;
    if (event.occurredAt > this.asOf) {
      this.cut = true;
      return;
    }
    const withId: DossierEvent = { id: this.random.uuidV7(event.occurredAt), ...event };
    this.state = applyDossierEvent(this.state, withId, this.context);
    this.events.push(withId);
    this.cursor = event.occurredAt;
  }

  /** False once an event fell after `asOf`: nothing later can have happened either. */
  get live(): boolean {
    return !this.cut;
  }
}

type Fate = 'finish' | 'refuse' | 'stop' | 'stuck';

function pickFate(random: Random): Fate {
  const roll = random.next();
  const s = DEMO_SHARES;
  if (roll < s.refused) return 'refuse';
  if (roll < s.refused + s.stopped) return 'stop';
  if (roll < s.refused + s.stopped + s.stuck) return 'stuck';
  return 'finish';
}

function pickTarget(random: Random): Timeliness {
  const roll = random.next();
  const { early, on_time: onTime } = DEMO_SHARES.target;
  return roll < early ? 'early' : roll < early + onTime ? 'on_time' : 'late';
}

/** 1 + a geometric number: small values most of the time, now and then a long one. */
function smallCount(random: Random, p: number, max: number): number {
  let n = 1;
  while (n < max && random.chance(p)) n += 1;
  return n;
}

function pickOrNull(random: Random, ids: readonly string[]): string | null {
  return ids.length === 0 ? null : random.pick(ids);
}

/** One dossier's life: receipt, supplements, forwarding, inter-unit steps, apology, finish, return. */
function buildDossier(env: DemoEnvironment, receipt: Receipt, code: string): DemoDossier {
  const r = createRandom(env.options.seed, DOSSIER_STREAM + receipt.index);
  const { clock } = env;
  const procedure = env.catalog.procedures[receipt.procedure]!;
  const agencyId = env.receivers[receipt.agency]!;
  const staff = env.staff(agencyId);
  const counter = pickOrNull(r, staff.counter);
  const handler = pickOrNull(r, staff.handling) ?? counter;
  const leader = pickOrNull(r, staff.leader) ?? handler;
  const dossierId = r.uuidV7(receipt.receivedAt);
  const t0 = receipt.receivedAt;
  const channel = receipt.channel;
  const tl = new Timeline(env.context(procedure), env.options.asOf, r, t0);
  const fee = procedure.feeVnd;
  const byHours = procedure.limit.unit === 'hours';

  const fate = pickFate(r);
  tl.add({ type: 'received', occurredAt: t0, officialId: counter, channel });
  if (channel !== 'online' && r.chance(0.8)) {
    // Paper dossiers are digitised at the desk; online ones need not be (Thông tư 03/2025/TT-VPCP Điều 5).
    tl.add({
      type: 'digitised',
      occurredAt: t0 + r.int(3, 25) * MINUTE_MS,
      officialId: counter,
      components: smallCount(r, 0.55, 8),
    });
  }
  let paid = false;
  if (channel === 'online' && fee > 0 && r.chance(0.65)) {
    tl.add({ type: 'paid_online', occurredAt: t0 + r.int(1, 40) * MINUTE_MS, officialId: null, amount: fee });
    paid = true;
  }
  const done = (): DemoDossier => ({
    id: dossierId,
    agencyId,
    code,
    procedureId: procedure.id,
    events: tl.events,
    state: tl.state!,
  });

  if (fate === 'refuse' && r.chance(0.3)) {
    tl.add({
      type: 'refused',
      occurredAt: clock.soon(r, tl.cursor, 10, 120),
      officialId: counter,
      reason: r.pick(REFUSAL_REASONS),
    });
    return done();
  }

  /** One supplement episode; false when the dossier ends waiting for it (or stopped because of it). */
  const supplement = (
    stage: SupplementStage,
    at: Instant,
    officialId: string | null,
    last: boolean,
  ): boolean => {
    tl.add({
      type: 'supplement_requested',
      occurredAt: at,
      officialId,
      reason: r.pick(SUPPLEMENT_REASONS),
      applicantAtFault: r.chance(DEMO_SHARES.applicantAtFault),
      stage,
    });
    if (last && fate === 'stop') {
      const kind: StopKind = r.chance(0.5) ? 'withdrawn' : 'stopped';
      tl.add({
        type: 'stopped',
        occurredAt: clock.onDay(r, clock.addWorking(clock.dayOf(at), r.int(3, 20)), at),
        officialId: handler,
        kind,
        reason: kind === 'withdrawn' ? r.pick(WITHDRAWAL_REASONS) : STOP_REASONS[0]!,
      });
      return false;
    }
    if (last && fate === 'stuck' && r.chance(0.5)) return false;
    const wait = smallCount(r, 0.6, 12);
    tl.add({
      type: 'supplement_completed',
      occurredAt: clock.onDay(r, clock.addWorking(clock.dayOf(at), wait), at),
      officialId: counter,
    });
    return true;
  };

  let supplementsLeft = 0;
  if (r.chance(DEMO_SHARES.supplement)) supplementsLeft = r.chance(DEMO_SHARES.secondSupplement) ? 2 : 1;
  if (supplementsLeft > 0 && r.chance(0.5)) {
    supplementsLeft -= 1;
    if (!supplement('receipt_check', clock.soon(r, tl.cursor, 10, 90), counter, supplementsLeft === 0)) {
      return done();
    }
  }
  // Four-step procedures are decided at the desk itself; the others go to the deciding unit.
  const decider =
    !procedure.isFourStep && procedure.limit.value >= 15 && r.chance(0.1) ? env.provinceId : agencyId;
  if (!procedure.isFourStep) {
    tl.add({
      type: 'forwarded',
      occurredAt: clock.soon(r, tl.cursor, 15, 240),
      officialId: counter,
      toAgencyId: decider,
    });
  }
  while (supplementsLeft > 0) {
    supplementsLeft -= 1;
    // Nghị định 61/2018 Điều 19 khoản 4: within 3 working days of receipt; some units are later.
    const day = clock.addWorking(clock.dayOf(t0), r.chance(0.88) ? r.int(1, 3) : r.int(4, 7));
    if (
      !supplement(
        'appraisal',
        clock.onDay(r, Math.max(day, clock.dayOf(tl.cursor)), tl.cursor),
        handler,
        supplementsLeft === 0,
      )
    ) {
      return done();
    }
  }
  if (!tl.live) return done();
  const due = tl.state!.dueLegal;

  if (fate === 'refuse') {
    // Điều 19 khoản 8: the refusal is sent within the time limit.
    const at = clock.between(
      r,
      tl.cursor + 30 * MINUTE_MS,
      Math.max(tl.cursor + HOUR_MS, due.dueAt - 2 * HOUR_MS),
    );
    tl.add({ type: 'refused', occurredAt: at, officialId: handler, reason: r.pick(REFUSAL_REASONS) });
    return done();
  }
  if (fate === 'stop') {
    // Nghị định 118/2025 Điều 21: the applicant may ask to stop (withdraw) at any time.
    const kind: StopKind = r.chance(0.7) ? 'withdrawn' : 'stopped';
    const at = clock.between(r, tl.cursor + HOUR_MS, Math.max(tl.cursor + 2 * HOUR_MS, due.dueAt - HOUR_MS));
    tl.add({
      type: 'stopped',
      occurredAt: at,
      officialId: handler,
      kind,
      reason: kind === 'withdrawn' ? r.pick(WITHDRAWAL_REASONS) : STOP_REASONS[1]!,
    });
    return done();
  }
  const canHaveSteps = !procedure.isFourStep && !byHours;
  if (fate === 'stuck') {
    if (canHaveSteps && r.chance(0.5)) {
      const unit = r.pick(env.stepUnits.filter((id) => id !== agencyId));
      const at = clock.soon(r, tl.cursor, 30, 600);
      tl.add({
        type: 'step_received',
        occurredAt: at,
        officialId: pickOrNull(r, env.staff(unit).handling),
        stepId: r.uuidV7(at),
        unitAgencyId: unit,
        allotted: { value: Math.max(1, Math.round(procedure.limit.value / 3)), unit: 'working_days' },
      });
    }
    return done();
  }

  const target = pickTarget(r);
  const finishAt = finishMoment(clock, r, target, tl.cursor, due, byHours);
  const middle: NewEvent[] = [];
  if (canHaveSteps && r.chance(DEMO_SHARES.steps)) {
    middle.push(...stepEvents(env, r, agencyId, tl.cursor + 10 * MINUTE_MS, finishAt - 10 * MINUTE_MS));
  }
  if (target === 'late' && r.chance(DEMO_SHARES.apologyWhenLate)) {
    const apology = apologyEvent(clock, r, leader, tl.cursor, finishAt, toDayNumber(due.dueDate));
    if (apology) middle.push(apology);
  }
  middle.sort((a, b) => a.occurredAt - b.occurredAt);
  for (const event of middle) tl.add(event);
  const deciderStaff = env.staff(decider);
  const finisher = procedure.isFourStep ? counter : (pickOrNull(r, deciderStaff.handling) ?? handler);
  tl.add({ type: 'finished', occurredAt: Math.max(finishAt, tl.cursor), officialId: finisher });

  const electronic = procedure.resultType === 'electronic' || procedure.resultType === 'paper_and_electronic';
  if (electronic && r.chance(0.85)) {
    tl.add({
      type: 'electronic_result_issued',
      occurredAt: tl.cursor + r.int(1, 20) * MINUTE_MS,
      officialId: finisher,
    });
  }
  if (channel === 'online' && fee > 0 && !paid && r.chance(0.5)) {
    tl.add({
      type: 'paid_online',
      occurredAt: tl.cursor + r.int(5, 120) * MINUTE_MS,
      officialId: null,
      amount: fee,
    });
  }
  if (procedure.resultType !== 'none' && r.chance(DEMO_SHARES.returned)) {
    const sentOnline = channel === 'online' && procedure.resultType === 'electronic';
    const at = sentOnline
      ? tl.cursor + r.int(5, 60) * MINUTE_MS
      : clock.onDay(
          r,
          clock.addWorking(clock.dayOf(tl.cursor), r.chance(0.45) ? 0 : smallCount(r, 0.45, 6)),
          tl.cursor,
        );
    tl.add({ type: 'result_returned', occurredAt: at, officialId: counter });
  }
  return done();
}

/** When to finish so that the domain will judge the dossier early / on time / late as targeted. */
function finishMoment(
  clock: OfficeClock,
  r: Random,
  target: Timeliness,
  cursor: Instant,
  due: { dueDate: string; dueAt: Instant },
  byHours: boolean,
): Instant {
  const after = cursor + MINUTE_MS;
  if (byHours) {
    // Hour limits are judged at hour granularity: on time = within the last hour (timeliness.ts).
    const dueAt = due.dueAt;
    if (target === 'early' && dueAt - HOUR_MS - MINUTE_MS > after) {
      return clock.between(r, after, dueAt - HOUR_MS - MINUTE_MS);
    }
    if (target !== 'late' && dueAt > after) {
      return clock.between(r, Math.max(after, dueAt - HOUR_MS + MINUTE_MS), dueAt);
    }
    const from = Math.max(after, dueAt + MINUTE_MS);
    const day = clock.addWorking(clock.dayOf(from), smallCount(r, 0.4, 3) - 1);
    return clock.between(r, from, Math.max(from + HOUR_MS, clock.closing(day)));
  }
  // Day limits compare dates: on time = finished on the due date itself (timeliness.ts).
  const dueDay = toDayNumber(due.dueDate);
  const first = clock.workingOnOrAfter(clock.dayOf(cursor));
  if (target === 'early' && first < dueDay) {
    return clock.onDay(r, Math.max(first, clock.addWorking(dueDay, -smallCount(r, 0.45, 8))), cursor);
  }
  if (target !== 'late' && first <= dueDay) return clock.onDay(r, dueDay, cursor);
  const lateDay = Math.max(first, clock.addWorking(dueDay, smallCount(r, 0.5, 10)));
  return clock.onDay(r, lateDay, cursor);
}

/**
 * One or two inter-unit steps (một cửa liên thông) inside [from, to]; each unit's allotted time
 * is chosen against how long it actually took, so most are on time and some are late.
 */
function stepEvents(
  env: DemoEnvironment,
  r: Random,
  agencyId: string,
  from: Instant,
  to: Instant,
): NewEvent[] {
  const { clock } = env;
  if (to - from < 40 * MINUTE_MS) return [];
  const count = r.chance(DEMO_SHARES.secondStep) ? 2 : 1;
  const moments = Array.from({ length: count * 2 }, () => clock.between(r, from, to)).sort((a, b) => a - b);
  const units = env.stepUnits.filter((id) => id !== agencyId);
  const events: NewEvent[] = [];
  for (let step = 0; step < count; step += 1) {
    const receivedAt = moments[step * 2]!;
    const handedOverAt = moments[step * 2 + 1]!;
    const unit = units.splice(Math.floor(r.next() * units.length), 1)[0]!;
    const officialId = pickOrNull(r, env.staff(unit).handling);
    const took = clock.workingDaysBetween(clock.dayOf(receivedAt), clock.dayOf(handedOverAt));
    const roll = r.next();
    const value = roll < 0.55 ? took : roll < 0.85 ? took + r.int(1, 3) : took - r.int(1, 2);
    const stepId = r.uuidV7(receivedAt);
    events.push(
      {
        type: 'step_received',
        occurredAt: receivedAt,
        officialId,
        stepId,
        unitAgencyId: unit,
        // Short steps are given hours rather than zero days (a late one-day step gets 4 hours).
        allotted:
          value >= 1
            ? { value, unit: 'working_days' }
            : { value: took === 0 ? r.pick([4, 8]) : 4, unit: 'hours' },
      },
      { type: 'step_handed_over', occurredAt: handedOverAt, officialId, stepId },
    );
  }
  return events;
}

/**
 * The apology with a new appointment (Nghị định 61/2018 Điều 19 khoản 9): usually at least one
 * working day before the due date, sometimes too late; the new date usually holds.
 */
function apologyEvent(
  clock: OfficeClock,
  r: Random,
  officialId: string | null,
  cursor: Instant,
  finishAt: Instant,
  dueDay: number,
): NewEvent | null {
  const cursorDay = clock.dayOf(cursor);
  const inTime = clock.addWorking(dueDay, -r.int(1, 2));
  const day = r.chance(0.75) && inTime >= cursorDay ? inTime : Math.max(cursorDay, dueDay);
  const at = clock.onDay(r, day, cursor);
  if (at >= finishAt) return null;
  const finishDay = clock.dayOf(finishAt);
  const held = r.chance(0.7);
  const newDay = held
    ? clock.addWorking(Math.max(finishDay, dueDay), r.int(0, 2))
    : clock.addWorking(dueDay, r.int(1, Math.max(1, clock.workingDaysBetween(dueDay, finishDay) - 1)));
  return {
    type: 'apology_issued',
    occurredAt: at,
    officialId,
    reason: r.pick(APOLOGY_REASONS),
    newDueDate: isoOfDay(Math.max(newDay, clock.addWorking(dueDay, 1))),
  };
}
