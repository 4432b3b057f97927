import type { IsoDate } from '#domain/calendar/types.ts';
import type { Timeliness } from '#domain/dossiers/timeliness.ts';
import type { BasisPoints, Hundredths, Tenths } from './types.ts';

/**
 * Vietnamese wording of the facts in explanations. These are sentences for people, so the
 * numbers use the Vietnamese decimal comma and dates dd/mm/yyyy; the stored values stay integers.
 */

/** '2025-03-07' → '07/03/2025'. */
export function viDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** 15 → '1,5'. */
export function viTenths(value: Tenths): string {
  return `${Math.floor(value / 10)},${value % 10}`;
}

/** 343 → '3,43'. */
export function viHundredths(value: Hundredths): string {
  return `${Math.floor(value / 100)},${String(value % 100).padStart(2, '0')}`;
}

/** 9167 → '91,67%'; whole percentages without decimals (8000 → '80%'). */
export function viPercent(bp: BasisPoints): string {
  if (bp % 100 === 0) return `${bp / 100}%`;
  return `${Math.floor(bp / 100)},${String(bp % 100).padStart(2, '0')}%`;
}

/** Mẫu 05 wording: Trước hạn / Đúng hạn / Quá hạn. */
export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  early: 'trước hạn',
  on_time: 'đúng hạn',
  late: 'quá hạn',
};
