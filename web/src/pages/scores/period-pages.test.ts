import { describe, expect, it } from 'vitest';
import { formatHundredths, formatNumber, formatPercent } from '../../i18n.ts';
import { periodPageApiPath, periodPageHref, periodPageOf } from './period-pages.ts';
import { parseScoreTableQuery } from './score-params.ts';

const AGENCY = '3256fa13-53e8-48eb-8ea5-94b329b59b99';
const NOW = Date.parse('2025-10-15T10:00:00+07:00');

describe('QĐ 766 and satisfaction page URLs', () => {
  it('write the period always and the agency when chosen, with the API’s names', () => {
    const query = parseScoreTableQuery(`?period=2025-Q3&agencyId=${AGENCY.toUpperCase()}`, NOW);
    expect(periodPageHref('qd766', query)).toBe(`/diem/766?period=2025-Q3&agencyId=${AGENCY}`);
    expect(periodPageApiPath('qd766', query)).toBe(`/api/v1/scores/qd766?period=2025-Q3&agencyId=${AGENCY}`);
    const bare = parseScoreTableQuery('?period=garbage', NOW);
    expect(periodPageHref('satisfaction', bare)).toBe('/diem/hai-long?period=2025-Q3');
    expect(periodPageApiPath('satisfaction', bare)).toBe('/api/v1/scores/satisfaction?period=2025-Q3');
  });

  it('know their own paths, with or without a trailing slash', () => {
    expect(periodPageOf('/diem/766')).toBe('qd766');
    expect(periodPageOf('/diem/hai-long/')).toBe('satisfaction');
    expect(periodPageOf('/diem/co-quan')).toBeNull();
  });
});

describe('two-decimal numbers', () => {
  it('use a decimal comma in Vietnamese and a point in English', () => {
    expect(formatHundredths('vi', 17.14)).toBe('17,14');
    expect(formatHundredths('en', 17.1)).toBe('17.10');
    expect(formatPercent('vi', 85.71)).toBe('85,71%');
    expect(formatPercent('en', 100)).toBe('100.00%');
    expect(formatNumber('vi', 4.5)).toBe('4,5');
    expect(formatNumber('en', 20)).toBe('20');
  });
});
