/**
 * Dates and times as the offices write them: dd/mm/yyyy, 24-hour clock, always in
 * Vietnam's time zone whatever the browser's own zone is (the due dates are local dates).
 */
import type { Lang } from './i18n.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A local date 'YYYY-MM-DD' as dd/mm/yyyy; anything else is returned unchanged. */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

function localParts(instant: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return null;
  const parts = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of dateTimeParts.formatToParts(time)) {
    if (
      part.type === 'year' ||
      part.type === 'month' ||
      part.type === 'day' ||
      part.type === 'hour' ||
      part.type === 'minute'
    ) {
      parts[part.type] = part.value;
    }
  }
  return parts;
}

/** An ISO instant as 'dd/mm/yyyy HH:mm' in Vietnam's time zone. */
export function formatDateTime(instant: string): string {
  const parts = localParts(instant);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : instant;
}

/** The local time 'HH:mm' of an ISO instant in Vietnam's time zone. */
export function formatTime(instant: string): string {
  const parts = localParts(instant);
  return parts ? `${parts.hour}:${parts.minute}` : instant;
}

/** An amount of Vietnamese đồng, e.g. "50.000 ₫". */
export function formatVnd(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'currency',
    currency: 'VND',
  }).format(amount);
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const DISPLAY_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Reads a date typed as dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy or yyyy-mm-dd): '' for an empty
 * field, the ISO date 'YYYY-MM-DD', or null when it is not a real date.
 */
export function parseDisplayDate(text: string): string | null {
  const value = text.trim();
  if (value === '') return '';
  if (isIsoDate(value)) return value;
  const match = DISPLAY_DATE.exec(value);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
