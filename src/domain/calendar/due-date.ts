/**
 * Due dates of administrative-procedure dossiers.
 * - Start of a period: Bộ luật Dân sự 2015 Điều 147 (hours run from the stated moment; for day
 *   periods the first day is not counted).
 * - End of a period: BLDS 2015 Điều 148 (khoản 1: end of the last day; khoản 5: a last day that
 *   is a weekend/holiday moves to the next working day; khoản 6: the day ends at 24:00).
 * - Receipt and the 15:00 cut-off: Nghị định 61/2018/NĐ-CP Điều 18 and provincial practice
 *   ("tiếp nhận sau 15 giờ thì tính từ ngày làm việc tiếp theo").
 * - Restart after a supplement: NĐ 61/2018 Điều 19 khoản 4.
 */
import type { CalendarSettings, Instant, IsoDate, OfficePeriod, TimeLimit } from './types.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import {
  DAY_MS,
  MINUTE_MS,
  VN_OFFSET_MS,
  addCalendarDays,
  dayNumberStartInstant,
  parseHhmm,
  toDayNumber,
  toLocalDate,
} from './time.ts';

/** What is needed to compute a dossier's due date. */
export interface DueDateInput {
  receivedAt: Instant;
  limit: TimeLimit;
  /** 'HH:MM' local; dossiers received later count from the next working day. */
  receiptCutoff: string;
}

/** A computed due date with the reasoning that produced it. */
export interface DueDate {
  /** Local date on which the time limit expires. */
  dueDate: IsoDate;
  /** Instant the time limit expires (24:00 of dueDate for day limits). */
  dueAt: Instant;
  /** Date the dossier legally counts as received. */
  effectiveReceiptDate: IsoDate;
  /** Instant from which the limit runs (local midnight after receipt for day limits; office opening for hours). */
  countedFrom: Instant;
  /** Short Vietnamese sentences citing the rules applied (shown to officials). */
  explanation: string[];
}

/** What is needed to restart a time limit after a supplement. */
export interface RestartInput {
  completedAt: Instant;
  limit: TimeLimit;
  receiptCutoff: string;
}

interface Period {
  start: number;
  end: number;
}

