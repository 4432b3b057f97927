/**
 * Announced holiday exceptions for 2025 and 2026, as the provincial office would enter them
 * from the yearly notices for civil servants (BLLĐ 2019 Điều 112 khoản 3: the PM fixes the
 * Tết and Quốc khánh days; swaps follow the Bộ LĐTBXH / Bộ Nội vụ notices). Only dates where
 * the notice differs from the default pattern of generateStatutoryHolidays need an entry.
 */
import type { CalendarException } from './types.ts';

/** Real 2025–2026 exceptions relative to the default statutory pattern. */
export const ANNOUNCED_EXCEPTIONS_2025_2026: readonly CalendarException[] = Object.freeze([
  // Tết Ất Tỵ 2025: civil servants off Mon 27/1 (28 Chạp) – Fri 31/1 (mùng 3); with the weekends
  // 25–26/1 and 1–2/2 that is 9 days. The default pattern starts on 28/1 and puts mùng 4 on
  // Sat 1/2, which would generate nghỉ bù on Mon 3/2: the notice replaces that by 27/1.
  {
    date: '2025-01-27',
    kind: 'holiday',
    name: 'Nghỉ Tết Nguyên đán (28 tháng Chạp), theo thông báo năm 2025',
  },
  { date: '2025-02-03', kind: 'working_day', name: 'Làm việc bình thường (không nghỉ bù Tết 2025)' },
  // 30/4–1/5/2025 (Wed–Thu): Fri 2/5 off, worked back on Sat 26/4 (swap announced for 2025).
  { date: '2025-04-26', kind: 'working_day', name: 'Làm bù cho ngày thứ Sáu 02/5/2025' },
  { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
  // Quốc khánh 2025 = Mon 1/9 + Tue 2/9 and all of 2026 (Tết 16–20/2, Giỗ Tổ 26/4 with nghỉ bù
  // 27/4, 30/4–1/5, 1–2/9) coincide with the default pattern, so no entry is needed.
]);
