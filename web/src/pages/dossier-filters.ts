import { LIMITS } from '#shared/limits.ts';
import { isIsoDate } from '../format.ts';
import { STATUS_ORDER, TIMELINESS_ORDER, type DossierStatus, type TimelinessFilter } from '../i18n.ts';

/**
 * The dossier list's filters, kept in the page URL (`/ho-so?q=…&status=…`) so a filtered list
 * can be bookmarked and the back button restores it. The names are the API's query names.
 */
export interface DossierFilters {
  q: string;
  agencyId: string;
  status: DossierStatus | '';
  timeliness: TimelinessFilter | '';
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

/** Page sizes offered; the API accepts 1..LIMITS.pageSizeMax. */
export const PAGE_SIZES = [20, LIMITS.pageSizeDefault, 100, LIMITS.pageSizeMax] as const;

export const EMPTY_FILTERS: DossierFilters = {
  q: '',
  agencyId: '',
  status: '',
  timeliness: '',
  from: '',
  to: '',
  page: 1,
  pageSize: LIMITS.pageSizeDefault,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return values.find((candidate) => candidate === value) ?? '';
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}

/**
 * Reads the filters from a query string. Values the API would refuse (unknown status, bad
 * dates, a page size out of range) are dropped, so a mangled bookmark still opens a list.
 */
export function parseDossierFilters(search: string): DossierFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => (params.get(name) ?? '').trim();
  const date = (name: string) => (isIsoDate(text(name)) ? text(name) : '');
  const agencyId = text('agencyId');
  return {
    q: text('q').slice(0, LIMITS.codeMaxLength),
    agencyId: UUID.test(agencyId) ? agencyId.toLowerCase() : '',
    status: oneOf(STATUS_ORDER, params.get('status')),
    timeliness: oneOf(TIMELINESS_ORDER, params.get('timeliness')),
    from: date('from'),
    to: date('to'),
    page: positiveInt(params.get('page'), 1, 100_000),
    pageSize: positiveInt(params.get('pageSize'), LIMITS.pageSizeDefault, LIMITS.pageSizeMax),
  };
}

/** The query string of the filters (without '?'), leaving out empty values and defaults. */
export function serializeDossierFilters(filters: DossierFilters): string {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.agencyId) params.set('agencyId', filters.agencyId);
  if (filters.status) params.set('status', filters.status);
  if (filters.timeliness) params.set('timeliness', filters.timeliness);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page !== 1) params.set('page', String(filters.page));
  if (filters.pageSize !== LIMITS.pageSizeDefault) params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

/** The page URL of a filtered list. */
export function dossierListHref(filters: DossierFilters): string {
  const search = serializeDossierFilters(filters);
  return search ? `/ho-so?${search}` : '/ho-so';
}

/** The API request of a filtered list (always with an explicit page and page size). */
export function dossierApiPath(filters: DossierFilters): string {
  const params = new URLSearchParams(serializeDossierFilters(filters));
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return `/api/v1/dossiers?${params.toString()}`;
}

/** True when the receipt period is reversed (the form refuses it rather than showing an empty list). */
export function isPeriodReversed(filters: Pick<DossierFilters, 'from' | 'to'>): boolean {
  return filters.from !== '' && filters.to !== '' && filters.from > filters.to;
}
