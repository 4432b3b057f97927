import { describe, expect, it } from 'vitest';
import {
  formatCell,
  groupRuns,
  headerDepth,
  placeAndDate,
  placeOfProvince,
  type ReportColumn,
} from './report-table.ts';

describe('report table helpers', () => {
  it.each([
    // Nghị định 30/2020/NĐ-CP Phụ lục I: a leading zero for days below 10 and for months 1 and 2.
    ['2025-02-03T10:00:00+07:00', 'Thử Nghiệm, ngày 03 tháng 02 năm 2025'],
    ['2025-09-15T10:00:00+07:00', 'Thử Nghiệm, ngày 15 tháng 9 năm 2025'],
    ['2025-12-31T23:30:00+07:00', 'Thử Nghiệm, ngày 31 tháng 12 năm 2025'],
    // 17:30 UTC on 31/12 is already 1 January in Vietnam.
    ['2025-12-31T17:30:00Z', 'Thử Nghiệm, ngày 01 tháng 01 năm 2026'],
  ])('the date line of %s is "%s"', (instant, line) => {
    expect(placeAndDate('Thử Nghiệm', Date.parse(instant))).toBe(line);
  });

  it('leaves the place to fill by hand when the province name does not say it', () => {
    expect(placeOfProvince('UBND tỉnh Thử Nghiệm')).toBe('Thử Nghiệm');
    expect(placeOfProvince('Ủy ban nhân dân thành phố Hải Phòng')).toBe('Hải Phòng');
    expect(placeOfProvince('Sở Tư pháp')).toBeNull();
    expect(placeAndDate(null, Date.parse('2025-07-10T08:00:00+07:00'))).toBe(
      '…………, ngày 10 tháng 7 năm 2025',
    );
  });

  it('writes numbers as the web does, and "–" for a value that was not scored', () => {
    expect(formatCell('tenths', 1.5)).toBe('1,5');
    expect(formatCell('tenths', 2)).toBe('2,0');
    expect(formatCell('hundredths', 17.1)).toBe('17,10');
    expect(formatCell('percent', 12.5)).toBe('12,50%');
    expect(formatCell('integer', 12345)).toBe('12.345');
    expect(formatCell('tenths', null)).toBe('–');
    expect(formatCell('text', 'Sở Tư pháp')).toBe('Sở Tư pháp');
  });

  it('finds the runs of grouped columns for the two header rows', () => {
    const columns: ReportColumn[] = [
      { header: 'Hạng', kind: 'integer', width: 5 },
      { header: 'CS1', kind: 'tenths', width: 6, group: 'Điểm' },
      { header: 'CS2', kind: 'tenths', width: 6, group: 'Điểm' },
      { header: 'Tổng', kind: 'tenths', width: 6 },
      { header: 'Rất hài lòng', kind: 'percent', width: 6, group: 'Tỷ lệ' },
    ];
    expect(headerDepth(columns)).toBe(2);
    expect(headerDepth(columns.filter((column) => column.group === undefined))).toBe(1);
    expect(groupRuns(columns)).toEqual([
      { from: 1, to: 2, group: 'Điểm' },
      { from: 4, to: 4, group: 'Tỷ lệ' },
    ]);
  });
});
