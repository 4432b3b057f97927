/**
 * Statutory public holidays, Bộ luật Lao động 2019 Điều 112 khoản 1, and compensatory days
 * off (nghỉ bù) under Điều 111 khoản 3. The PM fixes the exact Tết and Quốc khánh days each
 * year (Điều 112 khoản 3); this module produces the *default* pattern and the provincial
 * office's announced exceptions override it in the working calendar.
 */
import type { CalendarException, IsoDate } from './types.ts';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
import { formatIsoDate, fromDayNumber, isoWeekdayOfDayNumber, toDayNumber } from './time.ts';

/** Weekly rest days assumed when deciding nghỉ bù: Saturday and Sunday (QĐ 188/1999/QĐ-TTg). */
function isWeekendDn(dn: number): boolean {
  return isoWeekdayOfDayNumber(dn) >= 6;
}

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'] as const;

/** Statutory holidays (kind 'holiday') and compensatory days (kind 'day_off') of a Gregorian year, sorted by date. */
export function generateStatutoryHolidays(year: number): CalendarException[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`generateStatutoryHolidays: invalid year ${year}`);
  }
  // Keyed by day number: should two holidays ever coincide (e.g. Giỗ Tổ on 30/4), the law
  // grants no extra day, so they merge into one entry.
  const byDn = new Map<number, CalendarException>();
  const add = (date: IsoDate, name: string): void => {
    const dn = toDayNumber(date);
    const prev = byDn.get(dn);
    byDn.set(dn, { date, kind: 'holiday', name: prev === undefined ? name : `${prev.name}; ${name}` });
  };

  // Điều 112 khoản 1 điểm a: Tết Dương lịch, 1 day (1/1).
  add(formatIsoDate(year, 1, 1), 'Tết Dương lịch');

  // Điều 112 khoản 1 điểm b: Tết Âm lịch, 5 days. Default pattern = last day of the lunar
  // year + mùng 1–4; the PM's yearly decision (khoản 3) is entered as announced exceptions.
  const tetDn = toDayNumber(lunarNewYear(year));
  const lastDayOfYear = fromDayNumber(tetDn - 1);
  const lastLunar = solarToLunar(lastDayOfYear);
  add(lastDayOfYear, `Tết Nguyên đán (${lastLunar.day} tháng Chạp)`);
  TET_DAY_NAMES.forEach((label, i) => {
    add(fromDayNumber(tetDn + i), `Tết Nguyên đán (${label})`);
  });

  // Điều 112 khoản 1 điểm e: Giỗ Tổ Hùng Vương, 10/3 lunar.
  add(lunarToSolar(year, 3, 10, false), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');

  // Điều 112 khoản 1 điểm c, d: 30/4 and 1/5.
  add(formatIsoDate(year, 4, 30), 'Ngày Chiến thắng (30/4)');
  add(formatIsoDate(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)');

  // Điều 112 khoản 1 điểm đ: 2/9 plus one adjacent day (before or after, PM decides).
  // Default follows 2022–2026 practice: 1/9 unless it is a weekend day, otherwise 3/9.
  const sep1 = formatIsoDate(year, 9, 1);
  const sep2 = formatIsoDate(year, 9, 2);
  if (isWeekendDn(toDayNumber(sep1))) {
    add(sep2, 'Quốc khánh (2/9)');
    add(formatIsoDate(year, 9, 3), 'Quốc khánh (ngày liền kề 3/9)');
  } else {
    add(sep1, 'Quốc khánh (ngày liền kề 1/9)');
    add(sep2, 'Quốc khánh (2/9)');
  }

  const withDn = [...byDn].map(([dn, h]) => ({ h, dn })).sort((a, b) => a.dn - b.dn);
  const holidayDns = new Set(byDn.keys());

  // Điều 111 khoản 3: a weekly rest day that coincides with a holiday is compensated on the
  // next working day — i.e. the first later day that is neither a weekend nor a holiday nor
  // already used as a compensatory day (a 5-day Tết may need two).
  const compensatory: { h: CalendarException; dn: number }[] = [];
  const taken = new Set<number>();
  for (const { h, dn } of withDn) {
    if (!isWeekendDn(dn)) continue;
    let c = dn + 1;
    while (isWeekendDn(c) || holidayDns.has(c) || taken.has(c)) c++;
    taken.add(c);
    compensatory.push({ h: { date: fromDayNumber(c), kind: 'day_off', name: `Nghỉ bù ${h.name}` }, dn: c });
  }

  return [...withDn, ...compensatory].sort((a, b) => a.dn - b.dn).map((x) => x.h);
}
