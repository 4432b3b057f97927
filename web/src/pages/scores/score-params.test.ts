import { describe, expect, it } from 'vitest';
import { formatScore, MESSAGES } from '../../i18n.ts';
import {
  cellDrillHref,
  defaultPeriod,
  drillApiPath,
  parseDrillQuery,
  parsePeriod,
  parseScoreTableQuery,
  periodYears,
  quarterOf,
  scoreTableApiPath,
  scoreTableHref,
} from './score-params.ts';

const AGENCY = '3256fa13-53e8-48eb-8ea5-94b329b59b99';
const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it('reads quarters and years, and nothing else', () => {
    expect(parsePeriod('2025-Q3')).toEqual({ year: 2025, quarter: 3 });
    expect(parsePeriod('2025')).toEqual({ year: 2025, quarter: null });
    expect(parsePeriod('2025-Q5')).toBeNull();
    expect(parsePeriod('Q3-2025')).toBeNull();
    expect(parsePeriod(null)).toBeNull();
  });

  it('takes the quarter in Vietnam time: 31/12 17:00 UTC is already the new year there', () => {
    expect(quarterOf(at('2025-12-31T16:59:00Z'))).toEqual({ year: 2025, quarter: 4 });
    expect(quarterOf(at('2025-12-31T17:00:00Z'))).toEqual({ year: 2026, quarter: 1 });
  });

  it('defaults to the last quarter that has ended, across the new year', () => {
    expect(defaultPeriod(at('2025-10-15T10:00:00+07:00'))).toBe('2025-Q3');
    expect(defaultPeriod(at('2026-02-01T10:00:00+07:00'))).toBe('2025-Q4');
  });

  it('offers the years from 2024 to now, newest first, plus one a link asked for', () => {
    expect(periodYears(at('2026-05-01T00:00:00+07:00'), null)).toEqual([2026, 2025, 2024]);
    expect(periodYears(at('2026-05-01T00:00:00+07:00'), 2021)).toEqual([2026, 2025, 2024, 2021]);
  });

  it('names periods in each language', () => {
    expect(MESSAGES.vi.scores.periodName(2025, 3)).toBe('Quý III/2025');
    expect(MESSAGES.vi.scores.periodName(2025, null)).toBe('Năm 2025');
    expect(MESSAGES.en.scores.periodName(2025, 3)).toBe('Q3 2025');
  });
});

describe('table query', () => {
  const now = at('2025-10-15T10:00:00+07:00');

  it('keeps a valid period and agency, and replaces a mangled period by the default', () => {
    expect(parseScoreTableQuery(`?period=2024&agencyId=${AGENCY.toUpperCase()}`, now)).toEqual({
      period: '2024',
      agencyId: AGENCY,
    });
    expect(parseScoreTableQuery('?period=2025-Q9&agencyId=nope', now)).toEqual({
      period: '2025-Q3',
      agencyId: '',
    });
  });

  it('writes the page URL and the API request with the same names', () => {
    const query = { period: '2025-Q3', agencyId: AGENCY };
    expect(scoreTableHref('agencies', query)).toBe(`/diem/co-quan?period=2025-Q3&agencyId=${AGENCY}`);
    expect(scoreTableApiPath('officials', { period: '2025', agencyId: '' })).toBe(
      '/api/v1/scores/officials?period=2025',
    );
  });
});

describe('drill-down query', () => {
  const now = at('2025-10-15T10:00:00+07:00');

  it('round-trips a cell link into the API request', () => {
    const href = cellDrillHref('2025-Q3', 'official', AGENCY, 'cs7');
    expect(href).toBe(`/diem/ho-so?period=2025-Q3&subjectKind=official&subjectId=${AGENCY}&indicator=cs7`);
    const query = parseDrillQuery(href.slice(href.indexOf('?')), now);
    expect(drillApiPath(query)).toBe(
      `/api/v1/scores/dossiers?period=2025-Q3&subjectKind=official&subjectId=${AGENCY}&indicator=cs7&page=1&pageSize=50`,
    );
  });

  it('drops what the API would refuse; without a subject there is no request', () => {
    const query = parseDrillQuery('?subjectKind=unit&subjectId=x&indicator=cs5&points=3&page=0', now);
    expect(query).toMatchObject({
      period: '2025-Q3',
      subjectKind: '',
      subjectId: '',
      indicator: '',
      points: null,
      page: 1,
    });
    expect(drillApiPath(query)).toBeNull();
    expect(parseDrillQuery(`?subjectKind=agency&subjectId=${AGENCY}&points=0`, now).points).toBe(0);
  });
});

describe('formatScore', () => {
  it('writes one decimal: a comma in Vietnamese, a point in English', () => {
    expect(formatScore('vi', 1.7)).toBe('1,7');
    expect(formatScore('en', 1.7)).toBe('1.7');
    expect(formatScore('vi', 15)).toBe('15,0');
    expect(formatScore('en', 0)).toBe('0.0');
  });
});
