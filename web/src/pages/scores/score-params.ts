import { DOSSIER_INDICATORS, type DossierIndicator } from '../../i18n.ts';

/**
 * The score pages' query strings: the period and agency of the tables (`/diem/co-quan?period=
 * 2025-Q3&agencyId=…`) and the subject, indicator and points of the drill-down (`/diem/ho-so?…`).
 * The names are the API's query names, so a page URL and its API request say the same thing.
 */

/** The first year offered by the period picker (the system holds no earlier data). */
export const FIRST_YEAR = 2024;

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A period split into its year and quarter (null for the whole year). */
export interface PeriodParts {
  year: number;
  quarter: number | null;
}

/** Reads '2025-Q3' or '2025'; null for anything else. */
export function parsePeriod(value: string | null): PeriodParts | null {
  const match = PERIOD.exec((value ?? '').trim());
  if (!match) return null;
  return { year: Number(match[1]), quarter: match[2] === undefined ? null : Number(match[2]) };
}

/** '2025-Q3' or '2025'. */
export function periodKey(parts: PeriodParts): string {
  return parts.quarter === null ? String(parts.year) : `${parts.year}-Q${parts.quarter}`;
}

const vietnamMonth = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: 'numeric',
});

/** The quarter `now` falls in, in Vietnam's time zone (a quarter ends at local midnight). */
export function quarterOf(now: number): { year: number; quarter: number } {
  let year = 0;
  let month = 1;
  for (const part of vietnamMonth.formatToParts(now)) {
    if (part.type === 'year') year = Number(part.value);
    if (part.type === 'month') month = Number(part.value);
  }
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * The period shown when the URL names none: the last quarter that has ended — the one offices
 * report on (the current quarter is still incomplete).
 */
export function defaultPeriod(now: number): string {
  const { year, quarter } = quarterOf(now);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** The years offered: FIRST_YEAR up to the current year, plus the selected one if a link asked for another. */
export function periodYears(now: number, selected: number | null): number[] {
  const last = quarterOf(now).year;
  const years: number[] = [];
  for (let year = last; year >= FIRST_YEAR; year -= 1) years.push(year);
  if (selected !== null && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

function agencyIdOf(params: URLSearchParams): string {
  const value = (params.get('agencyId') ?? '').trim();
  return UUID.test(value) ? value.toLowerCase() : '';
}

/** The agency and official tables' query: a period (always set) and an optional agency subtree. */
export interface ScoreTableQuery {
  period: string;
  agencyId: string;
}

/** Reads the table query; a missing or mangled period becomes the default one. */
export function parseScoreTableQuery(search: string, now: number): ScoreTableQuery {
  const params = new URLSearchParams(search);
  const period = parsePeriod(params.get('period'));
  return { period: period ? periodKey(period) : defaultPeriod(now), agencyId: agencyIdOf(params) };
}

function tableSearch(query: ScoreTableQuery): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.agencyId) params.set('agencyId', query.agencyId);
  return params.toString();
}

export type ScoreTable = 'agencies' | 'officials';

const TABLE_PATHS: Readonly<Record<ScoreTable, string>> = {
  agencies: '/diem/co-quan',
  officials: '/diem/can-bo',
};

/** The page URL of a table (the period is always written, so a bookmark keeps its period). */
export function scoreTableHref(table: ScoreTable, query: ScoreTableQuery): string {
  return `${TABLE_PATHS[table]}?${tableSearch(query)}`;
}

/** The API request of a table. */
export function scoreTableApiPath(table: ScoreTable, query: ScoreTableQuery): string {
  return `/api/v1/scores/${table}?${tableSearch(query)}`;
}

export type SubjectKind = 'agency' | 'official';

/** The drill-down's query: the dossiers behind one number of a table. */
export interface DrillQuery {
  period: string;
  subjectKind: SubjectKind | '';
  subjectId: string;
  indicator: DossierIndicator | '';
  points: number | null;
  page: number;
  pageSize: number;
}

/** Dossiers per drill-down page (the API accepts up to 200). */
export const DRILL_PAGE_SIZE = 50;

function positiveInt(value: string | null, fallback: number, max: number): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}

/** Reads the drill-down query; what the API would refuse is dropped (or defaulted, for the period). */
export function parseDrillQuery(search: string, now: number): DrillQuery {
  const params = new URLSearchParams(search);
  const period = parsePeriod(params.get('period'));
  const kind = params.get('subjectKind');
  const subjectId = (params.get('subjectId') ?? '').trim();
  const points = params.get('points');
  return {
    period: period ? periodKey(period) : defaultPeriod(now),
    subjectKind: kind === 'agency' || kind === 'official' ? kind : '',
    subjectId: UUID.test(subjectId) ? subjectId.toLowerCase() : '',
    indicator: DOSSIER_INDICATORS.find((indicator) => indicator === params.get('indicator')) ?? '',
    points: points === '0' || points === '1' || points === '2' ? Number(points) : null,
    page: positiveInt(params.get('page'), 1, 100_000),
    pageSize: positiveInt(params.get('pageSize'), DRILL_PAGE_SIZE, 200),
  };
}

function drillSearch(query: DrillQuery, withPaging: boolean): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.subjectKind) params.set('subjectKind', query.subjectKind);
  if (query.subjectId) params.set('subjectId', query.subjectId);
  if (query.indicator) params.set('indicator', query.indicator);
  if (query.points !== null) params.set('points', String(query.points));
  if (withPaging || query.page !== 1) params.set('page', String(query.page));
  if (withPaging || query.pageSize !== DRILL_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params.toString();
}

/** The page URL of a drill-down (page and page size only when not the defaults). */
export function drillHref(query: DrillQuery): string {
  return `/diem/ho-so?${drillSearch(query, false)}`;
}

/** The drill-down of one cell of a table: first page, every points value. */
export function cellDrillHref(
  period: string,
  subjectKind: SubjectKind,
  subjectId: string,
  indicator: DossierIndicator,
): string {
  return drillHref({
    period,
    subjectKind,
    subjectId,
    indicator,
    points: null,
    page: 1,
    pageSize: DRILL_PAGE_SIZE,
  });
}

/** The API request of a drill-down; null when the URL does not name a subject. */
export function drillApiPath(query: DrillQuery): string | null {
  if (!query.subjectKind || !query.subjectId) return null;
  return `/api/v1/scores/dossiers?${drillSearch(query, true)}`;
}
