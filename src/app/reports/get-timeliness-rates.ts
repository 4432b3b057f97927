import { sql } from 'kysely';
import type { IsoDate } from '#domain/calendar/types.ts';
import { monthsOf } from '#domain/periods/period.ts';
import { roundHalfUp } from '#domain/scoring/rounding.ts';
import type { AppDeps } from '../deps.ts';

/** Dossiers by timeliness: finished in the range, and still open at its end. */
export interface TimelinessCounts {
  /** Finished (processing done) in the range: early + onTime + late. */
  finished: number;
  early: number;
  onTime: number;
  late: number;
  /** Still open at the range end with the legal due date before it ("quá hạn"). */
  openOverdue: number;
  /** Still open at the range end, due on or after it ("trong hạn"). */
  openWithinTime: number;
}

/** Shares of the finished dossiers in per-mille (tenths of a percent); null when none finished. */
export interface TimelinessRates {
  earlyPerMille: number | null;
  onTimePerMille: number | null;
  latePerMille: number | null;
  /** Early and on time together (QĐ 766 indicator 2.1 merges them). */
  earlyOrOnTimePerMille: number | null;
}

export interface TimelinessMonth {
  /** 'YYYY-MM' */
  month: string;
  from: IsoDate;
  to: IsoDate;
  counts: TimelinessCounts;
  rates: TimelinessRates;
}

export interface TimelinessRow {
  agency: { id: string; code: string; name: string };
  counts: TimelinessCounts;
  rates: TimelinessRates;
  /** Per calendar month of the range (clipped to it); only when asked for with `byMonth`. */
  months: TimelinessMonth[] | null;
}

export interface TimelinessReport {
  from: IsoDate;
  to: IsoDate;
  agencies: TimelinessRow[];
  total: { counts: TimelinessCounts; rates: TimelinessRates; months: TimelinessMonth[] | null };
}

const emptyCounts = (): TimelinessCounts => ({
  finished: 0,
  early: 0,
  onTime: 0,
  late: 0,
  openOverdue: 0,
  openWithinTime: 0,
});

function perMille(part: number, whole: number): number | null {
  return whole === 0 ? null : roundHalfUp(part * 1000, whole);
}

/** Rates of the finished dossiers, each rounded half up by the one rounding function (no floats). */
export function timelinessRates(counts: TimelinessCounts): TimelinessRates {
  return {
    earlyPerMille: perMille(counts.early, counts.finished),
    onTimePerMille: perMille(counts.onTime, counts.finished),
    latePerMille: perMille(counts.late, counts.finished),
    earlyOrOnTimePerMille: perMille(counts.early + counts.onTime, counts.finished),
  };
}

function addCounts(into: TimelinessCounts, from: TimelinessCounts): void {
  into.finished += from.finished;
  into.early += from.early;
  into.onTime += from.onTime;
  into.late += from.late;
  into.openOverdue += from.openOverdue;
  into.openWithinTime += from.openWithinTime;
}

/** Start of a local (UTC+7) day as an instant. */
const startOf = (date: IsoDate) => new Date(`${date}T00:00:00+07:00`);
/** Start of the local day after `date`: the exclusive end of a range ending on `date`. */
const endOf = (date: IsoDate) => new Date(startOf(date).getTime() + 86_400_000);

/**
 * Early / on-time / late rates per agency (and per month) for a date range (legal-rules §8.4,
 * §9.2): a dossier counts in the range its processing was finished in (`finished_at`, local
 * date), with the timeliness stored on it when it finished — the finish date against the legal
 * due date (`due_original` under the restart rule of Nghị định 61 Điều 19 khoản 4; Thông tư
 * 01/2018 indicator 1: earlier → early, the due date → on time, later → late). Refused and
 * stopped dossiers have no timeliness and are not counted. Dossiers still open at the range
 * end are "quá hạn" when their legal due date is before the range end, else "trong hạn"
 * (the S10 practice in §8.4, the same test as indicator 9 and openTimeliness).
 */
