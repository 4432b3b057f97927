import type { TieRule } from './scheme-spec.ts';
import type { Tenths } from './types.ts';

const collator = new Intl.Collator('vi');

/**
 * Ranks agencies by total, highest first (Thông tư 01/2018 Điều 15 khoản 4: "xếp hạng"). The text
 * has no tie rule; the scheme's `tieRule` decides: 'shared_rank' gives equal totals the same rank
 * and skips the next ones (1, 2, 2, 4), 'dense_rank' does not skip (1, 2, 2, 3). Within a tie rows
 * are listed by Vietnamese name order, then id, so the order never depends on the input order.
 */
export function rankAgencies<T extends { id: string; name: string; total: Tenths }>(
  rows: readonly T[],
  tieRule: TieRule,
): (T & { rank: number })[] {
  const sorted = [...rows].sort(
    (a, b) =>
      b.total - a.total || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let rank = 0;
  let distinct = 0;
  let previous: Tenths | null = null;
  return sorted.map((row, index) => {
    if (row.total !== previous) {
      distinct += 1;
      rank = tieRule === 'shared_rank' ? index + 1 : distinct;
      previous = row.total;
    }
    return { ...row, rank };
  });
}