/** Local milliseconds since midnight (UTC+7) of an instant. */
function localMsOfDay(i: Instant): number {
  return (((i + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** 'dd/mm/yyyy' for explanations shown to Vietnamese users. */
function fmtDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Local 'HH:MM dd/mm/yyyy' for explanations. */
function fmtLocal(i: Instant): string {
  const ms = localMsOfDay(i);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / MINUTE_MS);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')} ${fmtDate(toLocalDate(i))}`;
}

/** Validate and sort office periods (minutes since midnight, start < end, non-overlapping). */
function normalizePeriods(periods: readonly OfficePeriod[]): Period[] {
  const out = periods
    .map((p) => ({ start: parseHhmm(p.start), end: parseHhmm(p.end) }))
    .sort((a, b) => a.start - b.start);
  let prevEnd = -1;
  for (const p of out) {
    if (p.start >= p.end) throw new RangeError(`office period ${p.start}–${p.end}: start must be before end`);
    if (p.start < prevEnd) throw new RangeError('office periods must not overlap');
    prevEnd = p.end;
  }
  return out;
}

function validateLimit(limit: TimeLimit): void {
  if (!Number.isInteger(limit.value) || limit.value < 0) {
    throw new RangeError(`time limit value must be a non-negative integer, got ${limit.value}`);
  }
}

/** Compute a dossier's due date under BLDS 2015 Điều 147–148 and NĐ 61/2018 Điều 18. */
export function computeDueDate(
  calendar: WorkingCalendar,
  settings: CalendarSettings,
  input: DueDateInput,
): DueDate {
  const { receivedAt, limit } = input;
  validateLimit(limit);
  if (!Number.isFinite(receivedAt)) throw new RangeError('receivedAt must be a finite instant');
  const cutoffMs = parseHhmm(input.receiptCutoff) * MINUTE_MS;
  const explanation: string[] = [];

  // Effective receipt (NĐ 61/2018 Điều 18): on a working day up to and including the cut-off
  // the dossier is received that day; otherwise on the next working day.
  const receivedDate = toLocalDate(receivedAt);
  const receivedWorking = calendar.isWorkingDay(receivedDate);
  const withinCutoff = localMsOfDay(receivedAt) <= cutoffMs;
  const sameDay = receivedWorking && withinCutoff;
  const effectiveReceiptDate = sameDay ? receivedDate : calendar.nextWorkingDay(receivedDate);
  if (sameDay) {
    explanation.push(
      `Tiếp nhận lúc ${fmtLocal(receivedAt)}, trong ngày làm việc, không muộn hơn ${input.receiptCutoff}: ngày tiếp nhận là ${fmtDate(effectiveReceiptDate)} (Nghị định 61/2018 Điều 18).`,
    );
  } else if (!receivedWorking) {
    explanation.push(
      `Tiếp nhận lúc ${fmtLocal(receivedAt)}, ngày không làm việc: tính là tiếp nhận vào ngày làm việc tiếp theo ${fmtDate(effectiveReceiptDate)} (Nghị định 61/2018 Điều 18).`,
    );
  } else {
    explanation.push(
      `Tiếp nhận lúc ${fmtLocal(receivedAt)}, sau ${input.receiptCutoff}: tính là tiếp nhận vào ngày làm việc tiếp theo ${fmtDate(effectiveReceiptDate)} (Nghị định 61/2018 Điều 18).`,
    );
  }

  const effDn = toDayNumber(effectiveReceiptDate);
  // Day periods start the day after the receipt day (BLDS 2015 Điều 147 khoản 2).
  const dayCountStart = dayNumberStartInstant(effDn + 1);
  // A day period ends at 24:00 of its last day (BLDS 2015 Điều 148 khoản 1, khoản 6).
  const endOfDay = (d: IsoDate): Instant => dayNumberStartInstant(toDayNumber(d) + 1);

  if (limit.unit === 'working_days') {
    const n = limit.value;
    if (n === 0) {
      const dueDate = effectiveReceiptDate;
      explanation.push(
        `Thời hạn 0 ngày làm việc: hết hạn vào cuối ngày tiếp nhận ${fmtDate(dueDate)} (Bộ luật Dân sự 2015 Điều 148 khoản 6).`,
      );
      return {
        dueDate,
        dueAt: endOfDay(dueDate),
        effectiveReceiptDate,
        countedFrom: Math.max(receivedAt, dayNumberStartInstant(effDn)),
        explanation,
      };
    }
    const dueDate = calendar.addWorkingDays(effectiveReceiptDate, n);
    explanation.push(
      `Không tính ngày tiếp nhận; đếm ${n} ngày làm việc từ ngày hôm sau, bỏ qua ngày nghỉ hằng tuần, ngày lễ, Tết và ngày nghỉ theo thông báo (Bộ luật Dân sự 2015 Điều 147 khoản 2).`,
    );
    explanation.push(
      `Hết hạn vào 24:00 ngày ${fmtDate(dueDate)} (Bộ luật Dân sự 2015 Điều 148 khoản 1, khoản 6).`,
    );
    return {
      dueDate,
      dueAt: endOfDay(dueDate),
      effectiveReceiptDate,
      countedFrom: dayCountStart,
      explanation,
    };
  }

  if (limit.unit === 'calendar_days') {
    const n = limit.value;
    const lastDay = addCalendarDays(effectiveReceiptDate, n);
    explanation.push(
      `Không tính ngày tiếp nhận; ${n} ngày theo lịch tính từ ngày hôm sau, kết thúc ngày ${fmtDate(lastDay)} (Bộ luật Dân sự 2015 Điều 147 khoản 2).`,
    );
    let dueDate = lastDay;
    if (!calendar.isWorkingDay(lastDay)) {
      dueDate = calendar.nextWorkingDay(lastDay);
      explanation.push(
        `Ngày ${fmtDate(lastDay)} là ngày nghỉ nên thời hạn kết thúc vào ngày làm việc tiếp theo ${fmtDate(dueDate)} (Bộ luật Dân sự 2015 Điều 148 khoản 5).`,
      );
    }
    explanation.push(`Hết hạn vào 24:00 ngày ${fmtDate(dueDate)} (Bộ luật Dân sự 2015 Điều 148 khoản 6).`);
    return {
      dueDate,
      dueAt: endOfDay(dueDate),
      effectiveReceiptDate,
      countedFrom: n === 0 ? Math.max(receivedAt, dayNumberStartInstant(effDn)) : dayCountStart,
      explanation,
    };
  }

  // Hours: the period runs from the stated moment (BLDS 2015 Điều 147 khoản 1), but only office
  // time on working days counts, since the office cannot act outside it.
  const periods = normalizePeriods(settings.officeHours);
  const first = periods[0];
  if (first === undefined) throw new RangeError('hour limits need at least one office period');

  const openingOf = (dn: number): Instant => dayNumberStartInstant(dn) + first.start * MINUTE_MS;
  /** Earliest instant >= t that lies inside an office period of a working day. */
  const openAtOrAfter = (t: Instant): Instant => {
    const date = toLocalDate(t);
    if (calendar.isWorkingDay(date)) {
      const dayStart = dayNumberStartInstant(toDayNumber(date));
      for (const p of periods) {
        const pEnd = dayStart + p.end * MINUTE_MS;
        if (t < pEnd) return Math.max(t, dayStart + p.start * MINUTE_MS);
      }
    }
    return openingOf(toDayNumber(calendar.nextWorkingDay(date)));
  };

  // After the cut-off or on a non-working day, counting starts at the next working day's opening;
  // otherwise at the receipt moment, or the next period opening if the office was closed.
  const start = sameDay ? openAtOrAfter(receivedAt) : openingOf(effDn);
  if (start !== receivedAt) {
    explanation.push(
      `Bắt đầu tính từ giờ làm việc kế tiếp, ${fmtLocal(start)} (Bộ luật Dân sự 2015 Điều 147 khoản 1).`,
    );
  } else {
    explanation.push(
      `Bắt đầu tính từ thời điểm tiếp nhận, ${fmtLocal(start)} (Bộ luật Dân sự 2015 Điều 147 khoản 1).`,
    );
  }

  let remaining = limit.value * 60 * MINUTE_MS;
  let cursor = start;
  let dueAt = start;
  while (remaining > 0) {
    const dayStart = dayNumberStartInstant(toDayNumber(toLocalDate(cursor)));
    const ms = cursor - dayStart;
    const p = periods.find((q) => ms >= q.start * MINUTE_MS && ms < q.end * MINUTE_MS);
    if (p === undefined) throw new Error('internal: hour cursor outside office hours');
    const periodEnd = dayStart + p.end * MINUTE_MS;
    const available = periodEnd - cursor;
    if (remaining <= available) {
      dueAt = cursor + remaining;
      remaining = 0;
    } else {
      remaining -= available;
      cursor = openAtOrAfter(periodEnd);
    }
  }
  explanation.push(
    `${limit.value} giờ làm việc, chỉ tính trong giờ hành chính của ngày làm việc, kết thúc lúc ${fmtLocal(dueAt)} (Bộ luật Dân sự 2015 Điều 147 khoản 1; giờ làm việc theo lịch đã cấu hình).`,
  );
  return { dueDate: toLocalDate(dueAt), dueAt, effectiveReceiptDate, countedFrom: start, explanation };
}

/** Restart the full time limit from the moment a supplement is completed (NĐ 61/2018 Điều 19 khoản 4). */
export function restartDueDate(
  calendar: WorkingCalendar,
  settings: CalendarSettings,
  input: RestartInput,
): DueDate {
  const result = computeDueDate(calendar, settings, {
    receivedAt: input.completedAt,
    limit: input.limit,
    receiptCutoff: input.receiptCutoff,
  });
  return {
    ...result,
    explanation: [
      `Hồ sơ được bổ sung đầy đủ lúc ${fmtLocal(input.completedAt)}: thời hạn giải quyết được tính lại từ đầu (Nghị định 61/2018 Điều 19 khoản 4).`,
      ...result.explanation,
    ],
  };
}

/** Compare a finishing instant's local date with the due date (date granularity, TT 01/2018/TT-VPCP Điều 13). */
export function compareByDate(finishedAt: Instant, dueDate: IsoDate): 'early' | 'on_time' | 'late' {
  const finished = toDayNumber(toLocalDate(finishedAt));
  const due = toDayNumber(dueDate);
  if (finished < due) return 'early';
  return finished === due ? 'on_time' : 'late';
}