export async function getTimelinessRates(
  deps: AppDeps,
  range: { from: IsoDate; to: IsoDate },
  options: { agencyIds?: readonly string[] | null; byMonth?: boolean } = {},
): Promise<TimelinessReport> {
  const byMonth = options.byMonth === true;
  const agencyIds = options.agencyIds ?? null;
  const buckets = byMonth
    ? monthsOf(range.from, range.to)
    : [{ month: range.from.slice(0, 7), from: range.from, to: range.to }];
  const empty = (): TimelinessReport => ({
    from: range.from,
    to: range.to,
    agencies: [],
    total: {
      counts: emptyCounts(),
      rates: timelinessRates(emptyCounts()),
      months: byMonth
        ? buckets.map((b) => ({ ...b, counts: emptyCounts(), rates: timelinessRates(emptyCounts()) }))
        : null,
    },
  });
  if (agencyIds !== null && agencyIds.length === 0) return empty();
  const scope = agencyIds === null ? sql`TRUE` : sql`d.agency_id IN (${sql.join(agencyIds)})`;
  // One row per bucket: its month key, its first instant and its exclusive end, its last date.
  const bucketRows = sql.join(
    buckets.map(
      (b) =>
        sql`(${b.month}::text, ${startOf(b.from)}::timestamptz, ${endOf(b.to)}::timestamptz, ${b.to}::date)`,
    ),
  );
  const [finished, open, agencies] = await Promise.all([
    sql<{ agency_id: string; month: string; early: number; on_time: number; late: number }>`
      SELECT d.agency_id, b.month,
             count(*) FILTER (WHERE d.timeliness = 'early')::int AS early,
             count(*) FILTER (WHERE d.timeliness = 'on_time')::int AS on_time,
             count(*) FILTER (WHERE d.timeliness = 'late')::int AS late
      FROM dossier d JOIN (VALUES ${bucketRows}) AS b(month, start_at, end_at, end_date)
        ON d.finished_at >= b.start_at AND d.finished_at < b.end_at
      WHERE d.timeliness IS NOT NULL AND d.finished_at >= ${startOf(range.from)}
        AND d.finished_at < ${endOf(range.to)} AND ${scope}
      GROUP BY d.agency_id, b.month`.execute(deps.db),
    sql<{ agency_id: string; month: string; overdue: number; within_time: number }>`
      SELECT d.agency_id, b.month,
             count(*) FILTER (WHERE d.due_legal_date < b.end_date)::int AS overdue,
             count(*) FILTER (WHERE d.due_legal_date >= b.end_date)::int AS within_time
      FROM dossier d JOIN (VALUES ${bucketRows}) AS b(month, start_at, end_at, end_date)
        ON d.received_at < b.end_at
       AND (d.finished_at IS NULL OR d.finished_at >= b.end_at)
       AND (d.refused_at IS NULL OR d.refused_at >= b.end_at)
       AND (d.stopped_at IS NULL OR d.stopped_at >= b.end_at)
      WHERE d.received_at < ${endOf(range.to)} AND ${scope}
      GROUP BY d.agency_id, b.month`.execute(deps.db),
    deps.db.selectFrom('agency').select(['id', 'code', 'name']).execute(),
  ]);
  const perAgency = new Map<string, Map<string, TimelinessCounts>>();
  const cell = (agencyId: string, month: string): TimelinessCounts => {
    const months = perAgency.get(agencyId) ?? new Map<string, TimelinessCounts>();
    perAgency.set(agencyId, months);
    const counts = months.get(month) ?? emptyCounts();
    months.set(month, counts);
    return counts;
  };
  for (const row of finished.rows) {
    const counts = cell(row.agency_id, row.month);
    counts.early += row.early;
    counts.onTime += row.on_time;
    counts.late += row.late;
    counts.finished += row.early + row.on_time + row.late;
  }
  const lastBucket = buckets[buckets.length - 1]!.month;
  const openAtEnd = new Map<string, { overdue: number; withinTime: number }>();
  for (const row of open.rows) {
    if (row.overdue === 0 && row.within_time === 0) continue;
    const counts = cell(row.agency_id, row.month);
    counts.openOverdue += row.overdue;
    counts.openWithinTime += row.within_time;
    if (row.month === lastBucket)
      openAtEnd.set(row.agency_id, { overdue: row.overdue, withinTime: row.within_time });
  }
  const collator = new Intl.Collator('vi');
  const report = empty();
  const totalMonths = new Map(buckets.map((b) => [b.month, emptyCounts()]));
  for (const agency of agencies.sort((a, b) => collator.compare(a.name, b.name))) {
    const months = perAgency.get(agency.id);
    if (!months) continue;
    const counts = emptyCounts();
    const monthRows: TimelinessMonth[] = buckets.map((bucket) => {
      const monthCounts = months.get(bucket.month) ?? emptyCounts();
      addCounts(totalMonths.get(bucket.month)!, monthCounts);
      // Finished dossiers add up over the months; the open ones are a state at the range end.
      counts.finished += monthCounts.finished;
      counts.early += monthCounts.early;
      counts.onTime += monthCounts.onTime;
      counts.late += monthCounts.late;
      return { ...bucket, counts: monthCounts, rates: timelinessRates(monthCounts) };
    });
    const atEnd = openAtEnd.get(agency.id);
    counts.openOverdue = atEnd?.overdue ?? 0;
    counts.openWithinTime = atEnd?.withinTime ?? 0;
    addCounts(report.total.counts, counts);
    report.agencies.push({
      agency,
      counts,
      rates: timelinessRates(counts),
      months: byMonth ? monthRows : null,
    });
  }
  report.total.rates = timelinessRates(report.total.counts);
  if (byMonth) {
    report.total.months = buckets.map((bucket) => {
      const counts = totalMonths.get(bucket.month)!;
      return { ...bucket, counts, rates: timelinessRates(counts) };
    });
  }
  return report;
}
